// @vitest-environment node

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { companyPath, FIRST_PERSON_PATH, othersSigns, siteSelfPath } from '@/lib/extract/page/kind';
import { EMPTY_META } from '@/lib/extract/page/meta';
import { contentSection, datedItem, listsOthers as listsOthersOf } from '@/lib/extract/page-kind';

describe('companyPath', () => {
  it.each([
    'https://acme.example/',
    'https://hacknature.org/colofon/',
    'https://oknaburda.github.io/oknaburda/o-firmie/',
    'https://acme.example/over-ons',
  ])('takes %s for a page that may be about the site company', (url) => {
    expect(companyPath(new URL(url))).toBe(true);
  });

  it.each([
    'https://cncsolutions.example/producten/',
    'https://acme.example/shop/',
    'https://acme.example/en/products/x',
  ])('takes the catalogue page %s for no page about the company', (url) => {
    expect(companyPath(new URL(url))).toBe(false);
  });
});

describe('siteSelfPath', () => {
  it('knows a site own colofon, imprint and contact pages, not an article that mentions them', () => {
    expect(siteSelfPath(new URL('https://hacknature.org/colofon/'))).toBe(true);
    expect(siteSelfPath(new URL('https://acme.example/impressum.html'))).toBe(true);
    expect(siteSelfPath(new URL('https://acme.example/blog/how-to-write-an-impressum/'))).toBe(false);
  });
});

describe('FIRST_PERSON_PATH', () => {
  it.each(['/ueber-mich/', '/tentang-saya/', '/hakkimda', '/om-mig/', '/en/om-meg.html', '/qui-suis-je/'])(
    'takes %s for its owner\'s "about me" page',
    (path) => {
      expect(FIRST_PERSON_PATH.test(path)).toBe(true);
    },
  );

  it.each(['/blog/somme-migration/', '/tom-meggison/', '/about-us/'])('takes %s for no "about me" page', (path) => {
    expect(FIRST_PERSON_PATH.test(path)).toBe(false);
  });
});

/** The reader's signs as finalize reads them (lib/extract/page/kind.ts othersSigns, lib/extract/page-kind.ts). */
const listsOthers = (doc: Document, page: URL) => listsOthersOf(page.href, othersSigns(doc, EMPTY_META, []));

describe('listsOthers', () => {
  const page = new URL('https://meetup.example/programma/');
  const docOf = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document;

  it("takes a programme page's list under a 'Sprekers' heading for other organisations' people", () => {
    expect(listsOthers(docOf('<h1>Meetup</h1><h3>Agenda</h3><h3>Sprekers</h3>'), page)).toBe(true);
  });

  it.each(['Palestrantes', 'Oradores', 'Vortragende', 'Mówcy', 'Řečníci', '登壇者'])(
    "takes a programme's list under a '%s' heading for other organisations' people",
    (heading) => {
      expect(listsOthers(docOf(`<h1>Meetup</h1><h2>${heading}</h2>`), page)).toBe(true);
    },
  );

  it("takes a scientific or advisory committee's page for other organisations' people", () => {
    expect(listsOthers(docOf('<h1>Comité scientifique</h1>'), page)).toBe(true);
    expect(listsOthers(docOf('<h1>Advisory Board</h1>'), page)).toBe(true);
  });

  it("does not take 'Colaboradores' or a 'Laboratorio' for speakers", () => {
    expect(listsOthers(docOf('<h1>Laboratorio</h1><h2>Colaboradores</h2>'), page)).toBe(false);
  });

  it("does not take a project's own 'Contributors' section for other organisations' people", () => {
    expect(listsOthers(docOf('<h1>Team</h1><h2>Members</h2><h2>Contributors</h2>'), page)).toBe(false);
  });
});

describe('listsOthers reads the first 30 h2 and h3 in document order', () => {
  const page = new URL('https://meetup.example/programma/');
  const docOf = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document;
  const topics = (n: number) => Array.from({ length: n }, (_, i) => `<h2>Topic ${i}</h2>`).join('');

  it("finds a 'Speakers' h3 that is the 30th heading, after 29 h2", () => {
    const html = `<h1>Meetup</h1>${topics(29)}<h3>Speakers</h3>${topics(5)}`;
    expect(listsOthers(docOf(html), page)).toBe(true);
  });

  it("reads no further than the 30th heading (a 'Speakers' h3 after 30 h2)", () => {
    const html = `<h1>Meetup</h1>${topics(30)}<h3>Speakers</h3>`;
    expect(listsOthers(docOf(html), page)).toBe(false);
  });
});

describe('datedItem', () => {
  it('takes a page whose heading carries a year for an item the site publishes', () => {
    expect(datedItem('https://ostralindas.se/julbrev2018', 'Julbrev 2018')).toBe(true);
    expect(datedItem('https://ieeekhas.com/etkinlik-emo.html', 'EEMKON 2026')).toBe(true);
  });

  it("takes a dated permalink for a post, whatever its heading ('/2009/07/06/slug/')", () => {
    expect(datedItem('https://www.jane.roe.example/2009/07/06/de-ce-nu/', 'De ce nu?')).toBe(true);
    expect(datedItem('https://news.example/esporte/2018/12/tite-diz.shtml', undefined)).toBe(true);
    // A year alone in the path is an archive's or an event's, not a post's date.
    expect(datedItem('https://conf.example/2024/speakers/', 'Speakers')).toBe(false);
  });

  it("keeps the home page and the site's own pages, and headings without a year", () => {
    expect(datedItem('https://acme.example/', 'Acme 2024')).toBe(false);
    expect(datedItem('https://acme.example/about-us/', 'Since 1998')).toBe(false);
    expect(datedItem('https://acme.example/rolunk/', 'Rólunk')).toBe(false);
    expect(datedItem('https://acme.example/news/x', undefined)).toBe(false);
  });
});

describe('contentSection', () => {
  it.each([
    'https://vuejs.cz/meetups',
    'https://www.usecue.nl/blog/bye-bye-facebook/',
    'https://acme.example/nieuws/open-dag',
    'https://acme.example/events.html',
  ])('takes %s for a page of the site news, blog or events', (url) => {
    expect(contentSection(url)).toBe(true);
  });

  it.each(['https://acme.example/', 'https://acme.example/kontakt/', 'https://acme.example/newsletter-signup'])(
    'takes %s for none',
    (url) => {
      expect(contentSection(url)).toBe(false);
    },
  );
});
