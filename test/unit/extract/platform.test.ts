import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';
import { EMPTY_META, type MetaReading, splitTitle } from '@/lib/extract/page/meta';
import { memberName, platformMailbox, platformOf } from '@/lib/extract/page/platform';

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

const meta = (m: Partial<MetaReading>): MetaReading => ({ ...EMPTY_META, ...m, titleParts: splitTitle(m.title ?? '') });

describe('platformOf on hosts the list does not know', () => {
  it("takes a page at the member's handle that the page marks as the member's", () => {
    const studio = meta({
      title: 'Lumen Works Studio | Pixelhub',
      ogTitle: 'Lumen Works Studio',
      siteName: 'Pixelhub',
      twitterSite: '@pixelhub',
      twitterCreator: '@LumenWorks_inc',
    });

    expect(platformOf(new URL('https://pixelhub.example/lumenworksstudio'), studio)).toBe('Pixelhub');
    expect(memberName(studio, 'Pixelhub')).toBe('Lumen Works Studio');
  });

  it.each([
    // A page label at one segment ("/equipo/") with a twitter:creator who built the site.
    [
      'https://2019.conf.example/equipo/',
      { title: 'Equipo | Conf', siteName: 'Conf', twitterSite: '@conf', twitterCreator: '@webdev' },
    ],
    // The site's own about page.
    ['https://acme.example/about', { title: 'About | Acme', siteName: 'Acme', twitterSite: '@acme' }],
    // Nothing marks the page as a member's.
    ['https://shop.example/widgetpro', { title: 'Widget Pro | Shop', siteName: 'Shop' }],
    // Deeper paths are not a member's home.
    ['https://pixelhub.example/shots/lumenworks', { title: 'Lumenworks | Pixelhub', ogType: 'profile' }],
  ])('%s is no member page', (url, m) => {
    expect(platformOf(new URL(url), meta(m))).toBe('');
  });

  it("tells the platform's mailboxes from the member's", () => {
    const page = new URL('https://pixelhub.example/lumenworksstudio');

    expect(platformMailbox('support@pixelhub.example', page)).toBe(true);
    expect(platformMailbox('hello@lumen-works.example', page)).toBe(false);
  });
});
