import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
// The platform's own chrome: its name in og:site_name and its social accounts in the footer.
const chrome = (site: string) =>
  `<footer><a href="https://www.instagram.com/${site.toLowerCase()}">ig</a><a href="https://x.com/${site.toLowerCase()}">x</a><a href="https://www.facebook.com/${site.toLowerCase()}">fb</a><p>© 2026 ${site}</p></footer>`;

describe('profiles on platforms without an adapter (issue 17, class 6)', () => {
  it("a studio's profile is the studio's company page, never the platform's", () => {
    const out = extract(
      doc(`<html><head><title>Northwind Studio | Dribbble</title><meta property="og:title" content="Northwind Studio">
        <meta property="og:site_name" content="Dribbble"><meta property="og:type" content="video.other"></head>
        <body><h1>Northwind Studio</h1><p>We design and build products. hello@northwind-studio.example</p>${chrome('Dribbble')}</body></html>`),
      'https://dribbble.com/northwindstudio',
    );
    expect(out.pageKind).toBe('company');
    expect([out.company?.name, out.company?.links, out.company?.emails]).toEqual([
      'Northwind Studio',
      [],
      ['hello@northwind-studio.example'],
    ]);
    expect(JSON.stringify(out)).not.toMatch(/dribbble"|"Dribbble/);
  });

  it("a designer's profile is the designer's, with the bio's role and employer, and no platform company", () => {
    const out = extract(
      doc(`<html><head><title>Anna Kowalska | Behance</title><meta property="og:site_name" content="Behance"></head>
        <body><h1>Anna Kowalska</h1><p>Product Designer at Netguru</p>${chrome('Behance')}</body></html>`),
      'https://www.behance.net/annakowalska',
    );
    expect(out.pageKind).toBe('person');
    expect(out.company).toBeNull();
    expect(out.people.map((p) => [p.fullName, p.title, p.companyName, p.links])).toEqual([
      ['Anna Kowalska', 'Product Designer', 'Netguru', []],
    ]);
  });

  it('a Mastodon account drops the handle from the display name', () => {
    const out = extract(
      doc(`<html><head><title>Jonas Weber (@jonas@social.example) - Mastodon</title><meta property="og:site_name" content="Mastodon"></head>
        <body><h1>Jonas Weber</h1></body></html>`),
      'https://social.example/@jonas',
    );
    expect([out.pageKind, out.people[0]?.fullName, out.company]).toEqual(['person', 'Jonas Weber', null]);
  });
});
