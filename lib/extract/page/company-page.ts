import type { PageKind } from '../types';
import { addressBlocks } from './company';
import { setField, townFrom } from './entity';
import { blockLines, closingLines, noticeDecoy, pageLines, pageTownLines, townBlock } from './legal';
import type { CompanyPageReading, RawCompany } from './types';

/**
 * What a company's own page tells about its company beyond the site's identity, as the reader
 * collects it: the town of an <address> block, the footer or an address in the page's text, the
 * lines of address blocks that may name the managing director, the lines that may close a letter; on a
 * company page with a legal notice, the notice's lines are the reading's (PageReading.notice).
 * finalize (lib/extract/company-notice.ts) reads the notice and settles the company's legal name,
 * town and representatives. A staff profile on the company's site (`own`, kind person) takes only
 * the address blocks' town.
 */
export function readCompanyPage(
  doc: Document,
  body: Element,
  page: URL,
  kind: PageKind,
  own: boolean,
  found: RawCompany | null,
  notice: () => string[] | null,
): { company: RawCompany | null; page?: CompanyPageReading; decoy: ((v: string) => boolean) | null } {
  let company = found;
  let decoy: ((v: string) => boolean) | null = null;
  const block = kind === 'company' ? notice() : null;
  // A notice names its site's own entity, which owns the domain: without another company, one
  // awaits the notice's name (finalize drops it when the notice names none).
  const unnamed = !company && !!block;
  if (unnamed) {
    company = { name: '', emails: [], phones: [], links: [], sources: { name: 'page' } };
    setField(company, 'website', page.origin, 'url');
  }
  // The chamber's, insurer's or host's contacts on the notice are not the company's.
  if (block && company) decoy = noticeDecoy(block);
  if (!company || !own) return { company, decoy };
  // Elsewhere the company's address sits in <address> blocks or the footer (a staff profile's too),
  // or, where a hand-written layout marks neither, in the page's text as on a company page: the first
  // street-and-postcode address (a team page's "ul. Wawerska 48C, 05-420 Józefów").
  // Only there: the page's text is a second walk of the whole page and its lines a large reading, which a
  // people list whose footer holds the address need not pay for (bench extract: 2.7x -> 3.4x one walk). A
  // block with no postcode or house number (a number that is not a year) holds no address.
  const blocks = addressBlocks(doc);
  const bare = !company.location;
  if (kind !== 'company') {
    if (!bare) return { company, decoy };
    const block = townBlock(...blocks);
    const addressed = block.lines.some((l) => /(?<!\d)(?!(?:19|20)\d\d(?!\d))\d{1,5}(?!\d)/.test(l));
    townFrom(company, block, ...(addressed ? [] : [pageTownLines(pageLines(body))]));
    return { company, decoy };
  }
  const lines = pageLines(body);
  const name = company.name.toLowerCase();
  const read: CompanyPageReading = {
    unnamed,
    // "Stichting it Lijsket, RSIN: …" on itlijsket.nl, titled "It Lijsket": the legal name (only
    // when the site's own name was taken, not a notice's), which finalize reads in the lines naming it.
    legalForm: {
      name: company.name,
      lines: name.length < 3 ? [] : lines.filter((l) => l.toLowerCase().includes(name)),
    },
    // A contact or about page's address in its text: a postcode line beside a street line.
    townLines: bare ? [townBlock(...blocks), pageTownLines(lines)] : [],
    // Without a notice, an address block may still name the managing director ("Geschäftsführer: …"),
    // or the owner signs the page's letter to its visitors.
    blockLines: blockLines(blocks),
    closings: closingLines(lines),
    decoyed: { emails: [], phones: [], textPhones: [] },
  };
  return { company, page: read, decoy };
}
