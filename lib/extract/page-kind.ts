import { ownBusiness } from './page/kind';
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

// Pages that list people of other organisations: speakers, juries, programme committees, authors.
const OTHERS_PAGE =
  /speaker|sprecher|referent|intervenant|ponente|relator|spreker|prelegen|keynote|jury|judges|juroren|programme|program-committee|authors|autoren|auteurs|autores|contributors/i;

// An event's section of speakers (not "Contributors" or "Authors": a project's own people).
const EVENT_SECTION = /speaker|sprecher|referent|intervenant|ponente|spreker|keynote|prelegen|relatori|jury/i;

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
