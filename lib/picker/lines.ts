import { stableClasses } from './match';
import { MAX_RECORDS, type PageRecords, type RawRecord, type RecordLine } from './types';

/**
 * A record (one person's card) as ordered text lines plus its links, addresses and photo.
 * Each line carries its slot: the tag.class path from the card to the line's block, with
 * an occurrence number when a card repeats it ("div.info>p~2"), so the same line of every
 * card shares a slot and one line → field choice applies to all cards. Reads only.
 */

const MAX_LINES = 40;
const MAX_TEXT = 500;
const MAX_NODES = 400;
const MAX_LINKS = 20;
const MAX_SHADOW_HOSTS = 200;
// Elements that flow inside a line: a block made only of these is one text (a <br> splits it).
const INLINE =
  /^(a|b|strong|em|i|span|small|br|sup|sub|abbr|img|u|mark|time|cite|q|code|label|font|bdi|wbr|s|data|svg|picture|source)$/;
const SKIP = /^(script|style|noscript|template|svg|button|select|option|form|input|textarea|iframe|object|canvas)$/;

const tag = (el: Element) => el.localName.toLowerCase();

function compound(el: Element): string {
  const cls = stableClasses(el)[0];
  return cls ? `${tag(el)}.${cls}` : tag(el);
}

/** An element's children, those of its open shadow root first (a web component's card shows those). */
function childNodes(el: Element): Node[] {
  return el.shadowRoot ? [...el.shadowRoot.childNodes, ...el.childNodes] : [...el.childNodes];
}

function hidden(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/** True for an element that flows inside a line all the way down (a link wrapping a whole card does not). */
function inlineRun(el: Element, depth = 0): boolean {
  if (!INLINE.test(tag(el))) return false;
  if (depth > 6) return true;
  for (const c of childNodes(el)) if (c.nodeType === 1 && !inlineRun(c as Element, depth + 1)) return false;
  return true;
}

/** The text of an inline run, with <br> as a line break. */
function inlineText(el: Element, out: string[]): void {
  for (const n of childNodes(el)) {
    if (n.nodeType === 3) out.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      const child = n as Element;
      const t = tag(child);
      if (t === 'br') out.push('\n');
      else if (!SKIP.test(t) && !hidden(child)) inlineText(child, out);
    }
  }
}

function clean(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

/** The ordered text lines of a card, each with its slot. */
export function recordLines(card: Element): RecordLine[] {
  const lines: RecordLine[] = [];
  const seen = new Map<string, number>();
  let visited = 0;
  const push = (path: string, text: string) => {
    const n = (seen.get(path) ?? 0) + 1;
    seen.set(path, n);
    const slot = n === 1 ? path : `${path}~${n}`;
    text.split('\n').forEach((part, i) => {
      const t = clean(part);
      if (t && lines.length < MAX_LINES) lines.push({ slot: i === 0 ? slot : `${slot}/${i}`, text: t });
    });
  };
  const walk = (el: Element, path: string) => {
    if (visited++ > MAX_NODES || lines.length >= MAX_LINES) return;
    const nodes = childNodes(el);
    const blockChild = nodes.some((c) => c.nodeType === 1 && !inlineRun(c as Element));
    if (!blockChild) {
      const parts: string[] = [];
      inlineText(el, parts);
      push(path || tag(el), parts.join(''));
      return;
    }
    // A block with block children: its own loose text ("Jane Doe <div>CEO</div>") is a line too.
    for (const n of nodes) {
      if (n.nodeType === 3) {
        const t = clean(n.nodeValue ?? '');
        if (t) push(`${path}#text`, t);
      } else if (n.nodeType === 1) {
        const child = n as Element;
        if (SKIP.test(tag(child)) || hidden(child)) continue;
        if (inlineRun(child)) {
          const parts: string[] = [];
          inlineText(child, parts);
          push(`${path}>${compound(child)}`, parts.join(''));
        } else walk(child, `${path}>${compound(child)}`);
      }
    }
  };
  walk(card, '');
  return lines;
}

/** An http(s) URL resolved against the page, or '' (javascript:, data: and in-page anchors are not links). */
function httpUrl(raw: string, base: string): string {
  try {
    const url = new URL(raw, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    return url.href.length <= 2048 ? url.href : '';
  } catch {
    return '';
  }
}

/** Reads one card: its lines, http(s) links, mailto: addresses, tel: numbers and first photo. */
export function readRecord(card: Element, base: string): RawRecord {
  const record: RawRecord = { lines: recordLines(card), links: [], emails: [], phones: [] };
  const page = base.split('#')[0];
  const inner = card.shadowRoot;
  const anchors = [...(inner?.querySelectorAll('a[href]') ?? []), ...card.querySelectorAll('a[href]')];
  for (const a of anchors.slice(0, 60)) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (/^mailto:/i.test(href)) {
      const address = decodeURIComponent(href.slice(7).split('?')[0] ?? '')
        .trim()
        .toLowerCase();
      if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) && !record.emails.includes(address) && address.length <= 254)
        record.emails.push(address);
    } else if (/^tel:/i.test(href)) {
      const phone = href.slice(4).trim().slice(0, 40);
      if (/\d{4}/.test(phone) && !record.phones.includes(phone)) record.phones.push(phone);
    } else {
      const url = httpUrl(href, base);
      if (url && url.split('#')[0] !== page && !record.links.includes(url) && record.links.length < MAX_LINKS)
        record.links.push(url);
    }
  }
  record.emails = record.emails.slice(0, MAX_LINKS);
  record.phones = record.phones.slice(0, 10);
  const img = inner?.querySelector('img') ?? card.querySelector('img');
  if (img) {
    const src = img.getAttribute('src') ?? '';
    const lazy = img.getAttribute('data-src') ?? img.getAttribute('data-lazy-src') ?? '';
    const photo = httpUrl(src && !src.startsWith('data:') ? src : lazy, base);
    if (photo && !/\.svg(\?|$)/i.test(photo)) record.photo = photo;
  }
  return record;
}

/** The document and every open shadow root in it (capped): where a recipe's records may live. */
function roots(doc: Document): (Document | ShadowRoot)[] {
  const out: (Document | ShadowRoot)[] = [doc];
  for (let i = 0; i < out.length && out.length < MAX_SHADOW_HOSTS; i++) {
    const all = (out[i] as Document | ShadowRoot).querySelectorAll('*');
    for (let k = 0; k < all.length && k < 50_000; k++) {
      const shadow = (all[k] as Element).shadowRoot;
      if (shadow) out.push(shadow);
    }
  }
  return out;
}

/**
 * Reads every record a selector matches, in the document and its open shadow roots, at
 * most `max` of them (the total still counts all). An invalid selector reads nothing.
 */
export function readRecords(doc: Document, selector: string, base: string, max = MAX_RECORDS): PageRecords {
  const records: RawRecord[] = [];
  let total = 0;
  for (const root of roots(doc)) {
    let found: NodeListOf<Element>;
    try {
      found = root.querySelectorAll(selector);
    } catch {
      return { selector, total: 0, records: [] };
    }
    for (const el of found) {
      total++;
      if (records.length < max) records.push(readRecord(el, base));
    }
  }
  return { selector, total, records };
}
