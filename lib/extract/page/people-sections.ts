import { readCard } from './people-card';
import type { Card } from './people-list';
import { isName, roleLike } from './people-text';

/**
 * People written as sections of one page (Markdown sites built with Hugo, Jekyll, Pelican or
 * MkDocs): each record a heading with the person's name, then their photo, contacts and bio as
 * the heading's following siblings, up to the next heading of the same or a higher level. Each
 * section is read as a card of its own from a detached copy (the page itself is never changed).
 */

const level = (el: Element) => Number(el.tagName.charAt(1)) || 0;

/**
 * True when an element lists several people (list items or rows led by a linked name): the
 * heading over it names a group ("Ph.D. Students"), not a person.
 */
function listsPeople(el: Element): boolean {
  const items = el.querySelectorAll('li, tr');
  let named = 0;
  for (let i = 0; i < items.length && i < 12 && named < 2; i++) {
    const a = items[i]?.querySelector('a');
    if (a && isName((a.textContent ?? '').replace(/\s+/g, ' ').trim())) named++;
  }
  return named >= 2;
}

// A nickname or a label in brackets after the heading's name ("Pavel Šimeček (Finn)"): readCard keeps the name before it.
const BRACKET_AFTER = /\s{0,3}\([^()]{1,30}\)$/;

/**
 * Same-level headings of one parent read as records; their own elements are the cards' `also`.
 * `bold`: the heads are paragraphs in bold (boldHeads): a section ends at the next of them or at any heading.
 */
export function sectionCards(heads: Element[], base: string, bold?: Set<Element>): Card[] {
  const out: Card[] = [];
  const doc = heads[0]?.ownerDocument;
  if (!doc) return out;
  for (const head of heads.slice(0, 100)) {
    const text = (head.textContent ?? '').replace(/\s+/g, ' ').trim().replace(BRACKET_AFTER, '');
    if (!isName(text) || roleLike(text)) continue;
    const parts: Element[] = [];
    for (let s = head.nextElementSibling; s && parts.length < 20; s = s.nextElementSibling) {
      if (/^H[1-6]$/.test(s.tagName.toUpperCase()) && (bold || level(s) <= level(head))) break;
      if (bold?.has(s)) break;
      parts.push(s);
    }
    if (parts.some(listsPeople)) continue;
    const copy = doc.createElement('div');
    const h = head.cloneNode(true) as Element;
    if (bold) {
      // Editors split a bold line into runs ("<b>P</b><b>etr Jelínek</b>"): one run, its photos kept.
      const run = doc.createElement('strong');
      run.textContent = (head.textContent ?? '').trim();
      h.replaceChildren(run, ...Array.from(h.querySelectorAll('img')));
    }
    copy.appendChild(h);
    for (const p of parts) copy.appendChild(p.cloneNode(true));
    const r = readCard(copy, base, { brief: true });
    if (!r || r.more?.length) continue;
    // A section with the person's photo and own mailbox or number is theirs, role or not.
    const p = r.person;
    const sure = !!p.photoUrl && (p.emails.length > 0 || p.phones.length > 0);
    out.push({ el: head, person: p, also: parts, ...(sure ? { listed: true } : {}) });
  }
  // A heading with nothing under it (a speaker whose bio was never written) is a record only among
  // two or more that have something: a run of bare headings is as often a list of topics or alumni.
  return out.filter((c) => c.also?.length).length >= 2 ? out : out.filter((c) => c.also?.length);
}

/** The text of an element outside its bold parts. */
function plainText(el: Element): string {
  let t = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) t += n.nodeValue ?? '';
    else if (n.nodeType === 1 && !/^(B|STRONG)$/.test((n as Element).tagName.toUpperCase()))
      t += plainText(n as Element);
  }
  return t;
}

/**
 * Paragraphs written wholly in bold that read as a name: the headings of pages typed in a rich-text
 * editor (WordPress, Wix: "<p><strong>Jane Doe (Nick)</strong></p><p>bio…</p>", each person so).
 */
export function boldHeads(paragraphs: Element[]): Element[] {
  const out: Element[] = [];
  for (const p of paragraphs.slice(0, 200)) {
    if (!p.firstElementChild) continue;
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 5 || text.length > 80 || plainText(p).trim()) continue;
    const name = text.replace(BRACKET_AFTER, '');
    if (isName(name) && !roleLike(name)) out.push(p);
  }
  return out;
}
