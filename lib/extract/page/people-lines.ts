import { classifyLink } from '@/lib/normalize/links';
import { addList, newPerson, setField } from './entity';
import type { CardReading } from './people-card';
import { type Block, insideCard, isName, nameOf, roleLike, shouting } from './people-text';
import { isOrgText, roleish } from './roles';
import type { RawPerson } from './types';

/**
 * Records that list several people line by line: board members under one
 * heading, jemdoc's "<a>Name</a> (details)<br>" lists, and the name forms of records
 * without a heading: a leading linked name, a bold name opening a bio.
 */

/** "<a>Jane Doe</a> (co-advised with …)", "Jane Doe (2023, PhD): Waymo": a record led by a name. */
export function leadingName(blocks: Block[]): Block | undefined {
  for (const b of blocks) {
    const a = b.line ? b.first : b.el.tagName === 'A' ? b.el : b.el.firstElementChild;
    const linked = a?.tagName === 'A' ? (a.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
    if (linked && b.text.startsWith(linked) && isName(linked) && !roleLike(linked))
      return { el: a as Element, text: linked };
    const m = /^([^,(:;]{3,60}?)\s{0,5}[,(]/.exec(b.text);
    if (m && isName(m[1] as string) && !roleLike(m[1] as string)) return { el: b.el, text: m[1] as string };
    // "mgr Anna Nowak Psycholog, Psychoterapeuta …": the name's and the role's spans run together
    // (styled as lines by class, as Tailwind's "block"); the role's first word is no part of the name.
    const run = m ? /^(.{3,60}?)\s(\p{Lu}\p{Ll}{2,30})$/u.exec(m[1] as string) : null;
    if (run && roleish(run[2] as string) && isName(run[1] as string) && !roleLike(run[1] as string))
      return { el: b.el, text: run[1] as string };
  }
  return undefined;
}

export interface NameLine {
  name: string;
  /** The line after the name ("Assistant Professor, University of Antwerp"). */
  rest: string;
  /** The link the name is written in: the person's own page. */
  link: Element | null;
}

/**
 * Lines of one block that each start with a name: several people in one record (board
 * members under one heading, jemdoc's "<a>Name</a> (details)<br>" lists). Not when a line
 * stands alone in bold: that is a card's name over its role and links (MkDocs lists).
 */
export function nameLines(blocks: Block[]): NameLine[] {
  const byParent = new Map<Element, Block[]>();
  for (const b of blocks) {
    if (!b.line || !b.of) continue;
    const list = byParent.get(b.of);
    if (list) list.push(b);
    else byParent.set(b.of, [b]);
  }
  for (const lines of byParent.values()) {
    if (lines.length < 2 || lines.some((b) => b.el !== b.of && /^(B|STRONG|H[1-6])$/.test(b.el.tagName.toUpperCase())))
      continue;
    const led: NameLine[] = [];
    for (const b of lines) {
      const whole = isName(b.text) && !roleLike(b.text) && !shouting(b.text);
      const lead = whole ? b : leadingName([b]);
      if (!lead) continue;
      const rest = b.text.slice(lead.text.length).replace(/^[\s,;:–—-]+/, '');
      led.push({ name: lead.text, rest, link: lead.el.tagName.toUpperCase() === 'A' ? lead.el : null });
    }
    if (led.length >= 2 && led.length * 10 >= lines.length * 6) return led;
  }
  return [];
}

/**
 * A record led by its name as bare text before a label of its own ("<p>田中 友章 <a class=gray>D3</a></p>",
 * "<li>Jane Doe <span>PhD</span></li>"): the text before the record's first element.
 */
export function leadingText(card: Element): Block | undefined {
  let text = '';
  for (let n = card.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) break;
    if (n.nodeType === 3) text += n.nodeValue ?? '';
  }
  const t = text.replace(/\s+/g, ' ').trim();
  return t && card.firstElementChild && isName(t) && !roleLike(t) && !shouting(t) ? { el: card, text: t } : undefined;
}

/** A bold name opening a bio paragraph ("<p><strong>Jane Doe</strong> is a professor…", "Hallo! Ik ben <b>Jane Doe</b>"). */
export function boldName(card: Element): Block | undefined {
  const bolds = card.querySelectorAll('b, strong');
  for (let i = 0; i < bolds.length && i < 2; i++) {
    const el = bolds[i] as Element;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (isName(text) && !roleLike(text)) return { el, text };
  }
  return undefined;
}

/** A record listing several people line by line: each line's name, its role (the line's rest or the record's heading), its link. */
export function manyCard(card: Element, base: string, blocks: Block[], lines: NameLine[]): CardReading | null {
  const heading = blocks.find((b) => !b.line && b.text.split(' ').length <= 4 && insideCard(b.el, card, /^H[1-6]$/));
  const host = hostOf(base);
  const people: RawPerson[] = [];
  for (const l of lines) {
    const p = newPerson(nameOf(l.name), 'people-list');
    if (!p) continue;
    const own = l.rest.length <= 120 && (roleLike(l.rest) || isOrgText(l.rest));
    setRole(p, own ? l.rest : l.rest ? '' : (heading?.text ?? ''));
    const c = l.link ? classifyLink(l.link.getAttribute('href') ?? '', base) : null;
    if (c && c.kind !== 'linkedin-company' && c.kind !== 'crunchbase-organization' && hostOf(c.url) !== host)
      addList(p, 'links', [c.url], 'contact');
    people.push(p);
  }
  const [person, ...more] = people;
  if (!person) return null;
  return { person, more, evidence: 0, role: !!person.title, nameEl: card };
}

// Degrees written before the role ("Dr. rer. nat., Researcher", "M.Sc. Inf., Researcher", "Prof. Dr., Head of the Group").
const DEGREES =
  /^(?:(?:prof\.|dr\.|ph\.?\s?d\.?|m\.?\s?sc\.|b\.?\s?sc\.|m\.\s?a\.|dipl\.|mag\.)[^,]{0,30},\s{0,5})+(?=\p{L})/iu;

/** A record's role line: its title, or its employer when the line only names an institution ("Jane Doe, Kyushu University"). */
export function setRole(person: RawPerson, line: string): void {
  // "Ph. D. Student, School of …" opens with a role, not a degree: kept whole.
  const degrees = DEGREES.exec(line)?.[0] ?? '';
  const role = degrees && !roleish(degrees) ? line.slice(degrees.length) : line;
  if (role && !roleLike(role) && isOrgText(role)) setField(person, 'companyName', role, 'people-list');
  else if (role) setField(person, 'title', role, 'people-list');
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

const key = (t: string) =>
  t
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * The organisation a group of people is listed under (a project's partner labs, a consortium's
 * members: "<p><a href=https://modyco.fr>MoDyCo</a></p><ul><li>Jane Doe</li>…</ul>"): only a lead
 * line that is one off-site link named as its own host ("Lacito" for www.lacito.cnrs.fr), since a
 * heading such as "PhD Students" or a linked project name names no one's employer. '' when none.
 */
export function groupOrg(list: Element, base: string): string {
  const head = list.previousElementSibling;
  if (!head || head.childElementCount > 1) return '';
  const a = head.tagName === 'A' ? head : head.firstElementChild;
  if (a?.tagName !== 'A') return '';
  const text = (head.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length > 60 || text !== (a.textContent ?? '').replace(/\s+/g, ' ').trim() || isName(text)) return '';
  const link = classifyLink(a.getAttribute('href') ?? '', base);
  const host = link?.kind === 'website' ? hostOf(link.url) : '';
  const k = key(text);
  if (!host || host === hostOf(base) || k.length < 3) return '';
  return host
    .split('.')
    .slice(0, -1)
    .some((label) => label.replace(/-/g, '') === k)
    ? text
    : '';
}
