import { registrableDomain } from '@/lib/normalize/domain';
import { blockPeople, type LegalReading, signerOf } from './legal';
import { newCompany, setField } from './page/entity';
import type { CompanyPageReading, RawCompany, RawPerson } from './page/types';
import { townIn } from './town';

/**
 * Settles a company page's company and people with what its legal notice names (parsed by
 * lib/extract/legal.ts from the lines the reader collected) and what the reader read beside it
 * (./page/company-page.ts): the notice's entity, seat and representatives first, then the address
 * blocks' town and managing director, the page's town, its letter's signer. It runs in finalize
 * so that the notice's parser stays out of the script injected into pages.
 */
export function settleCompanyPage(
  read: CompanyPageReading,
  legal: LegalReading | null,
  found: RawCompany | null,
): { company: RawCompany | null; people: RawPerson[] } {
  if (!found) return { company: null, people: [] };
  // A copy: the reading stays as it came (finalize may read it again).
  const company: RawCompany = { ...found, sources: { ...found.sources } };
  let people: RawPerson[] = [];
  const fromNotice = !!legal?.companyName;
  if (read.unnamed) {
    // The company the reader made for the notice's name: none without one.
    const named = legal?.companyName ? newCompany(legal.companyName, 'page') : null;
    if (!named) return { company: null, people: [] };
    company.name = named.name;
  } else if (legal?.companyName) {
    // A regional site's structured data may describe its branch: the notice's entity and seat are the company's.
    if (legal.location && company.name !== legal.companyName) {
      delete company.location;
      delete company.sources.location;
    }
    company.name = legal.companyName;
    company.sources.name = 'page';
  }
  if (legal) {
    setField(company, 'location', legal.location, 'page');
    people = legal.people;
    // The chamber's, insurer's or host's contacts on the notice are not the company's.
    for (const key of ['emails', 'phones', 'textPhones'] as const) {
      const others = new Set(read.decoyed[key]);
      const list = company[key];
      if (others.size && list) company[key] = list.filter((v) => !others.has(v));
    }
    // And those of the sections the notice's parser ends the owner's block at (a maintainer's, a host's
    // heading the reader did not know): in them and not in the owner's block, unless a mailbox of the site's own domain.
    const squeeze = (t: string) => t.replace(/\s/g, '').toLowerCase();
    const [theirs, ours] = [squeeze(legal.decoyText), squeeze(legal.ownText)];
    const site = sameSiteMail(company.website);
    const foreign = (v: string) => theirs.includes(squeeze(v)) && !ours.includes(squeeze(v)) && !site(v);
    for (const key of ['emails', 'phones', 'textPhones'] as const) {
      const list = company[key];
      if (theirs && list) company[key] = list.filter((v) => !foreign(v));
    }
  }
  const [blocks, text] = read.townLines;
  const blocksTown = townIn(blocks);
  const pageTown = blocksTown ? '' : townIn(text);
  if (!company.location) setField(company, 'location', blocksTown, 'page');
  const legalName = fromNotice ? '' : read.legalFormName;
  if (legalName) company.name = legalName;
  if (!company.location) setField(company, 'location', pageTown, 'page');
  if (!people.length) people = blockPeople(read.blockLines);
  const signer = people.length ? null : signerOf(read.signed);
  if (signer) people = [signer];
  for (const p of people) setField(p, 'companyName', company.name, 'page');
  return { company, people };
}

/** True for a mailbox on the registrable domain of `website` (contact@acme.fr on www.acme.fr). */
function sameSiteMail(website: string | undefined): (v: string) => boolean {
  let own: string | null = null;
  try {
    own = website ? registrableDomain(new URL(website).hostname) : null;
  } catch {
    own = null;
  }
  return (v) => !!own && v.includes('@') && registrableDomain(v.split('@')[1] ?? '') === own;
}
