import type { Lead } from './schema';

/** The fields a display name is made of (a stored lead or a draft). */
export type NamedLead = Pick<Lead, 'fullName' | 'firstName' | 'lastName' | 'companyName'> & {
  emails: readonly { value: string }[];
  links: readonly string[];
};

/**
 * A lead's display name, the one rule every screen, export and notification uses: the
 * person (full name, else first and last), else the company, else the first email or
 * link, else `fallback`.
 */
export function leadName(lead: NamedLead, fallback = 'Unnamed lead'): string {
  const joined = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  return lead.fullName || joined || lead.companyName || lead.emails[0]?.value || lead.links[0] || fallback;
}

/** "Title at Company", or whichever part exists (the company only when the lead is a person). */
export function roleLine(lead: Pick<Lead, 'title' | 'companyName' | 'fullName'>): string {
  if (lead.title && lead.companyName && lead.fullName) return `${lead.title} at ${lead.companyName}`;
  return lead.title || (lead.fullName ? lead.companyName : '') || '';
}
