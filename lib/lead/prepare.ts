import { AppError, toAppError } from '@/lib/errors';
import { canonicalLink, cleanName, normalizeEmail, normalizePhone, registrableDomain } from '@/lib/normalize';
import { isFreeMailDomain } from '@/lib/normalize/mailboxes';
import { type EmailPoint, type LeadDraft, LeadDraftSchema, type ParsedLeadDraft, type PhonePoint } from './schema';
import { webAddressesOnly } from './urls';

/**
 * Turns a draft from capture, the form or an import into its canonical form before
 * it meets the store: validated, links canonical, emails and phones normalised and
 * de-duplicated, companyDomain registrable. Pure (no I/O), so it runs before the
 * database transaction opens.
 */

/** A validated, normalised draft plus the fields the caller actually gave (zod fills defaults). */
export interface PreparedDraft {
  draft: ParsedLeadDraft;
  /** Top-level keys present in the raw input: defaults (stage "new", origin "outbound") must not overwrite. */
  given: ReadonlySet<string>;
  /** Notes lines for URL-field values that were no web address (appended to the lead's notes, never dropped). */
  keptAsText: string[];
}

function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) seen.set(k, item);
  }
  return [...seen.values()];
}

/** Canonical form of a link list: profile URLs canonicalised, non-URLs kept as written (nothing dropped). */
export function canonicalLinks(links: string[]): string[] {
  return dedupeBy(
    links.map((l) => canonicalLink(l) ?? l.trim()),
    (l) => l,
  );
}

function normalizeEmails(emails: EmailPoint[]): EmailPoint[] {
  return dedupeBy(
    emails.map((e) => ({ ...e, value: normalizeEmail(e.value) ?? e.value })),
    (e) => e.value,
  );
}

function normalizePhones(phones: PhonePoint[]): PhonePoint[] {
  return dedupeBy(
    phones.map((p) => {
      // Only numbers with their own country code can be made E.164 here; the capture
      // flow normalises national numbers with the page's or the user's country first.
      const n = p.value.startsWith('+') ? normalizePhone(p.value) : null;
      return n?.valid && n.value !== p.value ? { ...p, value: n.value, raw: p.raw ?? p.value } : p;
    }),
    (p) => p.value,
  );
}

/** The registrable company domain: given, or from the website, or from a work (non-free-mail) address. */
export function deriveCompanyDomain(draft: Pick<ParsedLeadDraft, 'companyDomain' | 'companyWebsite' | 'emails'>) {
  if (draft.companyDomain) return registrableDomain(draft.companyDomain) ?? draft.companyDomain.toLowerCase();
  if (draft.companyWebsite) {
    const host = safeHost(draft.companyWebsite);
    const domain = host ? registrableDomain(host) : null;
    if (domain) return domain;
  }
  for (const email of draft.emails) {
    if (email.source === 'guessed' || email.status === 'guessed') continue;
    const domain = registrableDomain(email.value);
    if (domain && !isFreeMailDomain(domain)) return domain;
  }
  return undefined;
}

function safeHost(url: string): string | null {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname;
  } catch {
    return null;
  }
}

/** Validates and normalises a draft; throws AppError('invalid') with the first problem. */
export function prepareDraft(input: LeadDraft): PreparedDraft {
  const parsed = LeadDraftSchema.safeParse(input);
  if (!parsed.success) throw toAppError(parsed.error);
  if (typeof input !== 'object' || input === null) throw new AppError('invalid', 'a lead must be an object');
  const given = new Set(Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined));
  const draft: ParsedLeadDraft = { ...parsed.data };
  if (draft.fullName) draft.fullName = cleanName(draft.fullName) || draft.fullName;
  if (!draft.fullName && (draft.firstName || draft.lastName)) {
    draft.fullName = [draft.firstName, draft.lastName].filter(Boolean).join(' ');
    given.add('fullName');
  }
  const web = webAddressesOnly({ ...draft, links: canonicalLinks(draft.links) });
  Object.assign(draft, web.lead);
  for (const field of ['photoUrl', 'companyWebsite'] as const) if (!web.lead[field]) delete draft[field];
  draft.emails = normalizeEmails(draft.emails);
  draft.phones = normalizePhones(draft.phones);
  draft.tags = dedupeBy(draft.tags, (t) => t.toLowerCase());
  const domain = deriveCompanyDomain(draft);
  if (domain) {
    if (domain !== draft.companyDomain) given.add('companyDomain');
    draft.companyDomain = domain;
  }
  if (draft.nextFollowUpAt) draft.nextFollowUpAt = new Date(draft.nextFollowUpAt).toISOString();
  return { draft, given, keptAsText: web.lines };
}
