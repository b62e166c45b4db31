// @vitest-environment node
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockPeople, type LegalReading, parseNotice } from '@/lib/extract/legal';
import { isPlaceholderPhone } from '@/lib/extract/page/contacts';
import { blockLines, noticeLines, pageTownLines, townBlock } from '@/lib/extract/page/legal';
import { townIn } from '@/lib/extract/town';

const bodyOf = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as Element;

/** A page's notice as the reader collects it (page/legal.ts), parsed as finalize parses it. */
function readLegalNotice(root: Element, isLegalPage: boolean): LegalReading | null {
  const block = noticeLines(root, isLegalPage);
  return block ? parseNotice(block, root.ownerDocument?.title ?? '') : null;
}

describe('readLegalNotice', () => {
  it('reads the labelled legal name of a notice written as one run-on paragraph, with its legal form', () => {
    const body = bodyOf(`<h1>Aviso legal</h1><p>Informamos a los usuarios de nuestros datos: Denominación Social: CODE
      WORKS, S.L.U.\u200b Domicilio Social: C/ Valencia, 2, 08860 Castelldefels, Barcelona CIF: B66000000</p>`);
    expect(readLegalNotice(body, true)?.companyName).toBe('CODE WORKS, S.L.U.');
  });

  it.each([
    ['Anbieter:', 'Freiwillige Feuerwehr Musterdorf', 'Hauptstraße 17', '86637 Musterdorf'],
    ['Anbieter & Diensteanbieter', 'Kanzlei Beispiel & Partner', 'Weißkirchener Straße 56', '61440 Oberursel'],
    ['Herausgeber', 'Tafel Musterstadt', 'Am Markt 3', '12345 Musterstadt'],
  ])('reads the entity a provider label (%s) heads, above its address', (label, entity, street, town) => {
    const body = bodyOf(`<h1>Impressum</h1><p>${label}<br>${entity}<br>${street}<br>${town}</p>`);
    expect(readLegalNotice(body, true)?.companyName).toBe(entity);
  });

  it("leaves a sole trader's own name under a provider label to the representatives", () => {
    const body = bodyOf(`<h1>Impressum</h1><p>Anbieter:<br>Thomas Müller<br>Hauptstraße 17<br>86637 Musterdorf</p>`);
    expect(readLegalNotice(body, true)?.companyName ?? '').toBe('');
  });

  it('reads every member a board label lists, one name a line, up to the next heading', () => {
    const body = bodyOf(`<h1>Impressum</h1><p>Muster e.V.<br>Kirchweg 1<br>34260 Kaufungen</p>
      <h3>Vertretungsberechtigte Vorstände</h3><p>Sabine Beispiel<br>Thomas Muster<br>Julia Berger</p>
      <h3>Rechtliche Hinweise</h3><p>Hiermit erklären wir …</p>`);
    expect(readLegalNotice(body, true)?.people.map((p) => p.fullName)).toEqual([
      'Sabine Beispiel',
      'Thomas Muster',
      'Julia Berger',
    ]);
  });

  it('reads the name after a label wrapped over two lines, without the degree after it', () => {
    const body = bodyOf(`<h1>Impressum</h1><h3>Verantwortlich für den Inhalt dieser Internetseiten unter der Domain</h3>
      <h3>www.beispiel-architekt.de ist:</h3><h3>Dipl.-Ing. Hans Peter Beispiel FH</h3><p>Gewerbegebiet Süd 29<br>26892 Dörpen</p>`);
    expect(readLegalNotice(body, true)?.people.map((p) => p.fullName)).toEqual(['Hans Peter Beispiel']);
  });

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

  it("takes the name above the address for the owner when the line before it is the title's trading name", () => {
    const html = `<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Always Automaten<br>Idris Akkurt<br>
      Feldstraße 22<br>27404 Zeven</p>`;
    const { document } = parseHTML(
      `<html><head><title>Impressum | Always Automaten Zeven</title></head><body>${html}</body></html>`,
    );
    const actual = readLegalNotice(document.body as unknown as Element, true);
    expect(actual?.people.map((p) => p.fullName)).toEqual(['Idris Akkurt']);
    expect(actual?.companyName).toBe('Always Automaten');
    // Without the title naming the business, the first name-shaped line stays the owner.
    const bare = readLegalNotice(bodyOf(html), true);
    expect(bare?.people.map((p) => p.fullName)[0]).toBe('Always Automaten');
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

  it.each([
    [
      'ja 会社概要 table',
      '<h2>会社概要</h2><dl><dt>社名</dt><dd>ORIGAMI GRP</dd><dt>所在地</dt><dd>〒121-0072<br>東京都足立区青井4-30-12</dd><dt>代表者</dt><dd>山田 太郎</dd></dl>',
      'ORIGAMI GRP',
      '',
      [['山田 太郎', '代表者']],
    ],
    [
      'nl colofon',
      '<h1>Colofon</h1><p>Onderneming</p><p>Bakkerij Jansen BV, Antwerpen</p><p>© Bakkerij Jansen • Alle rechten voorbehouden • v.u.: dhr. Piet Jansen, voorzitter</p>',
      'Bakkerij Jansen BV',
      'Antwerpen',
      [['Piet Jansen', 'voorzitter']],
    ],
    [
      'Austrian operator block',
      '<h1>Impressum</h1><h3>Betreiber der Website</h3><p>Maria Huber<br>Imkerei Huber<br>Dorfstrasse 1<br>4081 Hartkirchen OÖ</p>',
      'Imkerei Huber',
      'Hartkirchen',
      [['Maria Huber', undefined]],
    ],
    [
      'French "Nom :" row',
      '<h1>Mentions légales</h1><h2>Éditeur du site</h2><p>Nom</p><p>: Claire Martin</p><p>Qualité</p><p>: Avocate</p>',
      '',
      '',
      [['Claire Martin', undefined]],
    ],
  ])('reads the labelled rows of a %s', (_case, html, company, town, people) => {
    const actual = readLegalNotice(bodyOf(html), false);
    expect(actual?.companyName).toBe(company);
    expect(actual?.location).toBe(town);
    expect(actual?.people.map((p) => [p.fullName, p.title])).toEqual(people);
  });

  it('takes no company from a company label whose value is a form field or an address', () => {
    const body = bodyOf('<h1>Impressum</h1><p>Firmenname:</p><p>Musterweg 12, 12345 Berlin</p>');
    expect(readLegalNotice(body, true)?.companyName ?? '').toBe('');
  });

  it('never takes a template name or a chamber for a person', () => {
    const body = bodyOf(`<h1>Mentions légales</h1><p>Directeur de la publication : Maître Jean Dupont</p>
      <p>Zuständige Rechtsanwaltskammer</p>`);
    expect(readLegalNotice(body, true)?.people ?? []).toEqual([]);
  });

  it('reads numbered sections, a qualification line, "Brand – Owner" and a role after the name', () => {
    const it1 = readLegalNotice(
      bodyOf(`<h1>Note legali</h1><h2>1) Titolare del sito</h2><p><strong>Lucia Verdi</strong></p>
        <p>Qualifica: Psicologa</p><p>Sede: Via Roma 3, 16121 Genova (GE)</p>`),
      true,
    );
    expect(it1?.people.map((p) => [p.fullName, p.title])).toEqual([['Lucia Verdi', 'Psicologa']]);
    const de = readLegalNotice(
      bodyOf(`<h2>Impressum</h2><p><strong>Angaben gemäß § 5 TMG:</strong></p><p>Klangwerk 7 – Jonas Maier<br>
        c/o Impressum-Service #12<br>Hauptstraße 9<br>50667 Köln</p>`),
      true,
    );
    expect([de?.companyName, de?.location, de?.people.map((p) => p.fullName)]).toEqual([
      'Klangwerk 7',
      '',
      ['Jonas Maier'],
    ]);
    const fr = readLegalNotice(
      bodyOf(`<h1>Mentions légales</h1><h2>Éditeur du site</h2><p>Atelier Lune, SAS au capital de 1 000 euros.</p>
        <p>Siège social : 2 rue Haute, 77410 Annet-sur-Marne.</p><h2>Directeur de la publication</h2><p>Marie Lune, cofondatrice.</p>`),
      true,
    );
    expect([fr?.companyName, fr?.location]).toEqual(['Atelier Lune', 'Annet-sur-Marne']);
    expect(fr?.people.map((p) => [p.fullName, p.title])).toEqual([['Marie Lune', 'cofondatrice']]);
  });

  it('reads the entity and its representative from French sentences', () => {
    const actual = readLegalNotice(
      bodyOf(`<h1>Mentions légales</h1><p>Le site <a href="/">exemple.fr</a> est édité par Brevia, Société par Actions
        Simplifiée au capital de 20 000 euros.<br>Le représentant légal de la société Brevia est Paul Martin en sa qualité
        de CEO.<br>Le directeur de la publication du site est Paul Martin.</p>`),
      true,
    );
    expect(actual?.companyName).toBe('Brevia');
    expect(actual?.people.map((p) => [p.fullName, p.title])).toEqual([['Paul Martin', 'CEO']]);
  });

  it('takes no company from a possessive "sa" after a comma', () => {
    const actual = readLegalNotice(
      bodyOf('<h1>Mentions légales</h1><p>Claire Dubois, sa famille et ses amis.</p>'),
      true,
    );
    expect(actual?.companyName ?? '').toBe('');
  });

  it('starts at the statutory line, not at a menu item named Impressum', () => {
    const menu = Array.from({ length: 40 }, (_, i) => `<li>Seite ${i}</li>`).join('');
    const body = bodyOf(`<nav><ul><li>Impressum</li>${menu}</ul></nav><h1>Impressum</h1><h2>Angaben gemäß § 5 TMG</h2>
      <p>Agentur MARKE ICH</p><p>Anika Schön</p><p>Heidjerweg 1<br>29614 Soltau</p>
      <h3>Angaben zur Berufshaftpflichtversicherung</h3><p>Gothaer Allgemeine Versicherung AG<br>50969 Köln</p>`);
    const actual = readLegalNotice(body, true);
    // A trading name, then its owner, then the street: the first line is the firm's name.
    expect([actual?.companyName, actual?.location]).toEqual(['Agentur MARKE ICH', 'Soltau']);
    expect(actual?.people.map((p) => p.fullName)).toEqual(['Anika Schön']);
    expect(actual?.decoyText).toContain('Gothaer');
  });

  it('keeps every section after the first decoy out of the owner block', () => {
    const body = bodyOf(`<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Rechtsanwalt Jörn Beispiel<br>Wundtstraße 40
      <br>14057 Berlin<br>Telefon: +49 30 1234 5678</p><h2>Zuständige Kammer</h2><p>Rechtsanwaltskammer Berlin</p>
      ${'<p>Berufsrechtliche Regeln …</p>'.repeat(45)}<h2>Schlichtungsstelle</h2><p>Telefon: +49 30 9999 0000</p>`);
    const actual = readLegalNotice(body, true);
    expect(actual?.decoyText).toContain('+49 30 9999 0000');
    expect(actual?.ownText).toContain('+49 30 1234 5678');
  });

  it('never reads a firm or an institution as a person', () => {
    const body = bodyOf('<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Fotostudio Lichtblick</p><p>Hauptstr. 1</p>');
    expect(readLegalNotice(body, true)?.people ?? []).toEqual([]);
  });

  it("keeps a bar association's and a web agency's numbers out of the owner block", () => {
    const body = bodyOf(`<h1>Note legali</h1><p>Studio Legale Rossi<br>Via Roma 3<br>55100 Lucca<br>
      Tel. +39 0583 123456</p><h3>Ordine degli Avvocati di Lucca</h3><p>Tel. +39 0583 999999</p>
      <h3>Credits</h3><p>Web agency: Pixel srl, info@pixel.example.it</p>`);
    const actual = readLegalNotice(body, true);
    expect(actual?.decoyText).toContain('+39 0583 999999');
    expect(actual?.decoyText).toContain('info@pixel.example.it');
    expect(actual?.ownText).toContain('+39 0583 123456');
    expect(actual?.companyName ?? '').toBe('');
  });

  it('takes an unlabelled legal-form line on a contact page without a notice only when the title shares its name', () => {
    const html = '<h1>Kontakt</h1><p>kontakt@malmlunds.example</p><footer><p>Kreativa Uttryck AB</p></footer>';
    const page = (title: string) =>
      parseHTML(`<html><head><title>${title}</title></head><body>${html}</body></html>`).document
        .body as unknown as Element;
    expect(readLegalNotice(page('Kontakt - Malmlunds stugor'), true)?.companyName ?? '').toBe('');
    expect(readLegalNotice(page('Kontakt - Kreativa Uttryck'), true)?.companyName).toBe('Kreativa Uttryck AB');
  });

  it('finds nothing on a page without a notice', () => {
    expect(readLegalNotice(bodyOf('<h1>Blog</h1><p>Hello there</p>'), false)).toBeNull();
  });
});

describe('blockPeople', () => {
  it('reads a role label and a name on one line of an address block, a bilingual label by its translation', () => {
    const block = bodyOf(`<address><strong>Location:</strong><br>Thürmchenswall 69<br>Köln, Germany, 50668<br>
      Registration Number: HRB 78674<br>Geschäftsführer | CEO: Ingo Beispiel<br>Phone: +49 221 0000</address>`);
    expect(blockPeople(blockLines([block])).map((p) => [p.fullName, p.title])).toEqual([['Ingo Beispiel', 'CEO']]);
  });

  it('takes no one from a block without a role label', () => {
    const block = bodyOf('<address>Anna Weber<br>Hauptstr. 1<br>10115 Berlin</address>');
    expect(blockPeople(blockLines([block]))).toEqual([]);
  });
});

describe('townIn', () => {
  // The reader hands over an address block's lines (townBlock), finalize reads the town (townIn).
  const blockTown = (html: string) => townIn(townBlock(bodyOf(html)));

  it('takes the town of the first postcode line, never a year or a decoy section', () => {
    expect(blockTown('<footer><p>© 2025 Acme</p><p>Marktplatz 1, 82205 Gilching</p></footer>')).toBe('Gilching');
    expect(blockTown('<footer><p>© 2025 Acme Studio</p></footer>')).toBe('');
    expect(blockTown('<footer><p>Hosting: Host AG, 8001 Zürich</p></footer>')).toBe('');
  });

  it("reads a page's street-and-postcode address in the lines the reader keeps (a digit in them or the two before, up to a section naming others)", () => {
    const lines = ['Welcome', 'Acme GmbH', 'Marktplatz 1', 'Tel. 0123', '82205 Gilching', 'Impressum', 'Hosting'];
    const kept = pageTownLines(lines);
    expect(kept.lines).toEqual(['', '', 'Marktplatz 1', 'Tel. 0123', '82205 Gilching', 'Impressum']);
    expect(townIn(kept)).toBe('Gilching');
    expect(townIn(pageTownLines(['Hosting: Host AG', 'Marktplatz 1', '82205 Gilching']))).toBe('');
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
