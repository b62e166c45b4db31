import { describe, expect, it } from 'vitest';
import { mailCountries, phoneCache, phoneCountries, phonesOf, sharedCodeNumbers } from './phones';

const read = (raw: string[], text: string[], countries: string[]) => phonesOf(raw, text, countries, phoneCache());

describe('phoneCountries', () => {
  it.each([
    // A CMS's default region loses to the country-code domain: WordPress's de-DE on an Austrian club's site.
    ['https://kiwanis-leibnitz.at/', 'de-DE', [], 'AT'],
    ['https://example.ch/team', 'de-DE', [], 'CH'],
    ['https://example.be/equipe', 'fr-FR', [], 'BE'],
    // Hugo's default "en-us" on an Italian firm's github.io page names no country; the address does.
    ['https://studio.github.io/contatti/', 'en-us', ['IT'], 'IT'],
    // A region chosen against the language's home is evidence the domain does not override.
    ['https://example.com/', 'de-CH', [], 'CH'],
    ['https://example.de/', 'fr-BE', [], 'BE'],
    // .io, .co are sold as generic names: the language decides.
    ['https://oswin.io/', 'fr', [], 'FR'],
    ['https://example.com/', 'en-US', [], 'US'],
    // A language spoken at home in one country almost alone, declared bare on an address naming none.
    ['https://klinika.github.io/kontakt/', 'sk', [], 'SK'],
    ['https://example.com/kontakt/', 'nb', [], 'NO'],
    ['https://example.com/yhteystiedot/', 'fi', [], 'FI'],
    // Its region chosen elsewhere still wins ("hu-RO": a Hungarian page in Romania); a domain beats the bare language.
    ['https://example.com/', 'hu-RO', [], 'RO'],
    ['https://example.at/', 'cs', [], 'AT'],
  ])('%s in %s (address %j) reads national numbers as %s', (url, lang, countries, expected) => {
    expect(phoneCountries(url, { lang, countries })[0]).toBe(expected);
  });

  it('puts the country of the numbers the page writes with a code first (a .com page with +39 numbers)', () => {
    expect(phoneCountries('https://example.com/', { lang: 'en-US', countries: [], explicit: ['IT'] })[0]).toBe('IT');
  });

  it('reads a github.io page with Mexican e-mail domains as Mexican, after any address and before a default region', () => {
    const mailed = mailCountries([{ emails: ['a@tec.mx', 'b@gmail.com'] }, { emails: ['c@tec.mx', 'd@leeds.ac.uk'] }]);
    expect(mailed).toEqual(['MX', 'GB']);
    expect(phoneCountries('https://cimb-tec.github.io/WebSite/', { lang: 'en', countries: [], mailed })[0]).toBe('MX');
    expect(phoneCountries('https://example.github.io/', { lang: 'es-ES', countries: [], mailed })[0]).toBe('MX');
    // An address on the page and a chosen region are stronger evidence than where the mailbox is.
    expect(phoneCountries('https://example.github.io/', { lang: 'en', countries: ['ES'], mailed })[0]).toBe('ES');
    expect(phoneCountries('https://example.github.io/', { lang: 'es-AR', countries: [], mailed })[0]).toBe('AR');
  });

  it('takes no country from generic or regional mail domains', () => {
    expect(mailCountries([{ emails: ['a@example.com', 'b@lab.eu', 'c@x.io', 'not-an-email'] }])).toEqual([]);
  });
});

describe('phonesOf', () => {
  it('reads a national number with the first country only, never a later one that happens to accept it', () => {
    // "02 1234 5678" is no Belgian number as written; Italy would read it, but nothing says Italy.
    expect(read([], ['02 1234 5678'], ['BE', 'IT'])).toEqual([]);
    expect(read([], ['03452/82419'], ['AT', 'DE'])).toEqual(['+43345282419']);
  });

  it('drops a national tel: number its country cannot read instead of keeping its raw digits', () => {
    expect(read(['tel:3384096230'], [], ['US'])).toEqual([]);
    // Nothing names a country: a tel: link's number is kept as written, text is not.
    expect(read(['tel:3384096230'], [], [])).toEqual(['3384096230']);
    expect(read([], ['Tel. 338 409 6230'], [])).toEqual([]);
    expect(read(['tel:3384096230'], [], ['IT'])).toEqual(['+393384096230']);
  });

  it('keeps a number written with its country code, and reads 00 as that code', () => {
    expect(read(['tel:0041446681800'], [], [])).toEqual(['+41446681800']);
    expect(read([], ['0043 660 7579524'], ['DE'])).toEqual(['+436607579524']);
    expect(read(['+1 555 0100'], [], [])).toEqual(['+1 555 0100']);
    // The country code in brackets ("(+34) 963 516 309") is the number's own, whatever the page's country.
    expect(read([], ['(+34) 963 516 309'], [])).toEqual(['+34963516309']);
    expect(read([], ['(0041) 44 668 18 00'], ['DE'])).toEqual(['+41446681800']);
    // The brackets may hold the area code too (a Belgrade firm's "(+381 11) 334-55-44").
    expect(read([], ['(+381 11) 334-55-44'], [])).toEqual(['+381113345544']);
  });

  it("reads a bracketed country code without its '+' only where the page's country cannot read the number", () => {
    // A Costa Rican firm's "(506) 2221-4130" on a Spanish-language page.
    expect(read([], ['(506) 2221-4130'], ['ES'])).toEqual(['+50622214130']);
    expect(read([], ['(57) 601 234 5678'], ['ES'])).toEqual(['+576012345678']);
    // Chile's code and Santiago's area code in one pair of brackets, on a .cl site.
    expect(read([], ['(56 2) 2 347 8100'], ['CL'])).toEqual(['+56223478100']);
    // In North America the brackets hold an area code, read as such first.
    expect(read([], ['(506) 555-0123'], ['CA'])).toEqual(['+15065550123']);
    // A bracketed group whose number no country's plan accepts stays dropped.
    expect(read([], ['(12) 3456'], ['ES'])).toEqual([]);
  });

  it('reads no span of years or dates in the text as a number, whatever the country accepts', () => {
    // Denmark's eight-digit numbers take "2019 2024" for a mobile.
    expect(read([], ['(2019 – 2024)', '(2019 - 2024', '12.05.2019 - 03.06.2021'], ['DK'])).toEqual([]);
    expect(read([], ['20 19 20 24'], ['DK'])).toEqual(['+4520192024']);
    expect(read([], ['(201) 555-0123'], ['US'])).toEqual(['+12015550123']);
  });

  it('drops a digit run written without the trunk prefix its country dials (a SIREN, a VAT number)', () => {
    expect(read([], ['123 456 789'], ['FR'])).toEqual([]);
    expect(read([], ['01 42 68 53 00'], ['FR'])).toEqual(['+33142685300']);
    expect(read([], ['3012345678'], ['DE'])).toEqual([]);
    expect(read([], ['030 12345678'], ['DE'])).toEqual(['+493012345678']);
    // Italian and Spanish numbers have no trunk prefix: written as dialled.
    expect(read([], ['338 409 6230'], ['IT'])).toEqual(['+393384096230']);
    expect(read([], ['688 90 74 54'], ['ES'])).toEqual(['+34688907454']);
    // Indian mobiles are written without their 0.
    expect(read(['tel:9137683343'], [], ['IN'])).toEqual(['+919137683343']);
  });
});

describe('sharedCodeNumbers', () => {
  it('writes each number a list gives after a first one with the bracketed code they share', () => {
    expect(sharedCodeNumbers(['Teléfonos:(571) 6495352 – 7464706 – 7464707.'])).toEqual([
      '(571) 6495352',
      '(571) 7464706',
      '(571) 7464707',
    ]);
    // The list goes on on the next line when the number ends its own.
    expect(sharedCodeNumbers(['Tel/Fax:', '(+381 11) 334-55-44', '; 334-52-52; 334-55-66'])).toEqual([
      '(+381 11) 334-55-44',
      '(+381 11) 334-52-52',
      '(+381 11) 334-55-66',
    ]);
  });

  it("reads no list from a lone number, a number of another length after it, or a fax's list", () => {
    expect(sharedCodeNumbers(['Tel: (030) 1234567', 'Berlin'])).toEqual([]);
    expect(sharedCodeNumbers(['Tel: (030) 1234567, 10115 Berlin'])).toEqual([]);
    expect(sharedCodeNumbers(['Fax: (030) 1234567 / 1234568'])).toEqual([]);
  });
});
