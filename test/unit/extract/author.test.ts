import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const URL_ = 'https://news.example/2025/04/10/ports-automation';

/** An article page with one JSON-LD Article whose author is `author`. */
const article = (author: Record<string, unknown>, body = '<p>By the author.</p>') => {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Ports automate faster than expected',
    datePublished: '2025-04-10',
    publisher: { '@type': 'NewsMediaOrganization', name: 'Harbour Daily' },
    author: { '@type': 'Person', ...author },
  });
  return doc(
    `<html><head><title>Ports automate faster | Harbour Daily</title><meta property="og:site_name" content="Harbour Daily"><script type="application/ld+json">${ld}</script></head><body><article><h1>Ports automate faster than expected</h1>${body}</article></body></html>`,
  );
};

describe('article authors: described ones are prospects, bylines are not', () => {
  it('reads a JSON-LD author with a role and an outside employer as the page person', () => {
    const out = extract(
      article({
        name: 'Ingrid Solberg',
        jobTitle: 'Head of Terminal Operations',
        worksFor: { '@type': 'Organization', name: 'Nordkai Logistics' },
        sameAs: ['https://www.linkedin.com/in/ingrid-solberg'],
      }),
      URL_,
    );

    expect(out.pageKind).toBe('person');
    expect(out.people.map((p) => [p.fullName, p.title, p.companyName, p.links])).toEqual([
      [
        'Ingrid Solberg',
        'Head of Terminal Operations',
        'Nordkai Logistics',
        ['https://www.linkedin.com/in/ingrid-solberg'],
      ],
    ]);
    expect(out.company).toBeNull();
  });

  it("keeps a staff writer of the publisher (worksFor the site's own outlet) as no prospect", () => {
    const out = extract(
      article({
        name: 'Tom Becker',
        jobTitle: 'Reporter',
        worksFor: { '@type': 'Organization', name: 'Harbour Daily' },
      }),
      URL_,
    );

    expect([out.pageKind, out.people.length]).toEqual(['other', 0]);
  });

  it('keeps a bare byline (a name and a profile link, no role or employer) as no prospect', () => {
    const out = extract(
      article(
        { name: 'Tom Becker' },
        '<p class="byline">By <a rel="author" href="https://x.com/tombecker">Tom Becker</a></p><p>Cranes now move at night.</p>',
      ),
      URL_,
    );

    expect([out.pageKind, out.people.length]).toEqual(['other', 0]);
  });
});
