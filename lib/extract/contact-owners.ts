import { registrableDomain } from '@/lib/normalize/domain';
import { normalizeEmail } from '@/lib/normalize/email';
import { isFreeMailDomain, isRoleMailbox } from '@/lib/normalize/mailboxes';
import { mark } from './evidence';
import { strings } from './loose';
import { nameKey } from './page/entity';

/**
 * Whose each contact on a people list is (issue 17), judged once the page's people and company are
 * known: a person gets an address or a number only when it is theirs. Readers take what stands in a
 * card, and a card's bounds are a guess: the next card's address, the firm's info@ or switchboard
 * printed under every member land on people they do not belong to. Every move is marked (./evidence).
 */

type Loose = Record<string, unknown>;

const emailOf = (e: string) => normalizeEmail(e) ?? e.trim().toLowerCase();
// A number's identity across formats ("+49 761 203-7461", "0761 2037461"): its last nine digits.
const digits = (p: string) => p.replace(/\D/g, '').slice(-9);

/** The ways an address's local part spells a name: jane.doe, janedoe, jdoe, doej, janed, jane, doe. */
function spellings(fullName: string): Set<string> {
  const parts = nameKey(fullName).split(' ').filter(Boolean);
  const out = new Set<string>();
  if (parts.length < 2) return out;
  const first = parts[0] as string;
  const rest = parts.slice(1).join('');
  const last = parts[parts.length - 1] as string;
  for (const l of new Set([rest, last])) {
    out.add(first + l);
    out.add(l + first);
    out.add((first[0] ?? '') + l);
    out.add(l + (first[0] ?? ''));
    out.add(first + (l[0] ?? ''));
    if (l.length > 3) out.add(l);
  }
  if (first.length > 3) out.add(first);
  return out;
}

/** The people whose name an address's local part spells ("z.wang5@" → Zheng Wang); digits and dots aside. */
function spelledBy(address: string, names: Set<string>[]): number[] {
  const local = (address.split('@')[0] ?? '').replace(/[^a-z]/g, '');
  if (local.length < 3) return [];
  const out: number[] = [];
  names.forEach((s, i) => {
    if (s.has(local)) out.push(i);
  });
  return out;
}

/** Moves `value` of `field` off `record` (its own copy of the list), marking why. */
function take(record: Loose, field: 'emails' | 'phones' | 'textPhones', drop: (v: string) => boolean, why: string) {
  const before = strings(record[field]);
  const kept = before.filter((v) => !drop(v));
  if (kept.length === before.length) return;
  record[field] = kept;
  mark(record, field === 'textPhones' ? 'phones' : field, why);
}

/**
 * Settles the contacts of a people list's records and its company (in place):
 * an address that spells another listed person's name is theirs, not the card's it sits in;
 * on a people list (`peopleList`), the company's address that spells one listed person's name is theirs;
 * a role mailbox (info@, office@) or the company's own number carried by two or more people is
 * the company's, not theirs.
 */
export function settleContacts(people: Loose[], company: Loose | null, peopleList: boolean): void {
  if (people.length < 2) return;
  // Each address is normalised once per page (the checks below read each one several times).
  const normalised = new Map<string, string>();
  const email = (raw: string) => {
    let e = normalised.get(raw);
    if (e === undefined) {
      e = emailOf(raw);
      normalised.set(raw, e);
    }
    return e;
  };
  const names = people.map((p) => spellings(String(p.fullName ?? '')));
  const holders = new Map<string, number>();
  for (const p of people)
    for (const e of new Set(strings(p.emails).map(email))) holders.set(e, (holders.get(e) ?? 0) + 1);
  // 1. An address naming another listed person, and no one else, is that person's.
  people.forEach((p, i) => {
    for (const raw of strings(p.emails)) {
      const who = spelledBy(email(raw), names);
      if (who.length !== 1 || who[0] === i) continue;
      const owner = people[who[0] as number] as Loose;
      take(p, 'emails', (v) => email(v) === email(raw), `moved ${raw}: it spells ${String(owner.fullName)}'s name`);
      if (!strings(owner.emails).some((v) => email(v) === email(raw))) {
        owner.emails = [...strings(owner.emails), raw];
        mark(owner, 'emails', `given ${raw}: it spells this name, found on ${String(p.fullName)}'s card`);
      }
    }
  });
  // 2. On a people list, the company's address naming one listed person who has none is that person's.
  if (company && peopleList) {
    for (const raw of strings(company.emails)) {
      const e = email(raw);
      if (isRoleMailbox(e) || holders.has(e)) continue;
      const who = spelledBy(e, names);
      const owner = who.length === 1 ? (people[who[0] as number] as Loose) : null;
      if (!owner || strings(owner.emails).length) continue;
      take(company, 'emails', (v) => email(v) === e, `moved ${raw} to ${String(owner.fullName)}: it spells that name`);
      owner.emails = [raw];
      mark(owner, 'emails', `given ${raw}: the page's address that spells this name`);
    }
  }
  // 3. A role mailbox under two or more people is the organisation's, whoever's cards repeat it.
  const sharedRole = new Set([...holders].filter(([e, n]) => n >= 2 && isRoleMailbox(e)).map(([e]) => e));
  // 4. The company's own number under two or more people is its switchboard, no one's line.
  const companyNumbers = new Set(
    company ? [...strings(company.phones), ...strings(company.textPhones)].map(digits) : [],
  );
  const phoneHolders = new Map<string, number>();
  for (const p of people)
    for (const d of new Set([...strings(p.phones), ...strings(p.textPhones)].map(digits)))
      phoneHolders.set(d, (phoneHolders.get(d) ?? 0) + 1);
  const switchboard = new Set([...phoneHolders].filter(([d, n]) => n >= 2 && companyNumbers.has(d)).map(([d]) => d));
  if (!sharedRole.size && !switchboard.size) return;
  for (const p of people) {
    take(p, 'emails', (v) => sharedRole.has(email(v)), "dropped a role mailbox several people's cards repeat");
    for (const field of ['phones', 'textPhones'] as const)
      take(p, field, (v) => switchboard.has(digits(v)), "dropped the company's number several people's cards repeat");
  }
  if (company) {
    const own = new Set(strings(company.emails).map(email));
    const add = [...sharedRole].filter((e) => !own.has(e));
    if (add.length) company.emails = [...strings(company.emails), ...add];
  }
}

/**
 * On a page that is not a people list, the company's address that spells one named person's name
 * is that person's, not the company's, when the company keeps an address of its own beside it (a
 * notice's publisher's mailbox beside the federation's, a founder's beside support@). Without one
 * it stays the company's: a sole trader's or a small firm's only mailbox is how to reach it.
 */
export function settleNamedMailboxes(people: Loose[], company: Loose | null): void {
  if (!company || !people.length) return;
  const names = people.map((p) => spellings(String(p.fullName ?? '')));
  const list = [...new Set(strings(company.emails).map(emailOf))];
  const owners = list.map((e) => (isRoleMailbox(e) ? [] : spelledBy(e, names)));
  if (!owners.some((o) => o.length === 0)) return;
  list.forEach((e, k) => {
    const who = owners[k] ?? [];
    if (who.length !== 1) return;
    const owner = people[who[0] as number] as Loose;
    take(company, 'emails', (v) => emailOf(v) === e, `moved ${e} to ${String(owner.fullName)}: it spells that name`);
    if (strings(owner.emails).some((v) => emailOf(v) === e)) return;
    owner.emails = [...strings(owner.emails), e];
    mark(owner, 'emails', `given ${e}: the company's address that spells this name, beside the company's own`);
  });
}

/** A domain's own label ("acme" for mail.acme.co.uk), or '' for none. */
function labelOf(host: string): string {
  return (registrableDomain(host.toLowerCase()) ?? '').split('.')[0] ?? '';
}

/**
 * Drops the company's role mailboxes on a third organisation's domain (info@ an agency, a chamber,
 * a host or an authority) once the company has a mailbox on its own site's domain: an organisation
 * writes from its own domain, or from a mail provider's; a third domain's info@ or contact@ on its
 * page is whoever owns that domain. A domain under the site's own name ("ltb-avocat.fr" for
 * ltb-avocat.com) is the company's.
 */
export function dropOthersMailboxes(company: Loose | null): void {
  const website = typeof company?.website === 'string' ? company.website : '';
  let own = '';
  try {
    own = website ? labelOf(new URL(website).hostname) : '';
  } catch {
    own = '';
  }
  if (!company || !own) return;
  const domainOf = (e: string) => emailOf(e).split('@')[1] ?? '';
  const list = strings(company.emails);
  if (!list.some((e) => labelOf(domainOf(e)) === own)) return;
  take(
    company,
    'emails',
    (e) => isRoleMailbox(emailOf(e)) && labelOf(domainOf(e)) !== own && !isFreeMailDomain(domainOf(e)),
    "dropped a role mailbox on another organisation's domain: the company has its own",
  );
}
