// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { platformAccount, platformOwn } from '@/lib/extract/page/company';
import { EMPTY_META, type MetaReading, splitTitle } from '@/lib/extract/page/meta';

const meta = (m: Partial<MetaReading>): MetaReading => ({ ...EMPTY_META, ...m, titleParts: splitTitle(m.title ?? '') });

describe('platformAccount', () => {
  it('names the account a platform page is about, never the platform', () => {
    const studio = meta({
      title: 'Lumen Works Studio | Pixelhub',
      ogTitle: 'Lumen Works Studio',
      siteName: 'Pixelhub',
      twitterSite: '@pixelhub',
      twitterCreator: '@LumenWorks_inc',
    });

    expect(platformAccount(new URL('https://pixelhub.example/lumenworksstudio'), studio)).toBe('Lumen Works Studio');
    expect(
      platformAccount(
        new URL('https://writehere.example/@janedoe'),
        meta({ title: 'Jane Doe – WriteHere', ogTitle: 'Jane Doe', siteName: 'WriteHere' }),
      ),
    ).toBe('Jane Doe');
  });

  it.each([
    // A page label at one segment ("/equipo/") with a twitter:creator who built the site.
    [
      'https://2019.conf.example/equipo/',
      { title: 'Equipo | Conf', siteName: 'Conf', twitterSite: '@conf', twitterCreator: '@webdev' },
    ],
    // The site's own about page.
    ['https://acme.example/about', { title: 'About | Acme', siteName: 'Acme', twitterSite: '@acme' }],
    // Nothing marks the account as the page's own.
    ['https://shop.example/widgetpro', { title: 'Widget Pro | Shop', siteName: 'Shop' }],
    // Deeper paths are not an account's home.
    ['https://pixelhub.example/shots/lumenworks', { title: 'Lumenworks | Pixelhub', ogType: 'profile' }],
  ])('%s is no account page', (url, m) => {
    expect(platformAccount(new URL(url), meta(m))).toBe('');
  });
});

describe('platformOwn', () => {
  it("tells the platform's own accounts and mailboxes from the account's", () => {
    const page = new URL('https://pixelhub.example/lumenworksstudio');

    expect(platformOwn('https://www.instagram.com/pixelhub', page)).toBe(true);
    expect(platformOwn('support@pixelhub.example', page)).toBe(true);
    expect(platformOwn('https://www.instagram.com/lumenworks', page)).toBe(false);
    expect(platformOwn('hello@lumen-works.example', page)).toBe(false);
  });
});
