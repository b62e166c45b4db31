import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract, finalize } from '@/lib/extract';

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

describe("an unnamed company named by its own mailbox's domain", () => {
  // The reading of a github.io contact page whose reader found contacts but no name it trusted (the
  // company then waits for a legal notice's name: ifNotice.none is the page without one).
  const reading = (email: string) => {
    const hints = { countries: [], lang: 'ko', heading: 'ZentrixResearch', title: '파트너 - Zentrix Research' };
    const url = 'https://someuser.github.io/Zentrix_Research/ko/contact.html';
    return {
      url,
      pageKind: 'company',
      people: [],
      company: {
        name: '',
        emails: [email],
        phones: [],
        links: [],
        sources: { name: 'page', website: 'url', emails: 'contact' },
        website: 'https://someuser.github.io',
      },
      hints,
      ifNotice: { none: { url, pageKind: 'other', people: [], company: null, hints } },
      companyPage: {
        unnamed: true,
        legalForm: { name: '', lines: [] },
        townLines: [],
        blockLines: [],
        closings: [],
        decoyed: { emails: [], phones: [], textPhones: [] },
      },
      notice: { lines: ['© 2025 Zentrix Research'], title: '파트너 - Zentrix Research' },
    };
  };

  it('takes the title part that spells the mailbox domain on a shared host, and that domain for its own', () => {
    expect(finalize(reading('info@zentrix.org'))).toMatchObject({
      pageKind: 'company',
      company: { name: 'Zentrix Research', domain: 'zentrix.org' },
    });
  });

  it('takes nothing when the mailbox is at a free-mail provider', () => {
    expect(finalize(reading('zentrix@gmail.com'))).toMatchObject({ pageKind: 'other', company: null });
  });
});
