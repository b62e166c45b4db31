// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeLead } from '@/test/factories';
import { prepareDraft } from './prepare';
import { LeadSchema } from './schema';
import { asWebAddress } from './urls';

// Issue 13, finding 5: only http(s) web addresses in a lead's URL fields.

const HOSTILE = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd'];
const at = '2026-01-01T00:00:00.000Z';

describe('URL fields of a stored lead', () => {
  it.each(HOSTILE)('LeadSchema refuses %s in links, photoUrl, companyWebsite and sources[].url', (value) => {
    expect(LeadSchema.safeParse(makeLead(1, { links: [value] })).success).toBe(false);
    expect(LeadSchema.safeParse(makeLead(1, { photoUrl: value })).success).toBe(false);
    expect(LeadSchema.safeParse(makeLead(1, { companyWebsite: value })).success).toBe(false);
    const sources = [{ url: value, capturedAt: at, extractor: 'json-ld' }];
    expect(LeadSchema.safeParse(makeLead(1, { sources })).success).toBe(false);
  });

  it('LeadSchema accepts http and https addresses, and an import source that names its file', () => {
    const lead = makeLead(1, {
      links: ['https://github.com/ada', 'http://ada.example/about'],
      photoUrl: 'https://ada.example/me.jpg',
      companyWebsite: 'https://ada.example',
      sources: [{ file: 'contacts.csv', capturedAt: at, extractor: 'import:generic' }],
    });
    expect(LeadSchema.safeParse(lead).success).toBe(true);
  });

  it('a draft keeps a non-web value as a notes line instead of dropping it; a bare host becomes https', () => {
    const prepared = prepareDraft({
      fullName: 'Ada',
      links: ['https://github.com/ada', 'javascript:alert(1)'],
      photoUrl: 'data:image/png;base64,AAAA',
      companyWebsite: 'ada.example',
      sources: [{ url: 'javascript:void(0)', capturedAt: at, extractor: 'json-ld' }],
    });
    expect(prepared.draft.links).toEqual(['https://github.com/ada']);
    expect(prepared.draft.photoUrl).toBeUndefined();
    expect(prepared.draft.companyWebsite).toBe('https://ada.example');
    expect(prepared.draft.sources).toEqual([{ capturedAt: at, extractor: 'json-ld' }]);
    expect(prepared.keptAsText).toEqual([
      'Kept as text (not a web address), link: javascript:alert(1)',
      'Kept as text (not a web address), photoUrl: data:image/png;base64,AAAA',
      'Kept as text (not a web address), source: javascript:void(0)',
    ]);
  });

  it.each([
    ['https://acme.com/team', 'https://acme.com/team'],
    ['acme.com', 'https://acme.com'],
    ['www.acme.co.uk/about?x=1', 'https://www.acme.co.uk/about?x=1'],
    ['http://x:99999', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('asWebAddress(%s) is %s', (input, expected) => {
    expect(asWebAddress(input)).toBe(expected);
  });
});
