import { describe, expect, it } from 'vitest';
import { sampleLead } from '@/test/sample-leads';
import { escapeVcardText, foldVcardLine, leadsToVcard, leadToVcard } from './vcard';

describe('vCard 4.0', () => {
  it('escapes commas, semicolons, backslashes and line breaks', () => {
    expect(escapeVcardText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `NOTE:${'é'.repeat(100)}`;
    const folded = foldVcardLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('writes a card with name, org, emails (no guessed ones), tel URIs and UID', () => {
    const lead = sampleLead(0); // found + alt + guessed emails
    const card = leadToVcard(lead);
    const lines = card.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCARD');
    expect(lines[1]).toBe('VERSION:4.0');
    expect(lines).toContain(`UID:urn:uuid:${lead.id}`);
    expect(lines).toContain('FN:Ana García');
    expect(lines).toContain('N:García;Ana;;;');
    expect(lines).toContain('EMAIL;TYPE=work;PREF=1:person-0@company0-example.com');
    expect(card).not.toContain('guess.person-0');
    expect(lines).toContain('TEL;TYPE=work;PREF=1;VALUE=uri:tel:+14155551000');
    expect(lines.at(-1)).toBe('END:VCARD');
  });

  it('joins cards and ends with CRLF', () => {
    const text = leadsToVcard([sampleLead(1), sampleLead(2)]);
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(leadsToVcard([])).toBe('');
  });
});
