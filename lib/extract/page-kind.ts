import { COMPANY_PATH, FIRST_PERSON_PATH, ownBusiness } from './page/kind';
import type { Company, Extraction, Person } from './types';

/**
 * The page kind finalize settles after judging the reader's records (issue 17): where the reader's
 * kind and the page's own address disagree, the kind that loses less.
 */

// A page where a company speaks of itself in the plural ("over ons", "about us", "chi siamo"): on
// the corpus's development split every such page is a company's or a list's, none one person's.
const ABOUT_US =
  /^(?:about-?us|over-?ons|(?:wir-?)?(?:ueber|uber|über)-?uns|chi-?siamo|qui-?sommes-?nous|quienes-?somos|qui[eé]nes-?somos|quem-?somos|sobre-?n[oó]s|sobre-?nosotros|o-?nas|om-?oss|om-?os|wie-?zijn-?wij|who-?we-?are)(?:\.html?)?$/i;

/** True when the page's last path segment is a company's "about us" page ("/over-ons/", "/chi-siamo.html"). */
export function aboutUsPage(url: string): boolean {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
    return ABOUT_US.test(decodeURIComponent(last));
  } catch {
    return false;
  }
}

/** True when the page's address is its owner's "about me" page ("/chi-sono/", "/ueber-mich"). */
export function firstPersonUrl(url: string): boolean {
  try {
    return FIRST_PERSON_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/**
 * "Over ons — Ik ben Nick Willemsens, oprichter achter Willemsens Technieken": a founder introducing
 * themselves on their company's "about us" page is its representative, and the page the company's,
 * unless the company is named after them (a one-person business: then the page is theirs).
 */
export function foundersAboutUs(
  kind: Extraction['pageKind'],
  url: string,
  people: Person[],
  company: Company | null,
): boolean {
  const [only] = people;
  return (
    kind === 'person' &&
    !!company &&
    people.length === 1 &&
    !!only &&
    !ownBusiness(company.name, { ...only, sources: {} }) &&
    aboutUsPage(url)
  );
}

// An event's speakers, as programmes in the corpus's languages and their neighbours call them
// (Speakers, Sprecher, Redner, Vortragende, Intervenants, Conférenciers, Ponentes, Palestrantes,
// Oradores, Relatori, Sprekers, Prelegenci, Mówcy, Řečníci, Talare, Foredragsholdere, 登壇者),
// and its juries: people of other organisations, each with an employer of their own (not "Presenters"
// or "Line-up": a show's or a band's own people). A short word only at a word's start ("Colaboradores"
// is no "Oradores", "Laboratorio" no "Oratori").
const SPEAKERS =
  'speaker|sprecher|referent|redner|vortragende|intervenant|conf[ée]rencier|(?<!\\p{L})orat(?:eur|ori)|ponente|conferencista|(?<!\\p{L})orador|palestrante|relator|spreker|prelegen|m[óo]wc|[řr]e[čc]n[íi][kc]|p[řr]edn[áa][šs]ej[íi]c|(?<!\\p{L})talare|foredragsholder|opl[æa]gsholder|panell?ist|keynote|jury|jurado|giuria|登壇者|講演者|スピーカー';

// Pages that list people of other organisations: speakers, juries, programme, scientific and advisory
// committees (their members work elsewhere by definition), authors.
const OTHERS_PAGE = new RegExp(
  `${SPEAKERS}|judges|juroren|programme|program-committee|scientific committee|comit[ée] scientifique|comitato scientifico|comit[ée] cient[íi]fico|wissenschaftliche[rn]? beirat|advisory|authors|autoren|auteurs|autores|contributors`,
  'iu',
);

// An event's section of speakers (not "Contributors" or "Authors": a project's own people).
const EVENT_SECTION = new RegExp(SPEAKERS, 'iu');

/**
 * True when a people list's people belong to other organisations than the page's (speakers, authors):
 * the reader's signs (lib/extract/page/kind.ts othersSigns) or the page's address name an event's or
 * a journal's page, or one of its short section headings an event's speakers.
 */
export function listsOthers(url: string, others: true | string[] | undefined): boolean {
  if (others === true) return true;
  if (!others) return false;
  const [title = '', heading = '', ...sections] = others;
  return (
    [new URL(url).pathname, title, heading].some((t) => OTHERS_PAGE.test(t)) ||
    sections.some((t) => EVENT_SECTION.test(t))
  );
}

// A year standing alone in a heading ("Julbrev 2018", "EEMKON 2026", "Annual meeting 2019").
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;
// A post's address by its date, as blogs and news sites write their permalinks ("/2009/07/06/slug/",
// "/esporte/2018/12/slug.shtml"): a year then a month as path segments.
const DATED_PATH = /\/(?:19|20)\d\d\/(?:0?[1-9]|1[0-2])\//;

/**
 * True when a page naming no one is a dated item the site publishes (a newsletter, an event's report:
 * "Julbrev 2018", "EEMKON 2026" as its heading), not the site's page about itself: its address is a
 * dated permalink, or its heading carries a year and its address is neither the home page nor an about,
 * team, contact or legal page. A company's own pages are named for what they are, not for when.
 */
export function datedItem(url: string, heading: string | undefined): boolean {
  try {
    const path = new URL(url).pathname;
    if (DATED_PATH.test(path)) return true;
    if (!heading || !YEAR.test(heading)) return false;
    return path.split('/').some(Boolean) && !COMPANY_PATH.test(path);
  } catch {
    return false;
  }
}

// The sections where a site publishes what it does, not what it is: news, blog, events, programme,
// press, archive, in the corpus's languages and their neighbours.
const CONTENT_SECTION =
  /^(?:news|blog|posts?|articles?|events?|meetups?|calendar|agenda|archives?|press|aktuelles|neuigkeiten|termine|veranstaltungen|nieuws|evenementen|actualit[eé]s?|[ée]v[ée]nements|noticias|eventos|notizie|eventi|novinky|aktuality|akce|aktualno[sś]ci|wydarzenia|uutiset|tapahtumat|nyheter|evenemang|arrangementer|haberler|etkinlikler)(?:\.html?)?$/i;

/** True when the page's address puts it in the site's news, blog or events section ("/meetups", "/nieuws/…"). */
export function contentSection(url: string): boolean {
  try {
    return new URL(url).pathname.split('/').some((segment) => CONTENT_SECTION.test(segment));
  } catch {
    return false;
  }
}
