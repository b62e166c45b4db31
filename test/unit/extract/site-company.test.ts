// @vitest-environment node
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { copyrightHolder, readSiteCompany } from '@/lib/extract/page/company';
import { readMeta } from '@/lib/extract/page/meta';

const siteOf = (html: string, url: string) => {
  const doc = parseHTML(`<html>${html}</html>`).document as unknown as Document;
  return readSiteCompany(doc, new URL(url), readMeta(doc, url))?.name ?? '';
};

describe('copyrightHolder', () => {
  it.each([
    '© 2020 Wszelkie prawa zastrzeżone',
    '© 2023 Tutti i diritti riservati',
    '© 2024 Alle rechten voorbehouden',
    '© 2022 Wykonane przez Studio Web',
    '© 2021 Website gemaakt door Pixel Bureau',
  ])('reads no holder in %j (a reservation or a builder credit)', (line) => {
    expect(copyrightHolder(line)).toBe('');
  });

  it('keeps the full stop that ends an abbreviated legal form', () => {
    expect(copyrightHolder('Copyright (c) 2022, Schützengilde Flämingrand e.V.')).toBe(
      'Schützengilde Flämingrand e.V.',
    );
    expect(copyrightHolder('© 2023 Acme B.V. Alle rechten voorbehouden')).toBe('Acme B.V.');
    expect(copyrightHolder('© 2024 Muster GmbH. Alle Rechte vorbehalten')).toBe('Muster GmbH');
  });

  it("does not stop at the full stop of a degree or form of address before the holder's name", () => {
    expect(copyrightHolder('© 2024 Dr. Jane Roe. All rights reserved')).toBe('Dr. Jane Roe');
    expect(copyrightHolder('© MUDr. Filip Novák 2023')).toBe('MUDr. Filip Novák');
    expect(copyrightHolder('© 2021 Ing. Petr Dvořák | Kontakt')).toBe('Ing. Petr Dvořák');
    // A single letter is an initial, as before.
    expect(copyrightHolder('© 2020 J. Smith')).toBe('J. Smith');
  });

  it('stops the holder at a reservation in Polish or Portuguese', () => {
    expect(copyrightHolder('© 2020 Okna Burda Wszelkie prawa zastrzeżone')).toBe('Okna Burda');
    expect(copyrightHolder('© 2019 Casa Lima todos os direitos reservados')).toBe('Casa Lima');
  });
});

describe('readSiteCompany without a usable site name', () => {
  it('reads the copyright line a theme puts after the <footer> (Hugo universal: <div id=copyright>)', () => {
    const html = `<head><title>Vorstand</title></head><body><h1>Vorstand</h1>
      <footer><h4>Kontakt</h4><p>Zahnaer Gartenstr. 5<br>06895 Zahna-Elster</p></footer>
      <div id="copyright"><p>Copyright (c) 2022, Schützengilde Flämingrand e.V.</p><p>Design durch Bootstrapious.</p></div></body>`;
    expect(siteOf(html, 'https://sgi-flaemingrand.de/vorstand/')).toBe('Schützengilde Flämingrand e.V.');
  });

  it("takes the words of the text that spell the domain when the theme's placeholder names the site", () => {
    const html = `<head><title>My CMS</title><meta property="og:site_name" content="My CMS"></head>
      <body><h1>Welkom</h1><p>Het Tender College helpt bij aanbestedingen.</p></body>`;
    expect(siteOf(html, 'https://tendercollege.nl/')).toBe('Tender College');
  });

  it("takes the title's other part beside the page's heading when the text repeats it", () => {
    const html = `<head><title>O firmie | Centrum Stolarki Okiennej</title></head>
      <body><h1>O firmie</h1><p>Centrum Stolarki Okiennej działa od 1995 roku.</p></body>`;
    expect(siteOf(html, 'https://oknaburda.example/o-firmie/')).toBe('Centrum Stolarki Okiennej');
    // Text that never repeats the part leaves the site unnamed.
    const bare = `<head><title>O firmie | Centrum Stolarki Okiennej</title></head><body><h1>O firmie</h1><p>Witamy.</p></body>`;
    expect(siteOf(bare, 'https://oknaburda.example/o-firmie/')).toBe('');
  });
});
