// @vitest-environment node

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readHCards, relMeLinks } from '@/lib/extract/page/hcard';

const docOf = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document;

describe('readHCards finds the roots of both microformats versions', () => {
  it.each([
    ['h-card (v2) only', '<div class="h-card"><span class="p-name">Jane Doe</span></div>', ['Jane Doe']],
    ['vcard (v1) only', '<div class="vcard"><span class="fn">John Roe</span></div>', ['John Roe']],
    [
      'both, in document order',
      '<div class="vcard"><span class="fn">John Roe</span></div><div class="h-card"><span class="p-name">Jane Doe</span></div>',
      ['John Roe', 'Jane Doe'],
    ],
  ])('%s', (_, html, expected) => {
    const actual = readHCards(docOf(html), 'https://example.org/').people.map((p) => p.fullName);
    expect(actual).toEqual(expected);
  });
});

describe('readHCards skips the cards of commenters', () => {
  it("reads no WordPress comment's author vcard as one of the page's people", () => {
    const html =
      '<span class="author vcard"><a class="url fn n" href="/author/jane">Jane Roe</a></span><ol class="comment-list"><li class="comment"><article class="comment-body"><div class="comment-author vcard"><b class="fn">Indispus</b></div></article></li></ol>';
    expect(readHCards(docOf(html), 'https://example.org/').people.map((p) => p.fullName)).toEqual(['Jane Roe']);
  });
});

describe('relMeLinks', () => {
  it('takes rel=me links and link elements with an href, and nothing else marked rel=me', () => {
    const html =
      '<link rel="me" href="https://social.example/@jane"><a rel="me nofollow" href="/about">me</a><span rel="me" href="https://x.example/no"></span><a rel="me">no href</a>';
    expect(relMeLinks(docOf(html), 'https://jane.example/')).toEqual([
      'https://social.example/@jane',
      'https://jane.example/about',
    ]);
  });
});
