import { classifyLink, PERSON_LINKS } from '@/lib/normalize/links';
import { NOT_NAME } from '../name-words';
import { harvest, PROFILE_SITE } from './contacts';
import { addList, HONORIFIC, newPerson, setField } from './entity';
import { photoOf } from './media';
import { cachedBy, memo } from './memo';
import { boldName, hostOf, leadingName, leadingText, manyCard, nameLines, setRole } from './people-lines';
import { rowColumns } from './people-table';
import {
  type Block,
  blocksOf,
  insideCard,
  isName,
  looksLikeName,
  nameOf,
  officeLabel,
  roleLike,
  shouting,
  surnameFirst,
} from './people-text';
import { isOrgText, splitRole } from './roles';
import type { RawPerson } from './types';

// One candidate card of a people list, read: its name block, role line, photo, own links and
// contacts, and how much it looks like a person's card. The list detector (people-list.ts)
// decides which sibling groups are lists; this file reads each of their cards.

const HEADING = /^(H[1-6]|STRONG|B|DT|FIGCAPTION|CAPTION|TH|CITE)$/;
const NAME_CLASS =
  /(^|[-_\s])(p-name|fn|(full|person|member|speaker|team|author|staff|profile|employee|card|people)?[-_]{0,2}name)($|[-_\s])/i;
// A class naming a person's name outright ("speaker-name", "member__name", "p-name"): a one-word handle in
// it ("syumai", "8kka") is still what the card calls its person, so a list of them is one of people.
export const PERSON_NAME =
  /(^|[-_\s])(p-name|(person|member|speaker|author|staff|employee|people)[-_]{1,2}name)($|[-_\s])/i;
// A class naming the line as the person's employer ("speaker-company", "member__affiliation").
const ORG_CLASS = /(^|[-_\s])(company|organi[sz]ation|affiliation|employer|firma|entreprise|empresa)($|[-_\s])/i;
const ROLE_CLASS = /(title|role|position|job|poste|funktion|designation|headline|occupation|function|subtitle|desc)/i;
export const PERSONISH =
  /(team|member|speaker|person|people|staff|author|profile|employee|leader|board|founder|mitarbeiter|equipe|équipe|intervenant|referent|vcard|h-card|bio)/i;
// Not "pagination": a pager holds numbers, never names, and a container named for it holds the paged
// items themselves (Divi's "et_pb_ajax_pagination_container" around a portfolio of people).
const NOT_PEOPLE =
  /(testimonial|review|comment|quote|rating|sponsor|partner|client|logo|brand|carousel-logos|customer|award|breadcrumb|menu|nav|cookie|consent)/i;

/**
 * True when a class attribute marks something other than people's cards (testimonials, logos,
 * menus). A BEM element of a people block is still the people's ("speaker-list__menu" is the
 * speakers' list, written as a <menu>); "partners__list" is not.
 */
export function notPeople(cls: string): boolean {
  if (!NOT_PEOPLE.test(cls)) return false;
  for (const token of cls.split(/\s+/)) {
    if (!NOT_PEOPLE.test(token)) continue;
    const bem = token.indexOf('__');
    const block = bem > 0 ? token.slice(0, bem) : '';
    if (!block || NOT_PEOPLE.test(block) || !PERSONISH.test(block)) return true;
  }
  return false;
}
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

// Alt texts that introduce the name: "Photo Jane Doe", "Portrait of Jane Doe", "Foto de Jane Doe".
export const ALT_PREFIX =
  /^(?:photo|foto|portrait|picture|image|headshot|avatar|bild|imagen|immagine|ritratto)\s+(?:(?:of|de|von|di|du|van)\s+)?/i;

/** The first image alt of a card that looks like a name ("Nina Attias"); '' when none. */
export function altName(card: Element): string {
  return nameAlt(card.querySelectorAll('img[alt]'));
}

/** The first alt of these images (a card's `img[alt]`, in order) that looks like a name; '' when none. */
export function nameAlt(imgs: ArrayLike<Element>): string {
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
  /** A table row under a "Name" column head: a person's record even without a role. */
  listed?: boolean;
  /** A one-word handle its card's classes call the person's name, with an employer's line of its own. */
  named?: boolean;
}

/** Reads one candidate card; null when it is not one person's card. `role` is false when it has none. */
/**
 * How a card is read when its siblings were read already: `firstHeading`, its first name-like
 * heading is the name (the others are talk titles: the siblings' names all came first);
 * `mononym`, a one-word heading is a name (a list whose other cards were people's).
 */
export interface ReadOptions {
  firstHeading?: boolean;
  mononym?: boolean;
  /** A section of a page (a heading and the siblings after it): its role only from a role word before the bio. */
  brief?: boolean;
}

// One capitalised word ("Kattni", "Zé"): a name only where the list around it is of people.
const MONONYM = /^\p{Lu}[\p{Ll}'’-]{1,20}$/u;
const oneWordName = (t: string) => MONONYM.test(t) && !NOT_NAME.test(t) && !roleLike(t);

/**
 * A card's photo named by one word that its heading repeats ("<img alt=Natalie>…<h3>Natalie</h3>"); '' when none.
 * `img`: the card's first `img[alt]` when the caller has found it already (null: it has none).
 */
export function altMononym(card: Element, img?: Element | null): string {
  const first = img === undefined ? card.querySelector('img[alt]') : img;
  const alt = (first?.getAttribute('alt') ?? '').trim();
  if (!oneWordName(alt)) return '';
  const heads = card.querySelectorAll('h1,h2,h3,h4,h5,h6');
  for (let i = 0; i < heads.length && i < 3; i++)
    if ((heads[i]?.textContent ?? '').trim().toLowerCase() === alt.toLowerCase()) return alt;
  return '';
}

export function readCard(card: Element, base: string, opts: ReadOptions = {}): CardReading | null {
  if (notPeople(card.getAttribute('class') ?? '')) return null;
  // A quote makes a card a testimonial, unless the card is a person's own (checked below):
  // WordPress team blocks end a member's card with a pull quote of theirs.
  const quote = card.querySelector('blockquote, q');
  const blocks = quote ? blocksOf(card).filter((b) => !quote.contains(b.el)) : blocksOf(card);
  if (blocks.length < 1 || blocks.length > 40) return null;
  // A quoted sentence makes it a testimonial, whatever its classes say (“…”, «…», „…“, 「…」).
  if (blocks.some((b) => b.text.length > 20 && /^[“"«„「『‘]/.test(b.text))) return null;
  const many = nameLines(blocks);
  if (many.length) return manyCard(card, base, blocks, many);
  // A heading that holds a role ("Project Manager", "Präsident") is the role, not the name, when a name follows.
  const named = blocks.filter((b) => !b.sub && nameish(b.el, card) && isName(b.text));
  const names = named.filter((b) => !roleLike(b.text));
  const distinct = new Set(names.map((b) => b.text.toLowerCase()));
  if (distinct.size > 1 && names.filter((b) => insideCard(b.el, card, /^H[1-6]$/)).length > 1) {
    if (!opts.firstHeading) return null;
  }
  let nameBlock = names[0];
  let role = '';
  let plainName = false;
  let employer = '';
  // "Jane Doe, CEO" in a single block; outside a heading only on the record's first lines (judged later).
  if (!nameBlock) {
    for (const [i, b] of blocks.entries()) {
      // A record whose first line is a whole name: a later "A, B" line is its role or affiliation.
      if (i > 0 && isName((blocks[0] as Block).text) && !roleLike((blocks[0] as Block).text)) break;
      const m = /^(.{3,60}?)(?<!\s)\s*(?:,|\s[–—|-]\s)\s*(.{2,100})$/.exec(b.text);
      const natural = i < 2 || nameish(b.el, card) ? surnameFirst(b.text) : '';
      // "Coll-Florit, Marta": one family name is no name alone, the natural order is. "Álvarez Vidal, Sergi"
      // reads as a name and a role: finalize, which knows given names, judges the list (lib/extract/inverted.ts).
      if (natural && !isName(m?.[1] ?? '')) {
        nameBlock = { el: b.el, text: natural };
        plainName = !nameish(b.el, card);
        break;
      }
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
      leadingText(card) ??
      boldName(card);
    plainName = true;
  }
  if (!nameBlock && named[0]) {
    nameBlock = named[0];
    plainName = false;
  }
  const orgLine = blocks.find((b) => b.text.length <= 80 && ORG_CLASS.test(b.el.getAttribute('class') ?? ''));
  // The employer's line is never the name ("Money Forward, Inc." over a handle the name check refused).
  if (nameBlock && nameBlock.el === orgLine?.el) nameBlock = undefined;
  // One word in a heading: a name where the list is of people (opts) or where the card's photo is named so.
  const photoName = nameBlock ? '' : altMononym(card);
  if (!nameBlock && (opts.mononym || photoName))
    nameBlock = blocks.find(
      (b) =>
        insideCard(b.el, card, /^H[1-6]$/) &&
        oneWordName(b.text) &&
        (opts.mononym || b.text.toLowerCase() === photoName.toLowerCase()),
    );
  // A handle in the element the card calls its person's name ("<strong class=speaker-name>syumai"), among people's cards.
  const handle =
    !nameBlock && opts.mononym
      ? blocks.find((b) => /^\S{2,30}$/.test(b.text) && PERSON_NAME.test(b.el.getAttribute('class') ?? ''))
      : undefined;
  nameBlock ??= handle;
  // A role's block is never the name (an office left empty: "<h3>Kontrolle:</h3>").
  if (!nameBlock || nameBlock.sub) return null;
  const columns = rowColumns(card);
  if (!role && columns) {
    // A headed table: its role column, else a cell holding a role word ("Sheng Wu | wusheng" has none).
    const nameText = nameBlock.text;
    // A two-column table of people pairs each name with one thing, in any language: their office
    // (a board's "Nimi | Tehtävä", "Name | Funktion"); a wider table's role column is known by its head alone.
    const pair = !columns.org && !columns.ids && card.childElementCount === 2;
    role =
      columns.role ??
      blocks.find((b) => b !== nameBlock && (pair || roleLike(b.text)) && isRole(b, card, nameText))?.text ??
      '';
  } else if (!role) {
    // The role may sit before or after the name: a role-ish class first, then a role word, then the next short line.
    // The block holding the name (a bio opening with it, "Name (details)") is never the role.
    const name = nameBlock;
    // A section's role is in its head, before the bio: a line of a bio's list is a past job.
    const long = opts.brief ? blocks.findIndex((b) => b.text.split(' ').length > 14 || !!b.el.closest('li')) : -1;
    const scope = long < 0 ? blocks : blocks.slice(0, long);
    let at = scope.indexOf(name);
    if (at < 0) at = scope.findIndex((b) => b.el === name.el || b.el.contains(name.el));
    const own = scope[at];
    const after = scope.slice(at + 1);
    const others = scope.filter((b) => b !== own && b !== name && !names.includes(b));
    const ok = cachedBy((b: Block) => isRole(b, card, name.text, name.el)); // asked of each block several times below
    const roleClass = (b: Block) => ROLE_CLASS.test(b.el.getAttribute('class') ?? '') && ok(b);
    const plain = (b: Block) => !opts.brief && ok(b) && !(looksLikeName(b.text) && !roleLike(b.text));
    const roleBlock =
      // The office written before the name in its own heading ("Leder: Kristine Reiersen"): bound to it.
      others.find((b) => b.sub && b.el === name.el) ??
      // "Data Scientist @ Van Log" names the person's own employer: the most telling line.
      others.find((b) => ok(b) && splitRole(b.text, false).company) ??
      // A role's class after the name before one above it: a badge over the photo ("GDE", "MVP") is no job.
      after.find(roleClass) ??
      others.find(roleClass) ??
      after.find((b) => ok(b) && roleLike(b.text)) ??
      others.find((b) => ok(b) && roleLike(b.text)) ??
      // Boards: the office in bold over its holder's name, before the street or phone after it.
      (at > 0 && scope[0] && ok(scope[0]) && officeLabel(scope[0].el, scope[0].text) ? scope[0] : undefined) ??
      after.find(plain) ??
      // Boards: a short heading over the name ("<h3>Kassiererin</h3><p>Selina Jäger</p>").
      scope.slice(0, at).find((b) => ok(b) && b.text.split(' ').length <= 4 && insideCard(b.el, card, /^H[1-6]$/));
    role = withoutLicence(roleBlock?.text ?? '');
    // "Postdoctoral Researcher<br>Scuola Normale Superiore": the line after the role naming an
    // institution is the person's employer (finalize still judges it, as it does an employer's class).
    const next = roleBlock ? scope[scope.indexOf(roleBlock) + 1] : undefined;
    if (role && next && next !== name && !splitRole(role, false).company && employerLine(next.text))
      employer = next.text;
  }
  // A line quoting someone is a headline or a testimonial ("Jane Doe, president: «…»"), not a role.
  // A short quoted term inside a role stays ('Directeur "System Design"').
  if (/:\s{0,3}[«“„"]|[«“„"][^«»“”„"]{30}/.test(role)) role = '';
  // "Sheng Wu (V.P. and Chair of PMC)": a role in brackets after the name, when nothing else gave one.
  const whole = blocks.find((b) => b.el === nameBlock.el)?.text ?? nameBlock.text;
  // The bracket may hold the office in the list's own body ("Sune Berthelsen (formand)" over "Lektor ved
  // Nærum Gymnasium", "Ole Namsvatn (medlem)" alone): finalize, knowing more languages' offices, judges it.
  const bracket = /\(([^()]{2,60})\)\s{0,3}$/.exec(whole)?.[1] ?? '';
  const office = bracket;
  if (!role && roleLike(bracket)) role = bracket;
  if (role === orgLine?.text) role = '';
  const person = newPerson(nameOf(nameBlock.text), 'people-list');
  if (!person) return null;
  if (HONORIFIC.test(nameBlock.text.trim())) person.addressed = true;
  if (office) person.office = office;
  if (orgLine || employer) setField(person, 'companyName', orgLine?.text ?? employer, 'people-list');
  if (
    !person.fullName.includes(' ') &&
    !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(person.fullName)
  )
    person.mononym = true;
  setRole(person, role);
  // A bio may name the employer ("Ana trabalha na Acme."): finalize reads it (lib/extract/bio.ts).
  const bio = blocks.find((b) => b.text.length > 80);
  if (bio) person.bio = bio.text.slice(0, 600);
  // "Name / Employer / Country" (a volunteer's or speaker's card): judged in finalize, which knows every country's name.
  const at = blocks.indexOf(nameBlock);
  const [org, place] = [blocks[at + 1]?.text ?? '', (blocks[at + 2]?.text ?? '').replace(/\s{1,3}@\w{1,40}$/, '')];
  if (at >= 0 && org && org !== role && org.length <= 80 && place.length <= 40) person.placedOrg = [org, place];
  if (columns?.org && !person.companyName) setField(person, 'companyName', columns.org, 'people-list');
  const photo = takeDetails(person, card, base);
  // Kept with its quote only when the name comes first, in a heading, and the card holds the
  // person's own mailbox or number (a testimonial names its author after the quote, if at all).
  if (
    quote &&
    (plainName || !(nameBlock.el.compareDocumentPosition(quote) & 4) || !(person.emails.length || person.phones.length))
  )
    return null;
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
    (roleLike(role) ? 2 : 0);
  // A row whose name sits under a "Name" column head is a person's record, role or not.
  const listed = !!columns && nameColumn(card, nameBlock.el.closest('td, th'));
  return {
    person,
    evidence: plainName ? Math.min(evidence, 1) : evidence,
    role: role !== '' || listed || !!orgLine,
    ...(handle && orgLine ? { named: true } : {}),
    nameEl: nameBlock.el,
    ...(listed ? { listed } : {}),
  };
}

/** Adds a record's photo, contacts and own links found in `el` to `person`; true when it had a photo. */
export function takeDetails(person: RawPerson, el: Element, base: string): boolean {
  const photo = photoOf(el, base);
  if (photo) setField(person, 'photoUrl', photo, 'people-list');
  const c = harvest(el, base);
  addList(person, 'emails', c.emails, 'contact');
  addList(person, 'phones', c.phones, 'contact');
  addList(person, 'textPhones', c.textPhones, 'contact');
  addList(
    person,
    'links',
    c.links.filter((l) => l.kind !== 'linkedin-company' && l.kind !== 'crunchbase-organization').map((l) => l.url),
    'contact',
  );
  addList(person, 'links', ownSites(el, base), 'contact');
  // A card that is itself the link to its person's profile ("<a href=linkedin.com/in/…><div class=card>").
  const self = el.tagName === 'A' ? classifyLink(el.getAttribute('href') ?? '', base) : null;
  if (self && PERSON_LINKS.has(self.kind)) addList(person, 'links', [self.url], 'contact');
  return !!photo;
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
// A fediverse handle shown as the link's text ("@jane@social.example"): the link is that account.
const HANDLE = /^@[\w.]{1,40}@([\w-]{1,63}(?:\.[\w-]{1,63}){1,4})$/;

/** The host of a page's address without "www."; null when it is no URL. Memoised: every card asks it of one page. */
const siteHost = memo((base: string): string | null => {
  try {
    return new URL(base).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
});

/** A record's own websites: off-site links shown as an icon or labelled as a site (not its employer's link). */
function ownSites(card: Element, base: string): string[] {
  const out: string[] = [];
  const host = siteHost(base);
  if (host === null) return out;
  const anchors = card.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length && i < 20 && out.length < 6; i++) {
    const a = anchors[i] as Element;
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    const href = a.getAttribute('href') ?? '';
    const handle = HANDLE.exec(text)?.[1]?.toLowerCase();
    if (!SITE_TEXT.test(text) && !PROFILE_SITE.test(href) && !handle) continue;
    const c = classifyLink(href, base);
    if (c?.kind !== 'website') continue;
    const h = new URL(c.url).hostname.replace(/^www\./, '');
    if (h !== host && (!handle || h === handle) && !out.includes(c.url)) out.push(c.url);
  }
  return out;
}

/** True for a line naming an institution alone ("Scuola Normale Superiore", "Acme GmbH"): no role word, no comma. */
const employerLine = (t: string) => t.length <= 80 && !t.includes(',') && isOrgText(t) && !roleLike(t);

/** True when a block under the name reads as the person's role (not an address, a link label or pronouns). */
// A professional registration number after the role ("Psicóloga nº Col. 25309", "Arzt, Nr. 12345").
const LICENCE = /,?\s{0,3}\b(?:n[º°o]\.?|nr\.|no\.|núm\.)\s{0,3}(?:col(?:egiad[oa])?\.?\s{0,3})?\d[\d.-]{0,12}$/iu;
const withoutLicence = (t: string) => t.replace(LICENCE, '').trim();

const DEGREE_LINE =
  /^(?:doble\s)?(?:m[áa]ster|grado|licenciatura|bachelor|diplom[ae]?|msc|bsc|m\.sc\.|b\.sc\.|mba)\s(?:en|in|of|de|em|di|im)\s/i;

function isRole(b: Block, card: Element, name: string, nameEl?: Element): boolean {
  const t = withoutLicence(b.text);
  if (t.length < 2 || t.length > 120 || t === name || !/\p{L}/u.test(t)) return false;
  // An address is no role; "Software Engineer@LichtBlick SE" is one (no domain after the @).
  // Nor is an address written with a wildcard ("okawa@sci.*", "h-sakamoto@*") to fool harvesters.
  if (/\S@[\w-]+\.\w|\S@[\w.-]{0,30}\*|https?:|www\.|\d{3,}/.test(t)) return false;
  // A line that is all one link's label (a handle, "Website") is a link, not a role.
  const inner = b.el.querySelector('a');
  if (inner && (inner.textContent ?? '').replace(/\s+/g, ' ').trim() === t) return false;
  // Pronouns shown under a name ("he/him", "sie/ihr") are not a role.
  if (/^(he|she|they|ze|xe|sie|er|il|elle|iel|ella|él)\s*\/\s*\p{L}+/iu.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 14) return false;
  // A bio's sentence, not a role: it opens with the person's name or a pronoun ("Peter looks after
  // the plugins.", "She leads…"), or is a long sentence without a role word.
  const given = name.split(' ')[0] ?? '';
  if (words[0] === given || /^(he|she|they|il|elle|er|sie|ella|él|lui|hij|zij)$/i.test(words[0] ?? '')) return false;
  if (words.length > 6 && /\.$/.test(t) && !roleLike(t)) return false;
  // Nor is a sentence of six words or more ending in a full stop, role word or not ("Project Manager
  // del subsistema de firmware y control."): a role line ends without one ("Inc.", "Jr." aside).
  if (words.length >= 6 && /\p{Ll}{3}\.$/u.test(t)) return false;
  // A degree held is no role ("Máster en Ingeniería Informática", "MSc in Physics").
  if (DEGREE_LINE.test(t)) return false;
  // The role inside the name's heading, linked with it ("<a><h2>Jane Doe <small>founder</small></h2></a>").
  if (b.sub) return true;
  // Text inside a link is a link's label, unless one link wraps the whole record (Quarto, many grids).
  // A link that holds the name too is the record's link to the person's page, not a label; a button that
  // holds it is the record's accordion header (blocksOf in ./people-text).
  const link = b.el.closest('a, button, label');
  return (
    !link ||
    link.contains(card) ||
    (card.childElementCount === 1 && card.firstElementChild === link) ||
    (!!nameEl && link.contains(nameEl))
  );
}
