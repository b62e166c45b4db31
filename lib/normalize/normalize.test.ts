import { describe, expect, it } from 'vitest';
import {
  canonicalLink,
  classifyLink,
  mailtoHref,
  normalizeEmail,
  normalizePhone,
  registrableDomain,
  splitName,
} from '.';

describe('canonicalLink', () => {
  it.each([
    ['https://fr.linkedin.com/in/Jane-Doe-123/?originalSubdomain=fr', 'https://www.linkedin.com/in/jane-doe-123'],
    ['http://linkedin.com/in/jane-doe-123', 'https://www.linkedin.com/in/jane-doe-123'],
    ['https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller/', 'https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller'],
    ['https://www.linkedin.com/company/acme-inc/about/', 'https://www.linkedin.com/company/acme-inc'],
    ['https://www.linkedin.com/company-beta/10849778/', 'https://www.linkedin.com/company/10849778'],
    ['https://GitHub.com/Octocat', 'https://github.com/octocat'],
    ['https://twitter.com/JaneDoe?ref_src=twsrc', 'https://x.com/janedoe'],
    ['https://www.crunchbase.com/organization/acme?utm_source=x', 'https://www.crunchbase.com/organization/acme'],
    ['https://angel.co/u/jane-doe', 'https://wellfound.com/u/jane-doe'],
    ['https://WWW.Acme.com/team/?utm_source=newsletter&id=4#top', 'https://www.acme.com/team?id=4'],
    ['https://acme.com/', 'https://acme.com'],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalLink(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'mailto:jane@acme.com',
    'https://github.com/features',
    'https://x.com/intent/tweet?text=hi',
    'https://www.linkedin.com/feed/',
  ])('rejects non-profile or unsafe link %s', (raw) => {
    expect(classifyLink(raw)).toBeNull();
  });

  // Canonical LinkedIn and GitHub links skip the URL parse; the answer must be the one the
  // full path gives, which the same link with an empty query ("?") is sent through.
  it.each([
    'https://www.linkedin.com/in/jane-doe-123',
    'https://www.linkedin.com/company/acme-inc',
    'https://www.linkedin.com/school/mit',
    'https://www.linkedin.com/showcase/acme-labs',
    'https://www.linkedin.com/in/a.b_c~d',
    'https://www.linkedin.com/in/...',
    'https://www.linkedin.com/in/.',
    'https://www.linkedin.com/in/..',
    'https://www.linkedin.com/pub/jane',
    'https://www.linkedin.com/feed/x',
    'https://github.com/octocat',
    'https://github.com/features',
    'https://github.com/settings',
    'https://github.com/-dash',
    'https://github.com/..',
    `https://github.com/${'a'.repeat(100)}`,
    `https://github.com/${'a'.repeat(101)}`,
  ])('%s: the fast path agrees with a full parse', (link) => {
    expect(classifyLink(link)).toEqual(classifyLink(`${link}?`));
  });
});

describe('normalizeEmail', () => {
  it.each([
    ['Jane.Doe@Acme.COM', 'jane.doe@acme.com'],
    ['mailto:jane%40acme.com?subject=Hello', 'jane@acme.com'],
    ['mailto:a@acme.com,b@acme.com', 'a@acme.com'],
    ['logo@2x.png', null],
    ['icon@3x.webp', null],
    ['not an email', null],
    [`${'a'.repeat(70)}@acme.com`, null],
    // mailto: header injection: these characters start a query, a fragment or an escape.
    ['sales%3Fbcc%3Dspy@evil.com', null],
    ['sales?bcc=spy@evil.com', null],
    ['sales#x@evil.com', null],
    ['a&b@evil.com', null],
    ['mailto:sales%253Fbcc%253Dspy@evil.com', null],
    ["o'brien+news@acme.com", "o'brien+news@acme.com"],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });
});

describe('mailtoHref', () => {
  it.each([['sales%3fbcc%3dspy@evil.com'], ['sales?bcc=spy@evil.com'], ['a&cc=b@evil.com'], ['x#y@evil.com']])(
    '%s stays one recipient with no header',
    (stored) => {
      const actual = mailtoHref(stored);
      expect(actual).not.toMatch(/[?#&]/);
      // What a mail client reads back after decoding the link once is the stored text, no more.
      expect(decodeURIComponent(actual.slice('mailto:'.length))).toBe(stored);
    },
  );

  it('leaves a plain address readable', () => {
    expect(mailtoHref("jane.o'neil+q3@acme.com")).toBe("mailto:jane.o'neil%2Bq3@acme.com");
  });
});

describe('normalizePhone', () => {
  it('formats a number with its own country code to E.164', () => {
    expect(normalizePhone('+1 (415) 555-0132')).toMatchObject({ value: '+14155550132', valid: true });
  });
  it('uses the default country for national numbers', () => {
    expect(normalizePhone('020 7946 0958', 'gb')).toMatchObject({ value: '+442079460958', valid: true });
    expect(normalizePhone('tel:030%2012345678', 'DE')?.value).toBe('+493012345678');
  });
  it('keeps unparseable text raw and rejects non-numbers', () => {
    expect(normalizePhone('555 0132 ext', undefined)).toEqual({ value: '555 0132 ext', valid: false });
    expect(normalizePhone('call us')).toBeNull();
  });
});

describe('registrableDomain', () => {
  it.each([
    ['www.acme.co.uk', 'acme.co.uk'],
    ['https://blog.acme.com/x', 'acme.com'],
    ['jane@mail.acme.io', 'acme.io'],
    // A site on a hosting platform is its owner's, not the platform's.
    ['https://acme-lab.github.io/team/', 'acme-lab.github.io'],
    ['co.uk', null],
  ])('%s → %s', (raw, expected) => {
    expect(registrableDomain(raw)).toBe(expected);
  });
});

describe('splitName', () => {
  it.each([
    ['Jane Doe', { firstName: 'Jane', lastName: 'Doe' }],
    ['Dr. Jane van der Berg', { firstName: 'Jane van der', lastName: 'Berg' }],
    ['Jane Doe (She/Her)', { firstName: 'Jane', lastName: 'Doe' }],
    ['Cher', { firstName: 'Cher' }],
    ['Maria Rossi, Ph.D.', { firstName: 'Maria', lastName: 'Rossi' }],
    ['Dott. Giulia Bianchi', { firstName: 'Giulia', lastName: 'Bianchi' }],
    ['Dipl.-Ing. Jörg Müller', { firstName: 'Jörg', lastName: 'Müller' }],
    ['Arch. Paolo Verdi', { firstName: 'Paolo', lastName: 'Verdi' }],
    ['佐藤 健一', { firstName: '健一', lastName: '佐藤' }],
    ['김 민준', { firstName: '민준', lastName: '김' }],
  ])('%s', (raw, expected) => {
    expect(splitName(raw)).toEqual(expected);
  });
});
