// @vitest-environment node
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isPlaceholderPhone } from '@/lib/extract/page/contacts';
import { readLegalNotice, townIn } from '@/lib/extract/page/legal';

const bodyOf = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as Element;

describe('readLegalNotice', () => {
  it('reads the entity, its town and the representative of a German Impressum', () => {
    const body = bodyOf(`<h1>Impressum</h1><p>Angaben gemäß § 5 TMG<br>Muster Werkzeug GmbH<br>Hauptstraße 4<br>
      68163 Mannheim</p><p><strong>Vertreten durch:</strong><br>Geschäftsführerin Dr. Anna Beispielfrau</p>
      <h2>Aufsichtsbehörde</h2><p>IHK Potsdam<br>14467 Potsdam<br>Tel. +49 331 278 60</p>`);
    const actual = readLegalNotice(body, true);
    expect(actual?.companyName).toBe('Muster Werkzeug GmbH');
    expect(actual?.location).toBe('Mannheim');
    expect(actual?.people.map((p) => [p.fullName, p.title])).toEqual([['Anna Beispielfrau', 'Geschäftsführerin']]);
    expect(actual?.decoyText).toContain('+49 331 278 60');
    expect(actual?.ownText).not.toContain('Potsdam');
  });

  it.each([
    [
      'fr',
      '<h1>Mentions légales</h1><p>Éditeur du site : Atelier Roux SARL, 33610 Canéjan</p><p>Gérant : Paul Roux</p>',
      'Atelier Roux SARL',
      'Canéjan',
      'Paul Roux',
      'Gérant',
    ],
    [
      'it',
      '<h1>Note legali</h1><p>Titolare del sito</p><p>Lucia Verdi</p><p>Via Roma 3, 16121 Genova (GE)</p>',
      '',
      'Genova',
      'Lucia Verdi',
      undefined,
    ],
    [
      'es',
      '<h1>Aviso legal</h1><p>Este sitio web es propiedad y está operado por Randy Ortega Domínguez. Dirección: Calle Mayor 2, 29006. Málaga.</p>',
      '',
      'Málaga',
      'Randy Ortega Domínguez',
      undefined,
    ],
  ])('reads a %s legal notice', (_lang, html, company, town, name, title) => {
    const actual = readLegalNotice(bodyOf(html), true);
    expect(actual?.companyName).toBe(company);
    expect(actual?.location).toBe(town);
    expect(actual?.people.map((p) => [p.fullName, p.title])).toEqual([[name, title]]);
  });

  it('never takes a template name or a chamber for a person', () => {
    const body = bodyOf(`<h1>Mentions légales</h1><p>Directeur de la publication : Maître Jean Dupont</p>
      <p>Zuständige Rechtsanwaltskammer</p>`);
    expect(readLegalNotice(body, true)?.people ?? []).toEqual([]);
  });

  it('finds nothing on a page without a notice', () => {
    expect(readLegalNotice(bodyOf('<h1>Blog</h1><p>Hello there</p>'), false)).toBeNull();
  });
});

describe('townIn', () => {
  it('takes the town of the first postcode line, never a year or a decoy section', () => {
    expect(townIn(bodyOf('<footer><p>© 2025 Acme</p><p>Marktplatz 1, 82205 Gilching</p></footer>'))).toBe('Gilching');
    expect(townIn(bodyOf('<footer><p>© 2025 Acme Studio</p></footer>'))).toBe('');
    expect(townIn(bodyOf('<footer><p>Hosting: Host AG, 8001 Zürich</p></footer>'))).toBe('');
  });
});

describe('isPlaceholderPhone', () => {
  it.each([
    ['+44 1234 567 890', true],
    ['+33 1 23 45 67 89', true],
    ['000 000 0000', true],
    ['+49 (0)30 28 47 10 22', false],
    ['(425) 123-4567', false],
    ['+39 347 5592451', false],
    // Real numbers that merely end in the run stay.
    ['+33 6 12 34 56 78', false],
    ['+49 30 12345678', false],
  ])('%s → %s', (phone, expected) => {
    expect(isPlaceholderPhone(phone)).toBe(expected);
  });
});
