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

/** Same-level headings of one parent read as records; their own elements are the cards' `also`. */
export function sectionCards(heads: Element[], base: string): Card[] {
  const out: Card[] = [];
  const doc = heads[0]?.ownerDocument;
  if (!doc) return out;
  for (const head of heads.slice(0, 100)) {
    const text = (head.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!isName(text) || roleLike(text)) continue;
    const parts: Element[] = [];
    for (let s = head.nextElementSibling; s && parts.length < 20; s = s.nextElementSibling) {
      if (/^H[1-6]$/.test(s.tagName.toUpperCase()) && level(s) <= level(head)) break;
      parts.push(s);
    }
    if (!parts.length || parts.some(listsPeople)) continue;
    const copy = doc.createElement('div');
    copy.appendChild(head.cloneNode(true));
    for (const p of parts) copy.appendChild(p.cloneNode(true));
    const r = readCard(copy, base, { brief: true });
    if (!r || r.more?.length) continue;
    // A section with the person's photo and own mailbox or number is theirs, role or not.
    const p = r.person;
    const sure = !!p.photoUrl && (p.emails.length > 0 || p.phones.length > 0);
    out.push({ el: head, person: p, also: parts, ...(sure ? { listed: true } : {}) });
  }
  return out;
}
