import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';

/**
 * Classes of company pages that failed on real pages (issue 17), each pinned by a page written
 * here in the shape those sites share: the corpus HTML is not in the repository.
 */
const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe("a site's contact page is its company's", () => {
  it('even where the theme marks every page an Article in its JSON-LD (Publii)', () => {
    const article = JSON.stringify({
      '@context': 'http://schema.org',
      '@type': 'Article',
      headline: 'Kontakt',
      datePublished: '2022-03-25T22:28',
      author: { '@type': 'Person', name: 'Anna Berg' },
    });
    const html = `<html lang="sv"><head><title>Kontakt - Bergs stugor</title>
      <script type="application/ld+json">${article}</script></head><body>
      <header><a class="logo" href="https://bergsstugor.example.se/">Bergs stugor</a></header>
      <main><article><h1>Kontakt</h1><p>📞 +46 70 123 45 67<br>📩 <a href="mailto:kontakt@bergsstugor.se">kontakt@bergsstugor.se</a></p>
      </article></main><footer><p>Kreativa Uttryck AB</p></footer></body></html>`;

    const actual = extract(doc(html), 'https://bergsstugor.se/kontakt/');

    expect(actual.pageKind).toBe('company');
    expect(actual.company?.name).toBe('Bergs stugor');
    expect(actual.company?.emails).toEqual(['kontakt@bergsstugor.se']);
  });
});
