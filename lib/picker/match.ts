import { MAX_RECORDS, MAX_SELECTOR } from './types';

/**
 * Finding every record shaped like the chosen card. A card's structure is its
 * tag and stable classes, and those of up to four ancestors: the shortest such path whose
 * matches all look like the chosen card becomes the record selector. "Look like" is
 * tolerant: a match needs half of the chosen card's inner structure, so a card without
 * an email link or a photo still counts. Selectors carry tags, stable classes, stable ids
 * and a few semantic attributes, never positions (no :nth-child), so a recipe survives
 * a list that grows or a card moved. Pure DOM reads: nothing here writes to the page.
 */

// Class names that are generated (CSS modules, CSS-in-JS, hashes) or describe a passing
// state: a selector holding them would break on the next build or the next hover.
const GENERATED =
  /\d{3,}|^(css|sc|jsx|svelte|emotion|tw|chakra|mui|ng|v)-|^_|[A-Z0-9]{5,}|__[\w-]{5,}$|--[a-z0-9]{5,}$/;
const STATE =
  /^(is-|has-)|^(active|selected|current|hover|focus|focused|open|opened|closed|hidden|visible|show|shown|in|fade|first|last|odd|even|featured|highlight(ed)?|loaded|lazy|lazyloaded|animated|aos-\w+|js-\w+|clearfix|row|col|column)$/i;
const PLAIN_TOKEN = /^[A-Za-z][\w-]{0,60}$/;
const STABLE_ATTRS = ['data-testid', 'data-test', 'itemtype', 'itemprop', 'role'] as const;
const MAX_DEPTH = 4;
const SHAPE_NODES = 80;
const SAMPLE = 40;

/** Classes worth putting in a selector: plain tokens that are neither generated nor a state. */
export function stableClasses(el: Element): string[] {
  const out: string[] = [];
  for (const c of (el.getAttribute('class') ?? '').split(/\s+/)) {
    if (c && PLAIN_TOKEN.test(c) && !GENERATED.test(c) && !STATE.test(c) && !out.includes(c)) out.push(c);
  }
  return out;
}

const tagOf = (el: Element) => el.localName.toLowerCase();

/** A stable attribute as a selector part ([itemtype="…"]), when the element has one with a plain value. */
function stableAttr(el: Element): string {
  for (const name of STABLE_ATTRS) {
    const value = el.getAttribute(name);
    if (value && value.length <= 80 && /^[\w\-:/.]+$/.test(value)) return `[${name}="${value}"]`;
  }
  return '';
}

/**
 * The classes a record shares with its look-alike siblings ("card featured" and "card"
 * give "card"), so one card's variant does not narrow the selector to itself.
 */
function sharedClasses(el: Element): string[] {
  let classes = stableClasses(el);
  const parent = el.parentElement;
  if (!parent || classes.length === 0) return classes.slice(0, 2);
  let peers = 0;
  for (let s = parent.firstElementChild; s && peers < 50; s = s.nextElementSibling) {
    if (s === el || s.localName !== el.localName) continue;
    const theirs = stableClasses(s);
    if (!theirs.some((c) => classes.includes(c))) continue;
    peers++;
    classes = classes.filter((c) => theirs.includes(c));
  }
  // Same-tag siblings sharing none of its classes: a per-card class ("card-jane" beside "card-joe")
  // leaves the tag alone, while a part of a card ("span.name" beside "span.role") keeps its class
  // when it repeats elsewhere (in the other cards).
  if (peers === 0 && [...parent.children].some((s) => s !== el && s.localName === el.localName)) {
    const repeated = rootOf(el).querySelectorAll(`${tagOf(el)}.${classes[0]}`).length > 1;
    return repeated ? classes.slice(0, 2) : [];
  }
  return classes.slice(0, 2);
}

/** The selector part for the record element itself: tag + shared stable classes (or a stable attribute). */
function recordCompound(el: Element): string {
  const classes = sharedClasses(el);
  if (classes.length) return `${tagOf(el)}.${classes.join('.')}`;
  return `${tagOf(el)}${stableAttr(el)}`;
}

/** The selector part for an ancestor: a stable id when it has one, else tag + stable classes. */
function ancestorCompound(el: Element): string {
  const id = el.getAttribute('id');
  if (id && PLAIN_TOKEN.test(id) && !GENERATED.test(id)) return `${tagOf(el)}#${id}`;
  const classes = stableClasses(el).slice(0, 2);
  return classes.length ? `${tagOf(el)}.${classes.join('.')}` : `${tagOf(el)}${stableAttr(el)}`;
}

/** Candidate selectors for a record, from its own part alone to four ancestors deep (shortest first). */
export function selectorChain(el: Element): string[] {
  const out = [recordCompound(el)];
  let parent = el.parentElement;
  for (let depth = 0; parent && depth < MAX_DEPTH; depth++, parent = parent.parentElement) {
    const tag = tagOf(parent);
    if (tag === 'html') break;
    const next = `${ancestorCompound(parent)} > ${out[out.length - 1]}`;
    if (next.length > MAX_SELECTOR) break;
    out.push(next);
    if (tag === 'body' || next.includes('#')) break;
  }
  return out;
}

/** A card's inner structure: the tag.class paths of its descendants, relative to it (capped). */
export function shapeOf(el: Element): Set<string> {
  const shape = new Set<string>();
  const walk = (node: Element, prefix: string, depth: number) => {
    // A web component's card is in its open shadow root: that is its structure too.
    const kids = node.shadowRoot ? [...node.shadowRoot.children, ...node.children] : node.children;
    for (const c of kids) {
      if (shape.size >= SHAPE_NODES) break;
      const cls = stableClasses(c)[0];
      const path = `${prefix}>${tagOf(c)}${cls ? `.${cls}` : ''}`;
      shape.add(path);
      if (depth < 4) walk(c, path, depth + 1);
    }
  };
  walk(el, '', 0);
  return shape;
}

/** True when a match holds at least half of the chosen card's structure (missing parts are allowed). */
export function sameShape(reference: Set<string>, candidate: Element): boolean {
  // A card of bare text (<li>Jane Doe</li>): the selector alone says it is one.
  if (reference.size === 0) return true;
  const theirs = shapeOf(candidate);
  let common = 0;
  for (const path of reference) if (theirs.has(path)) common++;
  return common * 2 >= reference.size;
}

/** The root a card lives in: its document, or an open shadow root when the card is inside one. */
export function rootOf(el: Element): Document | ShadowRoot {
  const root = el.getRootNode();
  // nodeType, not instanceof: tests run without a global ShadowRoot (linkedom).
  return root.nodeType === 9 || (root.nodeType === 11 && 'host' in root)
    ? (root as Document | ShadowRoot)
    : el.ownerDocument;
}

export interface Match {
  selector: string;
  /** Every element the selector matches in the card's root. */
  total: number;
  /** The matches that look like the chosen card, in page order, at most MAX_RECORDS. */
  records: Element[];
  /** True when more records matched than were taken. */
  capped: boolean;
}

function evaluate(root: Document | ShadowRoot, selector: string, reference: Set<string>, chosen: Element) {
  let all: NodeListOf<Element>;
  try {
    all = root.querySelectorAll(selector);
  } catch {
    return null;
  }
  // A sample spread over the matches decides; reading the shape of 10,000 cards would not stay responsive.
  const step = Math.max(1, Math.floor(all.length / SAMPLE));
  let sampled = 0;
  let alike = 0;
  for (let i = 0; i < all.length; i += step) {
    const el = all[i] as Element;
    sampled++;
    if (el === chosen || (!el.contains(chosen) && !chosen.contains(el) && sameShape(reference, el))) alike++;
  }
  return { all, share: sampled ? alike / sampled : 0 };
}

/**
 * Every record shaped like the chosen element: the shortest selector whose matches are
 * (nearly) all alike, then those alike matches in page order, capped at MAX_RECORDS.
 */
export function findRecords(chosen: Element, max = MAX_RECORDS): Match {
  const root = rootOf(chosen);
  const reference = shapeOf(chosen);
  const chain = selectorChain(chosen);
  let best: { selector: string; all: NodeListOf<Element>; score: number } | null = null;
  // The card's own part alone first, with all its shared classes or with one of them: a grid
  // marks its columns apart ("col-1 box", "col-2 box") and "div.box" is the record.
  const own = chain[0] ?? '';
  const [ownTag, ...ownClasses] = own.includes('[') ? [own] : own.split('.');
  for (const selector of ownClasses.length > 1 ? [own, ...ownClasses.map((c) => `${ownTag}.${c}`)] : []) {
    const result = evaluate(root, selector, reference, chosen);
    const alike = result ? result.share * result.all.length : 0;
    if (result && result.all.length >= 2 && result.share >= 0.9 && (!best || alike > best.score))
      best = { selector, all: result.all, score: alike };
  }
  for (const selector of best ? [] : chain) {
    const result = evaluate(root, selector, reference, chosen);
    if (!result) continue;
    const score = result.share * result.all.length;
    if (result.all.length >= 2 && result.share >= 0.9) {
      best = { selector, all: result.all, score };
      break;
    }
    if (!best || score > best.score) best = { selector, all: result.all, score };
  }
  if (!best) return { selector: chain[0] ?? tagOf(chosen), total: 1, records: [chosen], capped: false };
  const records: Element[] = [];
  let total = 0;
  for (const el of best.all) {
    if (el !== chosen && (el.contains(chosen) || chosen.contains(el))) continue;
    // Past the cap only the count matters; the shape check is what costs.
    if (records.length >= max) {
      total++;
      continue;
    }
    if (el === chosen || sameShape(reference, el)) {
      records.push(el);
      total++;
    }
  }
  return { selector: best.selector, total, records, capped: total > records.length };
}

const NOT_CARDS = /^(script|style|noscript|template|br|hr|img|input|option|meta|link|svg|path|source|head|title)$/;

/**
 * Cards worth offering before the user points at one (Tab moves through them): children of
 * a parent that holds two or more siblings of the same tag and first stable class, each
 * with some text. The groups with the most text come first, their cards in page order.
 */
export function candidateCards(doc: Document, max = 300): Element[] {
  const all = (doc.body ?? doc.documentElement)?.getElementsByTagName('*') ?? [];
  const groups: { members: Element[]; score: number }[] = [];
  const scanned = Math.min(all.length, 20_000);
  for (let i = 0; i < scanned; i++) {
    const parent = all[i] as Element;
    if (parent.childElementCount < 2 || parent.childElementCount > 2000) continue;
    const bySig = new Map<string, Element[]>();
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (NOT_CARDS.test(tagOf(c))) continue;
      const sig = `${tagOf(c)}.${stableClasses(c)[0] ?? ''}`;
      const list = bySig.get(sig);
      if (list) list.push(c);
      else bySig.set(sig, [c]);
    }
    for (const members of bySig.values()) {
      if (members.length < 2) continue;
      const texts = members.slice(0, 5).map((m) => (m.textContent ?? '').trim().length);
      if (texts.filter((n) => n >= 3).length < 2) continue;
      const depth = shapeOf(members[0] as Element).size;
      groups.push({ members, score: Math.min(members.length, 50) * (1 + Math.min(depth, 20)) });
    }
  }
  groups.sort((a, b) => b.score - a.score);
  const out: Element[] = [];
  for (const g of groups) {
    for (const m of g.members) {
      if (out.length >= max) return out;
      if (!out.some((o) => o.contains(m) || m.contains(o))) out.push(m);
    }
  }
  return out;
}
