import { COMPANY_LINKS, classifyLink, type LinkKind, PERSON_LINKS } from '@/lib/normalize/links';
import { isLegalMailbox, isRoleMailbox } from '@/lib/normalize/mailboxes';
import type { PageKind } from '../types';
import type { Contacts } from './contacts';
import { addList, nameKey } from './entity';
import type { RawCompany, RawPerson } from './types';

/** Who owns the contacts found outside people's cards: the page's person, a listed person, or the company. */

/** Page-level contacts: a person page's own go to the person, role mailboxes and the rest to the company. */
export function assignContacts(
  c: Contacts,
  kind: PageKind,
  person: RawPerson | null,
  listed: RawPerson[],
  company: RawCompany | null,
  relMeLinks: string[],
  siteIsCompany: boolean,
  personalSite: boolean,
): void {
  const owned = new Set<string>();
  for (const p of person ? [person, ...listed] : listed) for (const e of p.emails) owned.add(e);
  for (const email of c.emails) {
    if (owned.has(email)) continue;
    // privacy@ and abuse@ are the site's legal mailboxes, never a person's.
    if (isLegalMailbox(email)) {
      if (company && kind !== 'person') addList(company, 'emails', [email], 'contact');
      continue;
    }
    // On a person's page, a role mailbox belongs to the company only when it is on the company's domain.
    const companyMailbox = isRoleMailbox(email) && !!company?.website?.includes(email.slice(email.indexOf('@') + 1));
    if (kind === 'person' && person && siteIsCompany) {
      // A bio page on the firm's own site: footer addresses are the firm's, other people's are nobody's here.
      if (matchByLocalPart(email, [person])) addList(person, 'emails', [email], 'contact');
      else if (isRoleMailbox(email) && company) addList(company, 'emails', [email], 'contact');
    } else if (kind === 'person' && person && !personalSite) {
      // A profile on someone else's site (event, directory): only an address that spells the person's name is theirs.
      if (matchByLocalPart(email, [person])) addList(person, 'emails', [email], 'contact');
    } else if (kind === 'person' && person && !companyMailbox) addList(person, 'emails', [email], 'contact');
    else if (kind === 'people-list' && !isRoleMailbox(email) && matchByLocalPart(email, listed))
      addList(matchByLocalPart(email, listed) as RawPerson, 'emails', [email], 'contact');
    else if (company) addList(company, 'emails', [email], 'contact');
  }
  // Page-level phones and links on a person's page are theirs only on their own site (or marked rel="me").
  const relMeCount = relMeLinks.length;
  const target = kind !== 'person' ? company : siteIsCompany ? company : personalSite || relMeCount ? person : null;
  if (target) {
    // A number a person on the page already has is theirs, not the page's.
    const digits = (s: string) => s.replace(/\D/g, '').slice(-9);
    const taken = new Set<string>();
    for (const p of person ? [person, ...listed] : listed)
      for (const ph of [...p.phones, ...(p.textPhones ?? [])]) taken.add(digits(ph));
    const free = (list: string[]) => (target === person ? list : list.filter((ph) => !taken.has(digits(ph))));
    addList(target, 'phones', free(c.phones), 'contact');
    addList(target, 'textPhones', free(c.textPhones), 'contact');
    const allowed = target === person ? PERSON_LINKS : COMPANY_LINKS;
    // rel="me" marks the owner's profiles; else one link per network (blog posts link to others).
    const relMe = new Set(relMeLinks.map((l) => classifyLink(l)?.url));
    const seen = new Set<string>(
      target.links.map((l) => classifyLink(l)?.kind).filter((k): k is LinkKind => k !== undefined),
    );
    for (const link of c.links) {
      // The only sites harvested are people's profiles (./contacts PROFILE_SITE): a person's, one per host.
      const site = link.kind === 'website';
      if (!allowed.has(link.kind) && !(site && target === person)) continue;
      // On the person's own site its profile icons are theirs even when only some are marked rel="me".
      if (relMe.size && kind === 'person' && !personalSite && !relMe.has(link.url)) continue;
      const key = site ? (link.url.split('/')[2] ?? '') : link.kind;
      if (seen.has(key) && !relMe.has(link.url)) continue;
      seen.add(key);
      addList(target, 'links', [link.url], 'contact');
    }
  }
}

/** True when a website URL is on the same site as the page (www. ignored). */
export function sameSite(website: string, page: URL): boolean {
  try {
    return new URL(website).hostname.replace(/^www\./, '') === page.hostname.replace(/^www\./, '');
  } catch {
    return false;
  }
}

/** The listed person whose name the address spells (jane.doe@, jdoe@, jane@), if exactly one. */
function matchByLocalPart(email: string, people: RawPerson[]): RawPerson | null {
  const local = email.split('@')[0]?.replace(/[^a-z]/g, '') ?? '';
  if (local.length < 3) return null;
  const hits = people.filter((p) => {
    const parts = nameKey(p.fullName).split(' ');
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    return (
      local === first + last ||
      local === first ||
      local === `${first[0] ?? ''}${last}` ||
      local === `${first}${last[0] ?? ''}` ||
      (last.length > 2 && local === last)
    );
  });
  return hits.length === 1 ? (hits[0] as RawPerson) : null;
}
