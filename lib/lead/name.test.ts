import { describe, expect, it } from 'vitest';
import { leadName, type NamedLead, roleLine } from './name';

const lead = (fields: Partial<NamedLead>): NamedLead => ({ emails: [], links: [], ...fields });

describe('leadName', () => {
  it.each<[string, Partial<NamedLead>, string]>([
    ['the full name first', { fullName: 'Jane Doe', firstName: 'J', companyName: 'Acme' }, 'Jane Doe'],
    ['first and last name when no full name', { firstName: 'Jane', lastName: 'Doe', companyName: 'Acme' }, 'Jane Doe'],
    ['the company for a company lead', { companyName: 'Acme', emails: [{ value: 'info@acme.io' }] }, 'Acme'],
    ['the first email', { emails: [{ value: 'jane@acme.io' }, { value: 'j@acme.io' }] }, 'jane@acme.io'],
    ['the first link', { links: ['https://acme.io/jane'] }, 'https://acme.io/jane'],
    ['the fallback for an empty lead', {}, 'Unnamed lead'],
  ])('names a lead by %s', (_, fields, expected) => {
    expect(leadName(lead(fields))).toBe(expected);
  });

  it('uses the caller fallback only when nothing else names the lead', () => {
    expect([leadName(lead({}), 'a lead'), leadName(lead({ companyName: 'Acme' }), 'a lead')]).toEqual([
      'a lead',
      'Acme',
    ]);
  });
});

describe('roleLine', () => {
  it('says "title at company" for a person and leaves a company lead without its own name', () => {
    expect(roleLine({ fullName: 'Jane', title: 'CTO', companyName: 'Acme' })).toBe('CTO at Acme');
    expect(roleLine({ title: 'CTO', companyName: 'Acme' })).toBe('CTO');
    expect(roleLine({ companyName: 'Acme' })).toBe('');
  });
});
