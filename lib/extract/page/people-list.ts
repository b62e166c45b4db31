import { cleanName } from '@/lib/normalize/name';
import { setField, stripCredentials } from './entity';
import {
  ALT_PREFIX,
  altMononym,
  altName,
  nameAlt,
  notPeople,
  PERSON_NAME,
  PERSONISH,
  readCard,
  takeDetails,
} from './people-card';
import { contactBlocks } from './people-contacts';
import { groupOrg, leadingText } from './people-lines';
import { boldHeads, sectionCards } from './people-sections';
import {
  ANCHOR_MARK,
  type Block,
  descendants,
  isName,
  labelled,
  looksLikeName,
  officeLabel,
  roleLike,
  SKIP_BLOCK,
  shouting,
  subHeading,
  surnameFirst,
} from './people-text';
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
  /** The rest of a record split over several siblings (a row of photo and contacts, a section's body). */
  also?: Element[];
  /** A person's record even without a role: a table row under a "Name" head, a section with photo and contacts. */
  listed?: boolean;
}

const MAX_ELEMENTS = 40_000;
const MAX_GROUPS = 300;
const MAX_CARDS = 1500;
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

/**
 * The first class name of a class attribute, without splitting the whole list, and without the
 * digits it ends in: a CMS numbers each item's first class after its record ("post-2220 project
 * hentry", WordPress's post_class()), which tells the items apart, not their kinds.
 */
function firstClass(cls: string): string {
  const t = cls.trimStart();
  const end = t.search(/\s/);
  return (end < 0 ? t : t.slice(0, end)).replace(/\d+$/, '');
}

/**
 * A child's signature, `${tag}.${firstClass(cls)}`, made once per tag and class attribute in `cache`:
 * a page repeats a few pairs thousands of times, and one string per pair spares the class's parse
 * and lets the comparisons and map lookups below meet the same string (npm run bench extract).
 */
function childSig(cache: Map<string, Map<string, string>>, tag: string, cls: string): string {
  let byClass = cache.get(tag);
  if (!byClass) {
    byClass = new Map();
    cache.set(tag, byClass);
  }
  let sig = byClass.get(cls);
  if (sig === undefined) {
    sig = `${tag}.${firstClass(cls)}`;
    byClass.set(cls, sig);
  }
  return sig;
}

// A sibling with fewer elements below it than this is scanned once, in script, for what the
// quick test asks of it (NAME_QUERY's elements, images with an alt, the first link): three
// selector queries on each of a page's thousands of small repeated siblings cost more.
const SMALL = 64;
const NAME_TAGS = new Set('h1 h2 h3 h4 h5 h6 strong b dt figcaption cite'.split(' '));
const NAME_IN_CLASS = /name|Name/;

interface Scan {
  /** The first four elements NAME_QUERY selects. */
  named: Element[];
  /** The first three `img[alt]`. */
  alts: Element[];
  /** The first `a`. */
  a: Element | null;
}

/**
 * What NAME_QUERY, `img[alt]` and `a` select in a subtree of fewer than SMALL elements, in one
 * pass; null for a bigger subtree. One walk of the live list: asking for its SMALL-th item first
 * walked a small subtree twice (npm run bench extract: ~700 calls on its prose rows).
 */
function scanSmall(below: ArrayLike<Element>): Scan | null {
  const out: Scan = { named: [], alts: [], a: null };
  for (let i = 0; i < SMALL; i++) {
    const e = below[i];
    if (!e) return out;
    const tag = e.localName;
    if (
      out.named.length < 4 &&
      (NAME_TAGS.has(tag) || e.getAttribute('itemprop') === 'name' || NAME_IN_CLASS.test(e.getAttribute('class') ?? ''))
    )
      out.named.push(e);
    // Not `else`: a link or an image can also be a name's element (class="name").
    if (tag === 'img' && out.alts.length < 3 && e.hasAttribute('alt')) out.alts.push(e);
    if (tag === 'a' && !out.a) out.a = e;
  }
  return null;
}

// looksLikeName rejects any of these, and cleanName keeps them unless they sit in brackets (it drops
// bracketed pronouns, credentials, invisible characters and trailing dashes or bars): such a line
// needs no cleaning to be rejected.
const NEVER_IN_NAME = /[\d@:/&<>{}[\]_#=+*!?]/;
const lineIsName = (t: string) => !(NEVER_IN_NAME.test(t) && !t.includes('(')) && looksLikeName(cleanName(t));

/** A quick test that a sibling may be a person's card: a name-like heading or "Name, role" line. */
function mayHoldName(el: Element): boolean {
  // A table row: its first cell stands in for the heading.
  const cell = el.tagName === 'TR' ? el.firstElementChild : null;
  if (cell && looksLikeName(cleanName(stripCredentials((cell.textContent ?? '').trim().slice(0, 200))))) return true;
  const below = descendants(el);
  const scan = scanSmall(below);
  const candidates = scan ? scan.named : el.querySelectorAll(NAME_QUERY);
  for (let i = 0; i < candidates.length && i < 4; i++) {
    const el = candidates[i] as Element;
    // Without the office written before the name ("Obmann: Erwin Simané").
    const text = (
      labelled({
        el,
        text: subHeading(el)?.name ?? (el.textContent ?? '').trim().slice(0, 200).replace(ANCHOR_MARK, ''),
      }).pop() as Block
    ).text;
    if (
      isName(text) ||
      surnameFirst(text) ||
      (/^\S{2,30}$/.test(text) && PERSON_NAME.test(el.getAttribute('class') ?? ''))
    )
      return true;
  }
  const all = (el.textContent ?? '').slice(0, 300);
  // A board's item "Presidente: Lcdo. Benito Montilla." (an office, then its holder).
  if (!el.firstElementChild && labelled({ el, text: all.replace(/\s+/g, ' ').trim() })[1]) return true;
  const line = ONE_LINE.exec(all.slice(0, 160));
  if (line && lineIsName(line[1] ?? '')) return true;
  // Themes that put the name in the photo's alt ("Photo Jane Doe") and again in a plain <div> or <span>.
  const alt = (scan ? nameAlt(scan.alts) : altName(el)).replace(ALT_PREFIX, '');
  if (alt !== '' && all.includes(alt)) return true;
  // Boards that show first names only: the photo and the heading say the same one word.
  if (altMononym(el, scan ? (scan.alts[0] ?? null) : undefined)) return true;
  // A record led by a linked name ("<a>Jane Doe</a> (co-advised with …)").
  const a = scan ? scan.a : el.querySelector('a');
  const linked = (a?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const start = all.trimStart();
  if (linked && start.startsWith(linked) && isName(linked) && !roleLike(linked)) return true;
  // A record led by a plain name and its details in brackets ("Jane Doe (Mechanical Engineering)"):
  // LED needs a "(" in its 80 characters, which most rows of prose lack (npm run bench extract).
  const open = start.indexOf('(');
  const led = open >= 0 && open < 80 ? LED.exec(start.slice(0, 80))?.[1] : undefined;
  if (led && isName(led) && !roleLike(led)) return true;
  if (leadingText(el)) return true;
  return plainLeaf(el, below);
}

/**
 * A bare line that is a whole name ("<li>Jane Doe</li>" in Markdown member lists). Counts toward
 * a group only beside a sibling that says more ("Jane Doe (responsable)"): a list of bare names
 * alone is as often alumni, acknowledgements or cited authors as anyone's team.
 */
function bareName(el: Element): boolean {
  if (el.firstElementChild) return false;
  const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return t.length <= 60 && isName(t) && !roleLike(t) && !shouting(t);
}

const LED = /^([^,(:;\n]{3,60}?)\s{0,5}\(/;

/**
 * One of a card's first text leaves reads as a plain name, and the card shows a sign of a
 * person: a photo, a role line beside the name (boards: "<h3>Kassiererin</h3><p>Selina Jäger</p>"), or a class.
 * Title-case labels ("Private Browsing", "Google Score") have neither.
 */
function plainLeaf(card: Element, els: ArrayLike<Element>): boolean {
  let leaves = 0;
  let name = false;
  let role = false;
  for (let i = 0; i < 30 && leaves < 3; i++) {
    const e = els[i];
    if (!e) break; // past the last (a live list's length would count the whole subtree)
    if (SKIP_BLOCK.test(e.tagName.toUpperCase())) continue;
    // A line of bare text before a break is a leaf too ("<p>Jane Doe<br><a class=fa-twitter></a></p>").
    // Looked for only in an element with children (a <br> is one): a leaf needs no look at its nodes.
    const f = e.childElementCount ? e.firstChild : null;
    const lead = f?.nodeType === 3 && f.nextSibling?.nodeName === 'BR';
    if (f && !lead) continue;
    const t = ((lead ? f.nodeValue : e.textContent) ?? '').replace(/\s+/g, ' ').trim();
    if (!t) continue;
    leaves++;
    if (t.length <= 60 && isName(t) && !roleLike(t) && !shouting(t)) name = true;
    else if ((t.length <= 80 && roleLike(t)) || (leaves === 1 && officeLabel(e, t))) role = true;
  }
  // Or the card's own class says whose it is ("<div class=team-member><p class=card-title>Jane Doe</p>…", Bootstrap cards),
  // or the card carries its own way to reach someone: a contact page's department cards name the person
  // who answers it over their own phone or mailbox ("<h3>Finanse</h3><p>Joanna Jedlińska</p><p><a href=tel:…>").
  return (
    name &&
    (role ||
      card.getElementsByTagName('img').length > 0 ||
      PERSONISH.test(card.getAttribute('class') ?? '') ||
      !!card.querySelector('a[href^="mailto:" i], a[href^="tel:" i]'))
  );
}

/**
 * The elements below `root`, among its first MAX_ELEMENTS, with two element children or more, in
 * document order: the only ones the card search groups the children of. Found through their first
 * child (`:first-child:not(:last-child)`; first children come in their parents' order), so the
 * browser's selector engine skips the page's many leaves and only children, which cost two
 * binding calls each when the loop visited every element (npm run bench extract: 10,000 elements,
 * ~2,000 such parents).
 */
function listParents(root: Element): Element[] {
  const all = descendants(root);
  // The root itself first, in document order: Webflow-style pages put each person's <section> straight in <body>.
  const out: Element[] = root.childElementCount >= 2 ? [root] : [];
  if (all[MAX_ELEMENTS]) {
    // A page bigger than the cap: only its first MAX_ELEMENTS are looked at, as before.
    for (let i = 0; i < MAX_ELEMENTS; i++) if ((all[i] as Element).childElementCount >= 2) out.push(all[i] as Element);
    return out;
  }
  const firsts = root.querySelectorAll(':first-child:not(:last-child)');
  for (let i = 0; i < firsts.length; i++) {
    const parent = (firsts[i] as Element).parentElement;
    // The root's own first child: the root is in already.
    if (parent && parent !== root) out.push(parent);
  }
  return out;
}

/** Finds people cards on the page; each Card carries its Person with the card's own contacts. */
export function findPeopleCards(doc: Document, base: string): Card[] {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const parents = listParents(root);
  const cards: Card[] = [];
  let groups = 0;
  let weakGroups = 0;
  let alone = 100_000; // judge ids of cards judged one by one, apart from any group's
  // Groups kept, by "parent signature > child signature": a grid split into rows of columns
  // repeats that pair, and a row holding a single card is read with its siblings' rule.
  const kept = new Map<string, number>();
  // Reused across parents: this loop visits every element, so it allocates as little as it can.
  const kids: Element[] = [];
  const sigs: string[] = [];
  const sigCache = new Map<string, Map<string, string>>();
  for (let i = 0; i < parents.length && groups < MAX_GROUPS && cards.length < MAX_CARDS; i++) {
    const parent = parents[i] as Element;
    // The tag first: most parents of a page are paragraphs, skipped without counting their children.
    if (INLINE_PARENT.has(parent.tagName) || parent.childElementCount > 400) continue;
    // Group the children by tag + first class; most parents have no two alike, so check that first.
    kids.length = 0;
    sigs.length = 0;
    let repeated = false;
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.tagName;
      if (SKIP_CHILD.has(tag)) continue;
      const cls = c.getAttribute('class');
      const sig = cls ? childSig(sigCache, tag, cls) : tag;
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
      // The body's own children are a page's layout wrappers, cards only when each is small (one person's section).
      if (parent === root && members.some((m) => descendants(m)[SMALL])) continue;
      // Cheap look at the first members before reading every card (most repeated siblings are not people).
      // Headings of one level, each opening a person's section (Markdown team pages).
      let sections = /^H[2-5]$/.test(sig) ? sectionCards(members, base) : [];
      let heads = members.length;
      // Two of the first four: a row of names may alternate with a row of their details (pairedRows).
      // It stops once two are found, or once the members left to try can no longer make two (most
      // repeated siblings, prose rows, hold no name: three tries, not four).
      let may = sections.length;
      let bare = 0;
      const tries = Math.min(4, members.length);
      for (let k = 0; k < tries && may < 2 && may + bare + tries - k >= 2; k++) {
        const m = members[k] as Element;
        if (mayHoldName(m)) may++;
        else if (bareName(m)) bare++;
      }
      // Paragraphs of an editor's page: names in bold lines over each one's bio stand for headings.
      const boldSections = () => {
        const bold = sig === 'P' ? boldHeads(members) : [];
        heads = bold.length;
        return bold.length < 2 ? [] : sectionCards(bold, base, new Set(bold));
      };
      if (may < 2 && !(may === 1 && bare >= 1)) {
        sections = boldSections();
        if (!sections.length) continue;
      }
      groups++;
      // A sidebar's widgets (recent posts, repositories, tweets) repeat a heading and a line, as cards do.
      if (notPeople(parent.getAttribute('class') ?? '') || parent.closest('nav, [role="navigation"], footer, aside'))
        break;
      let read: Card[] = [];
      let evidence = 0;
      let roles = 0;
      const misses: Element[] = [];
      let firstHeads = 0;
      let reachable = 0;
      for (const el of sections.length ? [] : members.slice(0, 300)) {
        const r = readCard(el, base);
        if (r) {
          read.push({ el, person: r.person, ...(r.listed ? { listed: true } : {}) });
          for (const p of r.more ?? []) read.push({ el, person: p });
          if (r.role) roles++;
          if (r.role && r.evidence >= 2) evidence++;
          if (el.querySelector('h1,h2,h3,h4,h5,h6')?.contains(r.nameEl)) firstHeads++;
          if (r.person.emails.length || r.person.links.length) reachable++;
        } else misses.push(el);
      }
      const hits = members.length - misses.length;
      if (sections.length) {
        if (sections.length < 2 || sections.length * 2 < heads) continue;
        read = sections;
        roles = sections.filter((c) => c.person.title || c.listed).length;
        evidence = sections.filter((c) => c.listed || (c.person.title && c.person.emails.length)).length;
      } else if (read.length < 2 || read.length * 2 < members.length) {
        const pairs = pairedRows(members, base);
        if (pairs.length >= 2 && pairs.length * 2 + 2 >= members.length) {
          read = pairs;
          roles = evidence = pairs.filter((c) => c.person.title || c.person.companyName).length;
        } else {
          sections = boldSections();
          if (sections.length < 2 || sections.length * 2 < heads) continue;
          read = sections;
          roles = evidence = 0;
        }
      }
      dropShared(read);
      const org = groupOrg(parent, base);
      if (org) for (const c of read) if (!c.person.companyName) setField(c.person, 'companyName', org, 'people-list');
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
        if (!strong || (!c.person.title && !c.person.companyName && !c.listed) || c.person.mononym) {
          c.weak = weak;
          anyWeak = true;
        }
      }
      if (!sections.length && hits >= 2 && misses.length) {
        // One-word names only in a list of people's cards: strong, or most cards with their own contacts.
        const mononym = strong || (hits >= 3 && reachable * 5 >= hits * 3);
        for (const c of reread(misses, base, mononym, firstHeads === hits)) {
          c.person.kin = key;
          // A card read by its first heading alone is judged by its own name in finalize; a
          // one-word name stands or falls with its group's names.
          if (c.weak) c.weak = ++alone;
          else if (!strong) c.weak = weak;
          read.push(c);
        }
      }
      cards.push(...read);
      kept.set(key, strong ? 0 : weak);
      if (!anyWeak) weakGroups--;
    }
  }
  cards.push(...loneCards(doc, base, kept, cards, () => ++alone));
  cards.push(...contactBlocks(doc, base, cards, () => ++alone));
  return innermost(cards);
}

/**
 * A row of cards can itself look like a card of its first person: keeps the innermost. Marks
 * each card's ancestors that are cards (what `contains` between every pair would find), so a
 * page of 1,500 cards costs 1,500 short walks up, not two million `contains` calls.
 */
function innermost(cards: Card[]): Card[] {
  const els = new Set<Node>(cards.map((c) => c.el));
  const outer = new Set<Node>();
  for (const el of els)
    for (let a = el.parentNode; a; a = a.parentNode) {
      if (outer.has(a)) break; // its ancestors are marked already
      if (els.has(a)) outer.add(a);
    }
  return cards.filter((c) => !outer.has(c.el));
}

/**
 * The cards of a list that read as no one's on their own, read again with what their siblings
 * show: a talk title as a second heading under the name (`firstHeading`: every sibling's name
 * was its first heading; flagged `weak`, to be judged by its name), a one-word name in a list
 * of people's cards (`mononym`; kept only with the card's own mailbox or profile link).
 */
function reread(misses: Element[], base: string, mononym: boolean, firstHeading: boolean): Card[] {
  const out: Card[] = [];
  if (!mononym && !firstHeading) return out;
  for (const el of misses.slice(0, 100)) {
    const r = readCard(el, base, { firstHeading, mononym });
    if (!r || r.more?.length) continue;
    const p = r.person;
    if (p.mononym) {
      if (p.emails.length || p.links.length || r.named) out.push({ el, person: p });
    } else if (firstHeading) out.push({ el, person: p, weak: 1 });
  }
  return out;
}

/**
 * Records split over two sibling rows (Foundation and Bootstrap themes: a row holding the name
 * heading, then a row holding the photo and contact links): each name row is read with the row
 * after it. Only a name row with neither photo nor contacts, followed by a row that has some
 * and no name of its own.
 */
function pairedRows(members: Element[], base: string): Card[] {
  const out: Card[] = [];
  for (let i = 0; i + 1 < members.length && i < 300; i++) {
    const head = members[i] as Element;
    const next = members[i + 1] as Element;
    const r = readCard(head, base);
    if (!r || r.more?.length || r.person.photoUrl || r.person.emails.length || r.person.links.length) continue;
    if (readCard(next, base)) continue;
    const photo = takeDetails(r.person, next, base);
    if (!photo && !r.person.emails.length && !r.person.links.length) continue;
    out.push({ el: head, person: r.person, also: [next] });
    i++;
  }
  return out;
}

/**
 * Links found on many records of one list are nobody's own: a theme's placeholders left in
 * ("github.com/USERNAME" on every card) or the organisation's page. They would also make
 * different people look like one (a shared profile link is taken for the same person).
 * An address on two records or more would merge them too: it is set apart, and finalize
 * decides whose it is (lib/extract/shared-emails.ts).
 */
function dropShared(read: Card[]): void {
  const count = new Map<string, number>();
  for (const c of read) for (const l of [...c.person.links, ...c.person.emails]) count.set(l, (count.get(l) ?? 0) + 1);
  for (const c of read) {
    const p = c.person;
    const n = (v: string) => count.get(v) as number;
    p.links = p.links.filter((l) => n(l) < 2 || read.length < 3 || n(l) * 3 < read.length);
    const shared = p.emails.filter((e) => n(e) > 1);
    if (shared.length) [p.shared, p.emails] = [shared, p.emails.filter((e) => n(e) < 2)];
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
function loneCards(
  doc: Document,
  base: string,
  kept: Map<string, number>,
  found: Card[],
  judgeAlone: () => number,
): Card[] {
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
      // A lone card of a strong list with less to show (a role, no contacts): judged by its own name.
      else if (r?.role && !r.more?.length) out.push({ el, person: r.person, weak: judgeAlone() });
    }
  }
  return out;
}
