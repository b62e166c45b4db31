// @vitest-environment node
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { finalize } from '@/lib/extract/finalize';
import { readPageWith } from '@/lib/extract/page/reader';

// The reader collects a legal notice's lines and finalize parses them (lib/extract/legal.ts,
// lib/extract/company-notice.ts), so that the parser stays out of the script injected into pages.
const docOf = (html: string, title = 'Impressum') =>
  parseHTML(`<html><head><title>${title}</title></head><body>${html}</body></html>`).document as unknown as Document;

const NOTICE = `<h1>Impressum</h1><p>Angaben gemäß § 5 TMG<br>Muster Werkzeug GmbH<br>Hauptstraße 4<br>
  68163 Mannheim</p><p>Vertreten durch:<br>Geschäftsführerin Dr. Anna Beispielfrau</p>
  <h2>Aufsichtsbehörde</h2><p>IHK Potsdam<br>Tel. +49 331 278 60<br>kammer@ihk-potsdam.example</p>`;

describe('a legal notice read in the page, parsed in finalize', () => {
  it("leaves the notice's people and entity to finalize, which reads them from the lines", () => {
    const reading = readPageWith(docOf(NOTICE), 'https://muster-werkzeug.example/impressum', []);
    expect(reading.people).toEqual([]);
    expect(reading.notice?.lines).toContain('Angaben gemäß § 5 TMG');
    const actual = finalize(JSON.parse(JSON.stringify(reading)));
    expect(actual.pageKind).toBe('company');
    expect(actual.company).toMatchObject({ name: 'Muster Werkzeug GmbH', location: 'Mannheim' });
    expect(actual.people.map((p) => [p.fullName, p.title, p.companyName])).toEqual([
      ['Anna Beispielfrau', 'Geschäftsführerin', 'Muster Werkzeug GmbH'],
    ]);
    // The chamber's contacts, below the owner's block, are not the company's.
    expect(actual.company?.emails).not.toContain('kammer@ihk-potsdam.example');
    expect(actual.company?.phones.join(' ')).not.toContain('27860');
  });

  it("gives the company the number its notice's own block states in running text", () => {
    const html = `<main><h1>Impressum</h1><p>Muster e.V. Kirchweg 1 D-34260 Kaufungen Tel.: 05605-8007-60</p>
      <h3>Vertretungsberechtigte Vorstände</h3><p>Sabine Beispiel</p></main>`;
    const reading = readPageWith(docOf(html, 'Impressum - Muster'), 'https://muster-ev.de/impressum', []);

    const actual = finalize(JSON.parse(JSON.stringify(reading)));

    expect(actual.company?.phones).toEqual(['+495605800760']);
  });

  it("gives the company no contact of a maintainer's or host's section whose heading the reader's list lacks", () => {
    const html = `<h1>Mentions légales</h1><p>Atelier Roux SARL<br>12 rue Neuve<br>75001 Paris<br>
      Téléphone : 01 44 76 90 40<br>Email : contact@atelier-roux.fr</p>
      <h3>Maintenance</h3><p>Agence Web Dupuis<br>Téléphone : 07 69 81 20 78<br>Email : contact@dupuis-web.fr<br>
      Support : support@atelier-roux.fr</p>
      <h3>Identification de l'Hébergeur du site</h3><p>Hébergeur SAS<br>Email : privacy@hebergeur.example</p>`;
    const reading = readPageWith(docOf(html, 'Mentions légales'), 'https://www.atelier-roux.fr/mentions-legales', []);

    const actual = finalize(JSON.parse(JSON.stringify(reading)));

    expect(actual.company?.name).toBe('Atelier Roux SARL');
    expect(actual.company?.phones).toEqual(['+33144769040']);
    // A mailbox of the site's own domain stays the company's, in whichever section it stands.
    expect(actual.company?.emails).toEqual(['contact@atelier-roux.fr', 'support@atelier-roux.fr']);
  });

  it("takes the reading for a notice that names no one when the notice's lines name nothing", () => {
    const doc = docOf('<h1>Impressum</h1><p>Diese Seite wird gerade überarbeitet.</p><p>Bis bald!</p>');
    const reading = readPageWith(doc, 'https://example.de/impressum', []);
    // The reader assumed someone is named (a company page) and gave the other answer's reading along.
    expect(reading.pageKind).toBe('company');
    expect(reading.ifNotice?.none?.pageKind).toBe('other');
    expect(finalize(reading).pageKind).toBe('other');
  });

  it('ignores a notice whose lines break the reading shape', () => {
    const reading = readPageWith(docOf(NOTICE), 'https://muster-werkzeug.example/impressum', []);
    const hostile = { ...reading, notice: { lines: ['x'.repeat(5000)], title: 1 } };
    const actual = finalize(hostile);
    expect(actual.people).toEqual([]);
    expect(actual.company?.name).not.toBe('Muster Werkzeug GmbH');
  });
});
