import { leadName } from '@/lib/lead/name';
import type { Lead } from '@/lib/lead/schema';

/** vCard 4.0 (RFC 6350) for address books: one card per lead, CRLF lines folded at 75 octets. */

/** Escapes a text value (RFC 6350 §3.4): backslash, comma, semicolon and line breaks. */
export function escapeVcardText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 6350 §3.2). */
export function foldVcardLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // continuation lines start with one space
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** One vCard 4.0 for a lead. Guessed emails are left out: an address book should hold real addresses. */
export function leadToVcard(lead: Lead): string {
  const e = escapeVcardText;
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:urn:uuid:${lead.id}`, `FN:${e(leadName(lead, 'Unknown'))}`];
  if (lead.firstName || lead.lastName) lines.push(`N:${e(lead.lastName ?? '')};${e(lead.firstName ?? '')};;;`);
  if (lead.companyName) lines.push(`ORG:${e(lead.companyName)}`);
  if (lead.title) lines.push(`TITLE:${e(lead.title)}`);
  lead.emails
    .filter((m) => m.status !== 'guessed' && m.status !== 'bounced')
    .forEach((m, i) => {
      lines.push(`EMAIL;TYPE=work${i === 0 ? ';PREF=1' : ''}:${m.value}`);
    });
  lead.phones.forEach((p, i) => {
    // E.164 values become tel: URIs (the 4.0 form); anything unparsed stays free text.
    const tel = /^\+\d{6,15}$/.test(p.value) ? `;VALUE=uri:tel:${p.value}` : `:${e(p.value)}`;
    lines.push(`TEL;TYPE=work${i === 0 ? ';PREF=1' : ''}${tel}`);
  });
  if (lead.companyWebsite) lines.push(`URL;TYPE=work:${e(lead.companyWebsite)}`);
  for (const link of lead.links) lines.push(`URL:${e(link)}`);
  if (lead.location) lines.push(`ADR;LABEL="${lead.location.replace(/["\\\r\n]/g, ' ')}":;;;;;;`);
  if (lead.tags.length) lines.push(`CATEGORIES:${lead.tags.map(e).join(',')}`);
  if (lead.notes) lines.push(`NOTE:${e(lead.notes)}`);
  lines.push(`REV:${lead.updatedAt.replace(/\.\d+/, '').replace(/[-:]/g, '')}`, 'END:VCARD');
  return lines.map(foldVcardLine).join('\r\n');
}

/** Cards for many leads, in one .vcf text. */
export function leadsToVcard(leads: Iterable<Lead>): string {
  const cards: string[] = [];
  for (const lead of leads) cards.push(leadToVcard(lead));
  return cards.length ? `${cards.join('\r\n')}\r\n` : '';
}
