import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { NOT_NAME } from '@/lib/extract/name-words';
import { decodeCfEmail, emailsInText, harvest, isDecoyEmail, phonesInText } from '@/lib/extract/page/contacts';
import { looksLikeName } from '@/lib/extract/page/people-list';

const cf = (email: string, key = 0x42) =>
  key.toString(16).padStart(2, '0') +
  Array.from(new TextEncoder().encode(email), (b) => (b ^ key).toString(16).padStart(2, '0')).join('');

describe('emailsInText', () => {
  it.each([
    ['Write to jane.doe@acme.io today', ['jane.doe@acme.io']],
    ['jane [at] acme [dot] io', ['jane@acme.io']],
    ['jane(at)acme.io', ['jane@acme.io']],
    ['contact {at} acme {dot} co {dot} uk', ['contact@acme.co.uk']],
    ['jane at acme dot io', ['jane@acme.io']],
    ['logo@2x.png and hero@3x.webp', []],
    [`${'a'.repeat(50_000)}@acme.io`, []],
    ['Jane@Acme.IO, jane@acme.io', ['jane@acme.io']],
  ])('%s', (text, expected) => {
    expect(emailsInText(text)).toEqual(expected);
  });
});

describe('decodeCfEmail', () => {
  it('decodes Cloudflare data-cfemail hex with any key, including UTF-8', () => {
    expect(decodeCfEmail(cf('jane@acme.io'))).toBe('jane@acme.io');
    expect(decodeCfEmail(cf('zoë@acme.io', 0x9a))).toBe('zoë@acme.io');
    expect(decodeCfEmail('zz')).toBe('');
  });
});

describe('isDecoyEmail', () => {
  it.each([
    ['you@example.com', true],
    ['name@domain.com', true],
    ['noreply@acme.io', true],
    ['no-reply+bounce@acme.io', true],
    ['9f8e7d6c5b4a39281706f5e4d3c2b1a0@o450123.ingest.sentry.io', true],
    ['info@mysite.com', true],
    ['hello@yourwebsite.com', true],
    ['contact@companyname.com', true],
    ['jane.doe@acme.io', false],
    ['info@acme.io', false],
    ['info@mybusinesscoach.de', false],
  ])('%s → %s', (email, expected) => {
    expect(isDecoyEmail(email)).toBe(expected);
  });
});

describe('phonesInText', () => {
  it('reads two numbers after one label, split at a spaced slash; an area code and its number stay one', () => {
    expect(phonesInText('Tel: (11) 5929-1252 / (11) 5973-8988 Email: a@b.example')).toEqual([
      '(11) 5929-1252',
      '(11) 5973-8988',
    ]);
    expect(phonesInText('Tel: (506) 2221-4130 / (506) 2241-6330')).toEqual(['(506) 2221-4130', '(506) 2241-6330']);
    expect(phonesInText('Telefon: 0211 / 123456')).toEqual(['0211 / 123456']);
    expect(phonesInText('Order 12345678 / 87654321')).toEqual([]);
    expect(phonesInText('Tel. 0611 123 456 / 0611 654 321')).toEqual(['0611 123 456', '0611 654 321']);
  });

  it('takes a number after a label naming it a number ("Telefonnummer:", "Phone number:", "Tel. no.")', () => {
    expect(phonesInText('Telefonnummer: 951 08 633')).toEqual(['951 08 633']);
    expect(phonesInText('Phone number: 020 7946 0958')).toEqual(['020 7946 0958']);
    expect(phonesInText('Tel. no. 0611 123 456')).toEqual(['0611 123 456']);
    expect(phonesInText('Order number: 12345678')).toEqual([]);
  });

  it('takes numbers after a label or with a country code, never years or fax numbers', () => {
    const text = 'Tel. 040 226 315 10 · Fax: 040 226 315 99 · Since 1998-2024 · +44 20 7946 0958 · order 12345678';

    expect(phonesInText(text)).toEqual(['040 226 315 10', '+44 20 7946 0958']);
  });

  it('skips a number whose fax label stands further back on its line, keeps one named in a sentence', () => {
    const text = `Phone: Germany - +49.221.7894.7410 Fax:  North America -  +1.888.828.1832 Telefax:
                            +49 (0)30 / 28 47 10 84 Le standard est joignable au 05 56 78 72 50 du lundi au vendredi.`;

    expect(phonesInText(text)).toEqual(['+49.221.7894.7410', '05 56 78 72 50']);
  });

  it('reads the labels of nl, es, it, pt and pl ("Telefoon", "Telf.", "Tfno.", "Cellulare", "Celular", "GSM", "Komórka")', () => {
    const text =
      'Telefoon: 0255 – 51 63 43 · Telf. 688 907 454 · Tfno.: 963 516 309 · Cellulare 338 409 6230 · Celular: (11) 93801-3371 · GSM 0475 12 34 56 · Komórka: 601 234 567 · Registro 901712 7';

    expect(phonesInText(text)).toEqual([
      '0255 – 51 63 43',
      '688 907 454',
      '963 516 309',
      '338 409 6230',
      '(11) 93801-3371',
      '0475 12 34 56',
      '601 234 567',
    ]);
  });

  it('takes a lone F as a fax label without its colon, and Polish "faks"', () => {
    const text = 'T +49 30 2847 1000 F +49 30 2847 1099 · tel. 22 123 45 67, faks 22 123 45 68';

    expect(phonesInText(text)).toEqual(['+49 30 2847 1000', '22 123 45 67']);
  });

  it('takes a number labelled both phone and fax ("tel./fax", "Tel. & Fax")', () => {
    const text =
      'tel./fax 12 274 10 03 · Tel. & Fax: 030 2847 1000 · telefono e fax 0583 123456 · Telefax: 030 2847 1099';

    expect(phonesInText(text)).toEqual(['12 274 10 03', '030 2847 1000', '0583 123456']);
  });

  it('reads no label in the last letter of a word ("VAT:", "SIRET :", "Account:")', () => {
    const text = 'VAT: 123 4567 89 · SIRET : 123 456 789 00012 · Account: 12345678 · T: 030 2847 1000 · M 0171 2345678';

    expect(phonesInText(text)).toEqual(['030 2847 1000', '0171 2345678']);
  });
});

describe('harvest', () => {
  it('takes no tel: link labelled as a fax', () => {
    const { document } = parseHTML(`<html><body><address><strong>Phone:</strong> <em>Germany - </em>
      <a href="tel:49-221-7894-7410">+49.221.7894.7410</a><br><strong>Fax:</strong><em> North America - </em>
      <a href="tel:1-888-828-1832">+1.888.828.1832</a><br><span class="label">Telefax:</span>
      <span><a href="tel:+493028471084">+49 30 28 47 10 84</a></span></address></body></html>`);

    expect(harvest(document.body as unknown as Element, 'https://acme.example/').phones).toEqual(['49-221-7894-7410']);
  });

  it("reads a WhatsApp chat link's number as a text phone with its country code, never a widget's default or a profile link", () => {
    const { document } = parseHTML(`<html><body><p>
      <a href="https://wa.me/5551996241083?text=Ol%C3%A1">WhatsApp</a>
      <a href="https://api.whatsapp.com/send?phone=%2B31629141977">App</a>
      <a href="https://api.whatsapp.com/send?phone=31651930581&amp;text=Hoi">App</a>
      <a href="https://api.whatsapp.com/send?text=Share%20this%20page">Share</a>
      <a href="https://wa.me/31612345678?text=Hallo">Chat</a></p></body></html>`);

    const actual = harvest(document.body as unknown as Element, 'https://acme.example/');

    expect(actual.textPhones).toEqual(['+5551996241083', '+31629141977', '+31651930581']);
    expect(actual.phones).toEqual([]);
    expect(actual.links).toEqual([]);
  });
});

describe('looksLikeName', () => {
  it.each([
    ['Jane Doe', true],
    ['Zoë van der Berg', true],
    ["Mallory O'Brien", true],
    ['山田 太郎', true],
    ['Chief Executive Officer', true],
    ['Head of Sales', false],
    ['bold', false],
    ['Person1 Lastname0', false],
    ['Read more →', false],
    // Particles do not count towards a name's five words; capitalised words still do.
    ['Javier Alberto de la Tejera de la Peña', true],
    ['Itaymberê Rodolfo Guimarães Vieira da Silva', true],
    ['Grupo Escoteiro Guanandi Sul Paulista Oeste', false],
    ['Ana de la Cruz de la Torre de la Paz', false],
    ['Scalinata di Santa Maria del Monte', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeName(text)).toBe(expected);
  });
});

describe('NOT_NAME', () => {
  it.each(['Contact', 'Kontakt', 'Contacto', 'Contato', 'Contatti', 'Contacten', 'Kontakty'])(
    "the contact label %s is no one's name (a card's 'Contacto' heading over its links)",
    (word) => {
      expect(NOT_NAME.test(word)).toBe(true);
    },
  );

  it.each(['Conta', 'Contini', 'Kontos'])('%s, which only starts like a contact label, may be a name', (word) => {
    expect(NOT_NAME.test(word)).toBe(false);
  });
});
