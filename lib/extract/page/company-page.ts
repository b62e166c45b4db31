import type { PageKind } from '../types';
import { addressBlocks } from './company';
import { newCompany, setField } from './entity';
import { blockPeople, type LegalReading, pageLines, pageTown, signedBy, townIn } from './legal';
import type { RawCompany, RawPerson } from './types';

/**
 * What a company's own page tells about its company beyond the site's identity: a legal
 * notice's entity, town and representatives (and which contacts on it are a chamber's or a
 * host's), else the town of an <address> block, the footer or an address in the page's text,
 * and the managing director an address block names. A staff profile on the company's site
 * (`own`, kind person) takes only the address blocks' town.
 */
export function readCompanyPage(
  doc: Document,
  body: Element,
  page: URL,
  kind: PageKind,
  own: boolean,
  found: RawCompany | null,
  notice: () => LegalReading | null,
): { company: RawCompany | null; people: RawPerson[]; decoy: ((v: string) => boolean) | null } {
  let company = found;
  let people: RawPerson[] = [];
  let decoy: ((v: string) => boolean) | null = null;
  let fromNotice = false;
  if (kind === 'company') {
    const legal = notice();
    fromNotice = !!legal?.companyName;
    if (legal?.companyName) {
      if (!company) {
        company = newCompany(legal.companyName, 'page');
        // The notice is this site's own: its entity owns the domain.
        if (company) setField(company, 'website', page.origin, 'url');
      } else {
        // A regional site's structured data may describe its branch: the notice's entity and seat are the company's.
        if (legal.location && company.name !== legal.companyName) {
          delete company.location;
          delete company.sources.location;
        }
        company.name = legal.companyName;
        company.sources.name = 'page';
      }
    }
    if (legal && company) {
      setField(company, 'location', legal.location, 'page');
      people = legal.people;
      // The chamber's, insurer's or host's contacts on the notice are not the company's.
      const squeeze = (t: string) => t.replace(/\s/g, '');
      const others = squeeze(legal.decoyText);
      const ours = squeeze(legal.ownText);
      const seen = (text: string, v: string) =>
        text.includes(squeeze(v)) || text.includes(squeeze(v).replace('@', '(at)'));
      if (others) decoy = (v: string) => seen(others, v) && !seen(ours, v);
    }
  }
  if (!company || !own) return { company, people, decoy };
  // Elsewhere the company's address sits in <address> blocks or the footer (a staff profile's too).
  const blocks = addressBlocks(doc);
  if (!company.location) setField(company, 'location', townIn(...blocks), 'page');
  if (kind === 'company') {
    const lines = pageLines(body);
    // "Stichting it Lijsket, RSIN: …" on itlijsket.nl, titled "It Lijsket": the legal name (only
    // when the site's own name was taken, not a notice's).
    const legalName = fromNotice ? '' : withLegalForm(company.name, lines);
    if (legalName) company.name = legalName;
    // A contact or about page's address in its text: a postcode line beside a street line.
    if (!company.location) setField(company, 'location', pageTown(lines), 'page');
    // Without a notice, an address block may still name the managing director ("Geschäftsführer: …"),
    // or the owner signs the page's letter to its visitors.
    if (!people.length) people = blockPeople(blocks);
    const signer = people.length ? null : signedBy(lines);
    if (signer) people = [signer];
    for (const p of people) setField(p, 'companyName', company.name, 'page');
  }
  return { company, people, decoy };
}

// Legal forms written before the name (foundations, associations) or, for a German association, after it.
const FORM_BEFORE =
  /^(?:stichting|vereniging|co(?:ö|o)peratie|fundaci(?:ó|o)n|fondazione|fondation|fundação|associa(?:ç|c)(?:ã|a)o|associazione|asociaci(?:ó|o)n|association|verein|stiftung|förderverein)$/i;

/** The site's name with its legal form as the page's text writes it ("Stichting It Lijsket", "Heulicher e.V."), or ''. */
export function withLegalForm(name: string, lines: string[]): string {
  const lower = name.toLowerCase();
  if (lower.length < 3) return '';
  for (const line of lines) {
    const at = line.toLowerCase().indexOf(lower);
    if (at < 0) continue;
    const before = /(\p{L}+)\s$/u.exec(line.slice(Math.max(0, at - 30), at))?.[1] ?? '';
    // Only at a word boundary after the name ("It Lijsket," not "It Lijsketten").
    if (/^\p{L}/u.test(line.slice(at + lower.length))) continue;
    if (FORM_BEFORE.test(before)) return `${before.charAt(0).toUpperCase()}${before.slice(1)} ${name}`;
    if (/^\s?e\.\s?V\.?(?!\p{L})/u.test(line.slice(at + lower.length))) return `${name} e.V.`;
  }
  return '';
}
