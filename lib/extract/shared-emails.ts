import { registrableDomain } from '@/lib/normalize/domain';
import { normalizeEmail } from '@/lib/normalize/email';

/**
 * An address written on several people's records is none of theirs when the site does not own its
 * domain: a theme's placeholder left on every card ("your.name@university.edu", "email@gmail.com")
 * or a template's demo address. A shared mailbox on the site's own domain ("vorstand@club.de"
 * under each board member) is the role's real contact and stays.
 */

/**
 * Settles the addresses that two or more of `people` carry: the reader sets those of one list apart
 * (`shared`, so that they do not merge the cards); either way they stay only on the page's own domain.
 */
export function dropSharedEmails(people: Record<string, unknown>[], url: string): void {
  const site = siteDomain(url);
  const onSite = (e: string) => registrableDomain(e.split('@')[1] ?? '') === site;
  const holders = new Map<string, number>();
  const own = (p: Record<string, unknown>) =>
    new Set(
      (Array.isArray(p.emails) ? p.emails : [])
        .map((e) => (typeof e === 'string' ? normalizeEmail(e) : null))
        .filter((e): e is string => !!e),
    );
  for (const p of people) for (const e of own(p)) holders.set(e, (holders.get(e) ?? 0) + 1);
  const shared = new Set([...holders].filter(([e, n]) => n >= 2 && !onSite(e)).map(([e]) => e));
  for (const p of people) {
    const emails = Array.isArray(p.emails) ? p.emails : [];
    const kept = emails.filter((e) => !(typeof e === 'string' && shared.has(normalizeEmail(e) ?? '')));
    const back = (Array.isArray(p.shared) ? p.shared : []).filter(
      (e): e is string => typeof e === 'string' && onSite(normalizeEmail(e) ?? ''),
    );
    if (kept.length !== emails.length || back.length) p.emails = [...kept, ...back];
  }
}

function siteDomain(url: string): string | null {
  try {
    return registrableDomain(new URL(url).hostname);
  } catch {
    return null;
  }
}
