import { classifyLink } from '@/lib/normalize/links';
import { cleanName } from '@/lib/normalize/name';
import { harvest } from './contacts';
import { addList, newPerson, setField, stripCredentials } from './entity';
import { photoOf } from './media';
import { cachedBy } from './memo';
import { boldName, hostOf, leadingName, manyCard, nameLines, setRole } from './people-lines';
import {
  ANCHOR_MARK,
  type Block,
  blocksOf,
  descendants,
  insideCard,
  isName,
  looksLikeName,
  nameOf,
  ROLE_WORD,
  roleLike,
  SKIP_BLOCK,
  shouting,
} from './people-text';
import { splitRole } from './roles';
import type { RawPerson } from './types';

export { looksLikeName } from './people-text';

/**
 * People lists (team, leadership, speakers, search results): repeated sibling cards
 * that each hold a person's name plus a role. Found by structure, not by words:
 * siblings sharing a tag and first class, each with one name-like block followed by
 * a short role block, and some sign of a person (photo, profile link, contact,
 * person-ish class or role word). Testimonials, logos and navigation are excluded.
 */

export interface Card {
  el: Element;
  person: RawPerson;
  /**
   * Set for a group found by structure alone (names but little other sign of people):
   * finalize keeps the group only if its names read as people's names (lib/extract/names).
   */
  weak?: number;
}

const MAX_ELEMENTS = 40_000;
const MAX_GROUPS = 300;
const MAX_CARDS = 1500;
const HEADING = /^(H[1-6]|STRONG|B|DT|FIGCAPTION|CAPTION|TH|CITE)$/;
const NAME_CLASS =
  /(^|[-_\s])(p-name|fn|(full|person|member|speaker|team|author|staff|profile|employee|card|people)?[-_]{0,2}name)($|[-_\s])/i;
const ROLE_CLASS = /(title|role|position|job|poste|funktion|designation|headline|occupation|function|subtitle|desc)/i;
const PERSONISH =
  /(team|member|speaker|person|people|staff|author|profile|employee|leader|board|founder|mitarbeiter|equipe|équipe|intervenant|referent|vcard|h-card|bio)/i;
const NOT_PEOPLE =
  /(testimonial|review|quote|rating|sponsor|partner|client|logo|brand|carousel-logos|customer|award|breadcrumb|menu|nav|pagination|cookie|consent)/i;
const nameish = (el: Element, card: Element) =>
  insideCard(el, card, HEADING) ||
  el.getAttribute('itemprop') === 'name' ||
  NAME_CLASS.test(el.getAttribute('class') ?? '') ||
  NAME_CLASS.test(el.parentElement?.getAttribute('class') ?? '') ||
  firstCell(el, card);

/**
 * Staff directories in tables: the row's first cell holds the name, the next ones the role and
 * contacts; or the cell under a "Name" column head, when a photo column comes first.
 */
function firstCell(el: Element, card: Element): boolean {
  if (card.tagName !== 'TR') return false;
  const cell = el.closest('td, th');
  return !!cell && cell.parentElement === card && (cell === card.firstElementChild || nameColumn(card, cell));
}

// Parents that never hold a list of cards (text-level elements): their children are not scanned.
const INLINE_PARENT = new Set(
  'P A SPAN B STRONG EM I SMALL LABEL BUTTON H1 H2 H3 H4 H5 H6 SELECT OPTGROUP PICTURE TIME CODE PRE HEAD svg g'.split(
    ' ',
  ),
);
// Children never worth grouping (the parts of SVG icons repeat a lot and hold no names).
const SKIP_CHILD = new Set(
  'SCRIPT STYLE BR HR IMG INPUT OPTION META LINK SVG TEMPLATE SOURCE svg path g circle rect use polygon line stop defs'.split(
    ' ',
  ),
);
const NAME_QUERY = 'h1,h2,h3,h4,h5,h6,strong,b,dt,figcaption,cite,[itemprop="name"],[class*="name"],[class*="Name"]';
const ONE_LINE = /^\s*([^,|–—\s][^,|–—]{2,59}?)\s{0,20}(?:,|\s[–—|-]\s)/;

/** The first class name of a class attribute, without splitting the whole list. */
function firstClass(cls: string): string {
  const t = cls.trimStart();
  const end = t.search(/\s/);
  return end < 0 ? t : t.slice(0, end);
}

/** A quick test that a sibling may be a person's card: a name-like heading or "Name, role" line. */
function mayHoldName(el: Element): boolean {
  // A table row: its first cell stands in for the heading.
  const cell = el.tagName === 'TR' ? el.firstElementChild : null;
  if (cell && looksLikeName(cleanName(stripCredentials((cell.textContent ?? '').trim().slice(0, 200))))) return true;
  const candidates = el.querySelectorAll(NAME_QUERY);
  for (let i = 0; i < candidates.length && i < 4; i++) {
    const text = (candidates[i]?.textContent ?? '').trim().slice(0, 200).replace(ANCHOR_MARK, '');
    if (isName(text)) return true;
  }
  const all = (el.textContent ?? '').slice(0, 300);
  const line = ONE_LINE.exec(all.slice(0, 160));
  if (line && looksLikeName(cleanName(line[1] ?? ''))) return true;
  // Themes that put the name in the photo's alt ("Photo Jane Doe") and again in a plain <div> or <span>.
  const alt = altName(el).replace(ALT_PREFIX, '');
  if (alt !== '' && all.includes(alt)) return true;
  // A record led by a linked name ("<a>Jane Doe</a> (co-advised with …)").
  const a = el.querySelector('a');
  const linked = (a?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (linked && all.trimStart().startsWith(linked) && isName(linked) && !roleLike(linked)) return true;
  // A record led by a plain name and its details in brackets ("Jane Doe (Mechanical Engineering)").
  const led = LED.exec(all.trimStart().slice(0, 80))?.[1];
  if (led && isName(led) && !roleLike(led)) return true;
  return plainLeaf(el);
}

const LED = /^([^,(:;\n]{3,60}?)\s{0,5}\(/;

// Alt texts that introduce the name: "Photo Jane Doe", "Portrait of Jane Doe", "Foto de Jane Doe".
const ALT_PREFIX =
  /^(?:photo|foto|portrait|picture|image|headshot|avatar|bild|imagen|immagine|ritratto)\s+(?:(?:of|de|von|di|du|van)\s+)?/i;

/**
 * One of a card's first text leaves reads as a plain name, and the card shows a sign of a
 * person: a photo, or a role line beside the name (boards: "<h3>Kassiererin</h3><p>Selina Jäger</p>").
 * Title-case labels ("Private Browsing", "Google Score") have neither.
 */
function plainLeaf(card: Element): boolean {
  const els = descendants(card);
  let leaves = 0;
  let name = false;
  let role = false;
  for (let i = 0; i < els.length && i < 30 && leaves < 3; i++) {
    const e = els[i] as Element;
    if (e.childElementCount || SKIP_BLOCK.test(e.tagName.toUpperCase())) continue;
    const t = (e.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!t) continue;
    leaves++;
    if (t.length <= 60 && isName(t) && !roleLike(t) && !shouting(t)) name = true;
    else if (t.length <= 80 && roleLike(t)) role = true;
  }
  return name && (role || card.getElementsByTagName('img').length > 0);
}

/** The first image alt of a card that looks like a name ("Nina Attias"); '' when none. */
function altName(card: Element): string {
  const imgs = card.querySelectorAll('img[alt]');
  for (let i = 0; i < imgs.length && i < 3; i++) {
    const alt = (imgs[i]?.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    if (looksLikeName(alt)) return alt;
  }
  return '';
}

/** One card as read: its person (and the others when it lists several), how sure it looks, whether it has a role. */
export interface CardReading {
  person: RawPerson;
  more?: RawPerson[];
  evidence: number;
  role: boolean;
  nameEl: Element;
}

/** Reads one candidate card; null when it is not one person's card. `role` is false when it has none. */
export function readCard(card: Element, base: string): CardReading | null {
  if (NOT_PEOPLE.test(card.getAttribute('class') ?? '') || card.querySelector('blockquote, q')) return null;
  const blocks = blocksOf(card);
  if (blocks.length < 1 || blocks.length > 40) return null;
  // A quoted sentence makes it a testimonial, whatever its classes say (“…”, «…», „…“, 「…」).
  if (blocks.some((b) => b.text.length > 20 && /^[“"«„「『‘]/.test(b.text))) return null;
  const many = nameLines(blocks);
  if (many.length) return manyCard(card, base, blocks, many);
  // A heading that holds a role ("Project Manager", "Präsident") is the role, not the name, when a name follows.
  const named = blocks.filter((b) => nameish(b.el, card) && isName(b.text));
  const names = named.filter((b) => !roleLike(b.text));
  const distinct = new Set(names.map((b) => b.text.toLowerCase()));
  if (distinct.size > 1 && names.filter((b) => insideCard(b.el, card, /^H[1-6]$/)).length > 1) return null;
  let nameBlock = names[0];
  let role = '';
  let plainName = false;
  // "Jane Doe, CEO" in a single block; outside a heading only on the record's first lines (judged later).
  if (!nameBlock) {
    for (const [i, b] of blocks.entries()) {
      // A record whose first line is a whole name: a later "A, B" line is its role or affiliation.
      if (i > 0 && isName((blocks[0] as Block).text) && !roleLike((blocks[0] as Block).text)) break;
      const m = /^(.{3,60}?)(?<!\s)\s*(?:,|\s[–—|-]\s)\s*(.{2,100})$/.exec(b.text);
      if (
        m &&
        isName(m[1] as string) &&
        !roleLike(m[1] as string) &&
        !/\d{3}/.test(m[2] as string) &&
        (i < 2 || nameish(b.el, card))
      ) {
        nameBlock = { el: b.el, text: m[1] as string };
        // "Martin Raden, née Mann": a birth name, not a role (the role is looked for below).
        role = /^(n[ée]e|geb\.|geborene)\s/i.test(m[2] as string) ? '' : (m[2] as string);
        plainName = !nameish(b.el, card);
        break;
      }
    }
  }
  if (!nameBlock) {
    // No heading or name class: the block that repeats the photo's alt, a leading linked name,
    // the first short lines, a bold name opening a bio (all judged later by their names).
    const alt = altName(card).toLowerCase();
    nameBlock =
      (alt ? blocks.find((b) => b.text.length > 4 && alt.endsWith(b.text.toLowerCase())) : undefined) ??
      blocks.slice(0, 2).find((b) => isName(b.text) && !roleLike(b.text) && !shouting(b.text)) ??
      leadingName(blocks.slice(0, 2)) ??
      boldName(card);
    plainName = true;
  }
  if (!nameBlock && named[0]) {
    nameBlock = named[0];
    plainName = false;
  }
  if (!nameBlock) return null;
  if (!role) {
    // The role may sit before or after the name: a role-ish class first, then a role word, then the next short line.
    // The block holding the name (a bio opening with it, "Name (details)") is never the role.
    const name = nameBlock;
    let at = blocks.indexOf(name);
    if (at < 0) at = blocks.findIndex((b) => b.el === name.el || b.el.contains(name.el));
    const own = blocks[at];
    const after = blocks.slice(at + 1);
    const others = blocks.filter((b) => b !== own && b !== name && !names.includes(b));
    const ok = cachedBy((b: Block) => isRole(b, card, name.text)); // asked of each block several times below
    const plain = (b: Block) => ok(b) && !(looksLikeName(b.text) && !roleLike(b.text));
    const roleBlock =
      // "Data Scientist @ Van Log" names the person's own employer: the most telling line.
      others.find((b) => ok(b) && splitRole(b.text, false).company) ??
      others.find((b) => ROLE_CLASS.test(b.el.getAttribute('class') ?? '') && ok(b)) ??
      after.find((b) => ok(b) && roleLike(b.text)) ??
      others.find((b) => ok(b) && roleLike(b.text)) ??
      after.find(plain) ??
      // Boards: a short heading over the name ("<h3>Kassiererin</h3><p>Selina Jäger</p>").
      blocks.slice(0, at).find((b) => ok(b) && b.text.split(' ').length <= 4 && insideCard(b.el, card, /^H[1-6]$/));
    role = roleBlock?.text ?? '';
  }
  const person = newPerson(nameOf(nameBlock.text), 'people-list');
  if (!person) return null;
  setRole(person, role);
  const photo = photoOf(card, base);
  if (photo) setField(person, 'photoUrl', photo, 'people-list');
  const c = harvest(card, base);
  addList(person, 'emails', c.emails, 'contact');
  addList(person, 'phones', c.phones, 'contact');
  addList(person, 'textPhones', c.textPhones, 'contact');
  addList(
    person,
    'links',
    c.links.filter((l) => l.kind !== 'linkedin-company' && l.kind !== 'crunchbase-organization').map((l) => l.url),
    'contact',
  );
  addList(person, 'links', ownSites(card, base), 'contact');
  // A name written as an off-site link (lab and group pages) links to the person's own page.
  const nameLink = nameBlock.el.closest('a') ?? (nameBlock.el.querySelector('a') as Element | null);
  if (nameLink && card.contains(nameLink) && sameText(nameLink, nameBlock.text)) {
    const c = classifyLink(nameLink.getAttribute('href') ?? '', base);
    if (c?.kind === 'website' && hostOf(c.url) !== hostOf(base)) addList(person, 'links', [c.url], 'contact');
  }
  let classes = `${card.getAttribute('class') ?? ''} ${card.parentElement?.getAttribute('class') ?? ''}`;
  for (let e: Element | null = nameBlock.el; e && e !== card; e = e.parentElement)
    classes += ` ${e.getAttribute('class') ?? ''}`;
  const evidence =
    (photo ? 1 : 0) +
    (person.links.length || person.emails.length || person.phones.length ? 2 : 0) +
    (PERSONISH.test(classes) ? 2 : 0) +
    (card.getAttribute('itemtype')?.endsWith('Person') ? 2 : 0) +
    (card.tagName === 'TR' && nameColumn(card, nameBlock.el.closest('td, th')) ? 2 : 0) +
    (ROLE_WORD.test(role) ? 2 : 0);
  return { person, evidence: plainName ? Math.min(evidence, 1) : evidence, role: role !== '', nameEl: nameBlock.el };
}

/** True when a link's text is the whole name (not a name inside a longer linked line). */
const sameText = (a: Element, text: string) => (a.textContent ?? '').replace(/\s+/g, ' ').trim() === text;

/**
 * True when the row's table heads the column of `cell` (default: the first) "Name", "Full name",
 * "Name (first last)" (staff and committer tables).
 */
function nameColumn(row: Element, cell: Element | null = row.firstElementChild): boolean {
  let at = 0;
  for (let c = row.firstElementChild; c && c !== cell; c = c.nextElementSibling) at++;
  const head = row.closest('table')?.querySelector('tr')?.children[at];
  return (
    head?.tagName === 'TH' &&
    /^\s*(full )?(name|nom|nombre|nome|naam|mitglied|person|membre|miembro)(\s{0,3}\([^()]{1,30}\))?\s*$/i.test(
      head.textContent ?? '',
    )
  );
}

// A link whose text says it is a personal site or an academic profile (or an icon-only link,
// common in lab and team themes).
const SITE_TEXT =
  /^(|web|website|webpage|web page|site|homepage|home page|personal (site|page|website)|blog|portfolio|page perso|webseite|homepage|sitio( web)?|sito( web)?|p[áa]gina personal|ficha personal|pagina personale|google scholar|scholar|orcid|researchgate|dblp|scopus)$/i;
// Academic profiles are one person's whatever their label says (a record's name or "Publications").
const SCHOLAR_PROFILE =
  /^https?:\/\/(?:scholar\.google\.[a-z.]{2,8}\/citations\?|orcid\.org\/\d{4}-|(?:www\.)?researchgate\.net\/profile\/|dblp\.org\/pid\/)/i;
// A fediverse handle shown as the link's text ("@jane@social.example"): the link is that account.
const HANDLE = /^@[\w.]{1,40}@([\w-]{1,63}(?:\.[\w-]{1,63}){1,4})$/;

/** A record's own websites: off-site links shown as an icon or labelled as a site (not its employer's link). */
function ownSites(card: Element, base: string): string[] {
  const out: string[] = [];
  let host = '';
  try {
    host = new URL(base).hostname.replace(/^www\./, '');
  } catch {
    return out;
  }
  const anchors = card.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length && i < 20 && out.length < 6; i++) {
    const a = anchors[i] as Element;
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    const href = a.getAttribute('href') ?? '';
    const handle = HANDLE.exec(text)?.[1]?.toLowerCase();
    if (!SITE_TEXT.test(text) && !SCHOLAR_PROFILE.test(href) && !handle) continue;
    const c = classifyLink(href, base);
    if (c?.kind !== 'website') continue;
    const h = new URL(c.url).hostname.replace(/^www\./, '');
    if (h !== host && (!handle || h === handle) && !out.includes(c.url)) out.push(c.url);
  }
  return out;
}

function isRole(b: Block, card: Element, name: string): boolean {
  const t = b.text;
  if (t.length < 2 || t.length > 120 || t === name || !/\p{L}/u.test(t)) return false;
  // An address is no role; "Software Engineer@LichtBlick SE" is one (no domain after the @).
  if (/\S@[\w-]+\.\w|https?:|www\.|\d{3,}/.test(t)) return false;
  // A line that is all one link's label (a handle, "Website") is a link, not a role.
  const inner = b.el.querySelector('a');
  if (inner && (inner.textContent ?? '').replace(/\s+/g, ' ').trim() === t) return false;
  // Pronouns shown under a name ("he/him", "sie/ihr") are not a role.
  if (/^(he|she|they|ze|xe|sie|er|il|elle|iel|ella|él)\s*\/\s*\p{L}+/iu.test(t)) return false;
  if (t.split(/\s+/).length > 14) return false;
  // Text inside a link is a link's label, unless one link wraps the whole record (Quarto, many grids).
  const link = b.el.closest('a, button, label');
  return !link || link.contains(card) || (card.childElementCount === 1 && card.firstElementChild === link);
}

/** Finds people cards on the page; each Card carries its Person with the card's own contacts. */
export function findPeopleCards(doc: Document, base: string): Card[] {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const all = descendants(root);
  const cards: Card[] = [];
  let groups = 0;
  let weakGroups = 0;
  // Groups kept, by "parent signature > child signature": a grid split into rows of columns
  // repeats that pair, and a row holding a single card is read with its siblings' rule.
  const kept = new Map<string, number>();
  // Reused across parents: this loop visits every element, so it allocates as little as it can.
  const kids: Element[] = [];
  const sigs: string[] = [];
  const total = Math.min(all.length, MAX_ELEMENTS);
  for (let i = 0; i < total && groups < MAX_GROUPS && cards.length < MAX_CARDS; i++) {
    const parent = all[i] as Element;
    const n = parent.childElementCount;
    if (n < 2 || n > 400 || INLINE_PARENT.has(parent.tagName)) continue;
    // Group the children by tag + first class; most parents have no two alike, so check that first.
    kids.length = 0;
    sigs.length = 0;
    let repeated = false;
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.tagName;
      if (SKIP_CHILD.has(tag)) continue;
      const cls = c.getAttribute('class');
      const sig = cls ? `${tag}.${firstClass(cls)}` : tag;
      if (!repeated && sigs.includes(sig)) repeated = true;
      kids.push(c);
      sigs.push(sig);
      if (!repeated && sigs.length > 24) repeated = true; // long lists: group them properly below
    }
    if (!repeated) continue;
    const bySig = new Map<string, Element[]>();
    kids.forEach((c, k) => {
      const sig = sigs[k] as string;
      const list = bySig.get(sig);
      if (list) list.push(c);
      else bySig.set(sig, [c]);
    });
    for (const [sig, members] of bySig) {
      if (members.length < 2) continue;
      // Cheap look at the first members before reading every card (most repeated siblings are not people).
      const a = mayHoldName(members[0] as Element);
      const b = mayHoldName(members[1] as Element);
      if (!a && !b) continue;
      if (!(a && b) && !(members[2] && mayHoldName(members[2]))) continue;
      groups++;
      if (NOT_PEOPLE.test(parent.getAttribute('class') ?? '') || parent.closest('nav, [role="navigation"], footer'))
        break;
      const read: Card[] = [];
      let evidence = 0;
      let roles = 0;
      for (const el of members.slice(0, 300)) {
        const r = readCard(el, base);
        if (r) {
          read.push({ el, person: r.person });
          for (const p of r.more ?? []) read.push({ el, person: p });
          if (r.role) roles++;
          if (r.role && r.evidence >= 2) evidence++;
        }
      }
      if (read.length < 2 || read.length * 2 < members.length) continue;
      dropShared(read);
      const key = `${parentSig(parent)}>${sig}`;
      for (const c of read) c.person.kin = key;
      // Kept as before: most cards carry a role and half of those another sign of a person.
      const strong = roles >= 2 && roles * 2 >= members.length && evidence * 2 >= roles;
      const section = strong ? '' : sectionOf(parent);
      if (section) for (const c of read) c.person.section = section;
      // The rest (names but little else) goes to finalize, which judges the names (too much data to inject).
      const weak = ++weakGroups;
      let anyWeak = false;
      for (const c of read) {
        if (!strong || !c.person.title) {
          c.weak = weak;
          anyWeak = true;
        }
      }
      cards.push(...read);
      kept.set(key, strong ? 0 : weak);
      if (!anyWeak) weakGroups--;
    }
  }
  cards.push(...loneCards(doc, base, kept, cards));
  // A row of cards can itself look like a card of its first person: keep the innermost.
  return cards.filter((c) => !cards.some((o) => o.el !== c.el && c.el.contains(o.el)));
}

/**
 * Links found on many records of one list are nobody's own: a theme's placeholders left in
 * ("github.com/USERNAME" on every card) or the organisation's page. They would also make
 * different people look like one (a shared profile link is taken for the same person).
 */
function dropShared(read: Card[]): void {
  if (read.length < 3) return;
  const count = new Map<string, number>();
  for (const c of read) for (const l of c.person.links) count.set(l, (count.get(l) ?? 0) + 1);
  for (const c of read) {
    c.person.links = c.person.links.filter((l) => {
      const n = count.get(l) ?? 0;
      return n < 2 || n * 3 < read.length;
    });
  }
}

/** The heading just before a list ("Alumni", "Projects"), a few steps back at most; '' when none. */
function sectionOf(list: Element): string {
  let e: Element | null = list;
  for (let steps = 0; e && steps < 12; steps++) {
    const prev: Element | null = e.previousElementSibling;
    if (!prev) {
      e = e.parentElement;
      continue;
    }
    const heads = /^H[1-6]$/.test(prev.tagName) ? [prev] : prev.querySelectorAll('h1,h2,h3,h4,h5,h6');
    const head = heads[heads.length - 1];
    if (head) return (head.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    e = prev;
  }
  return '';
}

function parentSig(el: Element): string {
  const cls = el.getAttribute('class');
  return cls ? `${el.tagName}.${firstClass(cls)}` : el.tagName;
}

/** Cards alone in their row whose parent and own signatures match a kept group's (grids split into rows). */
function loneCards(doc: Document, base: string, kept: Map<string, number>, found: Card[]): Card[] {
  const out: Card[] = [];
  if (!kept.size) return out;
  const have = new Set(found.map((c) => c.el));
  const tags = new Set([...kept.keys()].map((k) => (k.split('>')[1] ?? '').split('.')[0] ?? ''));
  for (const tag of tags) {
    const els = doc.getElementsByTagName(tag.toLowerCase());
    for (let i = 0; i < els.length && i < 2000 && out.length < 50; i++) {
      const el = els[i] as Element;
      const parent = el.parentElement;
      if (!parent || have.has(el) || parent.childElementCount > 2) continue;
      const key = `${parentSig(parent)}>${parentSig(el)}`;
      const weak = kept.get(key);
      if (weak === undefined) continue;
      const r = readCard(el, base);
      if (r) r.person.kin = key;
      if (r && (weak > 0 || (r.role && r.evidence >= 2)))
        for (const person of [r.person, ...(r.more ?? [])]) out.push({ el, person, ...(weak ? { weak } : {}) });
    }
  }
  return out;
}
