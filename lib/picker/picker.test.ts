import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { defaultOptions } from '@/lib/capture/draft';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { assignSlot, draftFromPick } from './draft';
import { guessMapping, personOf, slotsOf } from './fields';
import { readRecord, readRecords, recordLines } from './lines';
import { findRecords, selectorChain, stableClasses } from './match';
import { applyRecipe, pathMatches, pathPatternOf, recipeFor, recipeFromPick } from './recipe';
import { RecipeSchema } from './schema';

const SITE = 'test/fixtures/pages/picker/site';
const URL1 = 'http://members.northwind.test/picker/site/team.html';
const URL2 = 'http://members.northwind.test/picker/site/team-2.html';
const page = (file: string) => parseHTML(readFileSync(`${SITE}/${file}`, 'utf8')).document as unknown as Document;
const html = (body: string) =>
  parseHTML(`<!DOCTYPE html><html><body>${body}</body></html>`).document as unknown as Document;

describe('findRecords', () => {
  it('takes every card of the chosen one’s structure, variants and missing children included', () => {
    const doc = page('team.html');
    const chosen = doc.querySelectorAll('article')[1] as Element;
    const actual = findRecords(chosen);
    expect(actual.selector).toBe('article.tile');
    expect(actual.records).toHaveLength(8);
    expect(actual).toMatchObject({ total: 8, capped: false });
  });

  it('climbs to a classed ancestor when the card is a bare tag, and never uses positions', () => {
    const doc = html(
      '<ul class="team"><li><b>Jane Doe</b><i>CEO</i></li><li><b>John Roe</b><i>CTO</i></li><li><b>Ann Poe</b></li></ul><ul class="menu"><li><a href="/">Home</a></li><li><a href="/x">X</a></li></ul>',
    );
    const actual = findRecords(doc.querySelector('ul.team li') as Element);
    expect(actual.selector).toBe('ul.team > li');
    expect(actual.records).toHaveLength(3);
    expect(actual.selector).not.toMatch(/nth|:/);
  });

  it('leaves out look-alikes of another shape under the same class', () => {
    const card = (n: string) =>
      `<div class="card"><img src="a.png"><h3>${n}</h3><p class="role">CEO</p><a href="/in">in</a></div>`;
    const doc = html(
      `<section class="people">${card('Jane Doe')}${card('John Roe')}</section><aside><div class="card"><form></form><table></table><video></video></div></aside>`,
    );
    const actual = findRecords(doc.querySelector('.card') as Element);
    expect(actual.records.map((r) => r.querySelector('h3')?.textContent)).toEqual(['Jane Doe', 'John Roe']);
  });

  it('caps the records and says how many there were', () => {
    const cards = Array.from({ length: 1200 }, (_, i) => `<li class="m"><span>Person ${i}</span></li>`).join('');
    const doc = html(`<ul class="all">${cards}</ul>`);
    const actual = findRecords(doc.querySelector('li') as Element, 500);
    expect(actual.records).toHaveLength(500);
    expect(actual).toMatchObject({ total: 1200, capped: true });
  });

  it('drops generated and state classes from selectors', () => {
    const doc = html('<div class="card css-1x9f2ab is-active Card_card__x8Yz2 card-big hover">x</div>');
    expect(stableClasses(doc.querySelector('div') as Element)).toEqual(['card', 'card-big']);
    expect(selectorChain(doc.querySelector('div') as Element)[0]).toBe('div.card.card-big');
  });

  it('keeps a per-card class out of the selector (class "card-jane" beside "card-joe")', () => {
    const doc = html('<div id="list"><p class="card-jane">Jane Doe</p><p class="card-joe">Joe Doe</p></div>');
    expect(findRecords(doc.querySelector('p') as Element)).toMatchObject({ selector: 'p', total: 2 });
  });
});

describe('record lines', () => {
  it('reads lines in order with slots shared by every card, <br> splitting a line', () => {
    const doc = html('<div class="c"><h3>Jane <b>Doe</b></h3><p>CEO<br>Acme</p><p>Berlin</p>Loose text</div>');
    expect(recordLines(doc.querySelector('.c') as Element)).toEqual([
      { slot: '>h3', text: 'Jane Doe' },
      { slot: '>p', text: 'CEO' },
      { slot: '>p/1', text: 'Acme' },
      { slot: '>p~2', text: 'Berlin' },
      { slot: '#text', text: 'Loose text' },
    ]);
  });

  it('keeps only http(s) links, mailto addresses, tel numbers and a non-data photo', () => {
    const doc = html(
      '<div><img src="data:image/gif;base64,xx" data-src="/p.jpg"><a href="javascript:alert(1)">x</a><a href="#top">t</a><a href="/in/jane">p</a><a href="mailto:Jane@Example.org?subject=hi">m</a><a href="tel:+44 20 7946 0000">t</a></div>',
    );
    expect(readRecord(doc.querySelector('div') as Element, 'https://acme.test/team')).toEqual({
      lines: [{ slot: 'div', text: 'xtpmt' }],
      links: ['https://acme.test/in/jane'],
      emails: ['jane@example.org'],
      phones: ['+44 20 7946 0000'],
      photo: 'https://acme.test/p.jpg',
    });
  });
});

describe('line → field mapping', () => {
  const records = () => {
    const doc = page('team.html');
    return findRecords(doc.querySelector('article') as Element).records.map((el) => readRecord(el, URL1));
  };

  it('takes the name line by the extractor’s name judgement and guesses the others', () => {
    const mapping = guessMapping(records());
    expect(mapping['>div.tile-top']).toBe('fullName');
    expect(mapping['>div.tile-body>p.meta~3']).toBe('location');
    // Nothing tells a company from a title here: the first plain line is guessed the title (the popup lets the user swap).
    expect(mapping['>div.tile-body>p.meta']).toBe('title');
    expect(slotsOf(records()).map((s) => s.slot)).toContain('>div.tile-body>p.meta~2');
  });

  it('turns records into people, the ones without a plausible name unticked', () => {
    const rs = records();
    const mapping = {
      ...guessMapping(rs),
      '>div.tile-body>p.meta': 'companyName' as const,
      '>div.tile-body>p.meta~2': 'title' as const,
    };
    const people = rs.map((r) => personOf(r, mapping));
    expect(people[0]).toMatchObject({
      fullName: 'Amara Okafor',
      companyName: 'Northwind Analytics',
      title: 'Chief Executive Officer',
      location: 'Leeds, United Kingdom',
      emails: ['amara@example.org'],
      links: ['https://www.linkedin.com/in/amara-okafor'],
      photoUrl: 'http://members.northwind.test/picker/site/p0.png',
      named: true,
    });
    expect(people.map((p) => p.named)).toEqual([true, true, true, true, true, true, true, false]);
  });

  it('reads an address line as an email even when no slot was mapped to it', () => {
    const actual = personOf(
      { lines: [{ slot: 'x', text: 'Mail: jane@acme.test' }], links: [], emails: [], phones: [] },
      {},
    );
    expect(actual.emails).toEqual(['jane@acme.test']);
  });
});

describe('site recipes', () => {
  it('learns a folder pattern and matches the other pages of that folder only', () => {
    expect(pathPatternOf(new URL(URL1))).toBe('/picker/site/*');
    expect(pathPatternOf(new URL('https://x.test/team'))).toBe('/*');
    expect(pathPatternOf(new URL('https://x.test/events/2024/speakers'))).toBe('/events/*/*');
    expect(pathMatches('/picker/site/*', '/picker/site/team-2.html')).toBe(true);
    expect(pathMatches('/picker/site/*', '/picker/other/team.html')).toBe(false);
    expect(pathMatches('/events/*/*', '/events/2025/speakers')).toBe(true);
  });

  it('applies a recipe learned on one page to the second page of the site', () => {
    const doc = page('team.html');
    const match = findRecords(doc.querySelector('article') as Element);
    const records = match.records.map((el) => readRecord(el, URL1));
    const recipe = recipeFromPick(
      { url: URL1, selector: match.selector, mapping: guessMapping(records) },
      7,
      new Date(0),
    );
    expect(RecipeSchema.parse(recipe)).toEqual(recipe);
    expect(recipeFor([recipe], new URL(URL2))).toBe(recipe);
    expect(recipeFor([recipe], new URL('http://other.test/picker/site/team-2.html'))).toBeUndefined();
    const actual = applyRecipe(page('team-2.html'), URL2, recipe);
    expect(actual.map((p) => p.fullName)).toEqual([
      'Ines Duarte',
      'Oskar Lind',
      'Mei Chen',
      'Rafael Costa',
      'Hannah Weiss',
    ]);
    expect(actual[1]).toMatchObject({
      location: 'Stockholm, Sweden',
      links: ['https://www.linkedin.com/in/oskar-lind'],
    });
  });

  it('reads nothing with a selector the page cannot parse', () => {
    expect(readRecords(page('team.html'), 'article[', URL1)).toEqual({ selector: 'article[', total: 0, records: [] });
  });

  it('refuses recipes that carry script, long or odd selectors, or unknown fields', () => {
    const good = recipeFromPick(
      { url: URL1, selector: 'article.tile', mapping: { '>h3': 'fullName' } },
      1,
      new Date(0),
    );
    const bad = [
      { ...good, selector: 'a{}<script>alert(1)</script>' },
      { ...good, selector: `div${'.x'.repeat(200)}` },
      { ...good, selector: 'a:has(b)' },
      { ...good, mapping: { '>h3': 'password' } },
      { ...good, host: 'javascript:alert(1)' },
      { ...good, pathPattern: 'team' },
    ];
    for (const recipe of bad)
      expect(RecipeSchema.safeParse(recipe).success, JSON.stringify(recipe).slice(0, 80)).toBe(false);
  });
});

describe('picked rows', () => {
  it('swap a field between lines: "this line is the company" gives the old company line the title', () => {
    const mapping = { a: 'fullName', b: 'title', c: 'companyName', d: '' } as const;
    expect(assignSlot(mapping, 'c', 'title')).toEqual({ a: 'fullName', b: 'companyName', c: 'title', d: '' });
    expect(assignSlot(mapping, 'd', 'fullName')).toEqual({ a: '', b: 'title', c: 'companyName', d: 'fullName' });
    expect(assignSlot(mapping, 'd', 'links')).toEqual({ ...mapping, d: 'links' });
  });

  it('become a checklist with unnamed records unticked and every field marked with the pick’s source', () => {
    const doc = page('team.html');
    const match = findRecords(doc.querySelector('article') as Element);
    const records = match.records.map((el) => readRecord(el, URL1));
    const pick = {
      url: URL1,
      selector: match.selector,
      total: 8,
      records,
      mapping: guessMapping(records),
      source: 'site-recipe' as const,
    };
    const actual = draftFromPick(pick, defaultOptions(DEFAULT_SETTINGS));
    expect(actual).toMatchObject({ mode: 'list', extractor: 'site-recipe', url: URL1 });
    expect(actual.forms).toHaveLength(8);
    expect(actual.selected).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(actual.forms[0]?.sources).toMatchObject({
      fullName: 'site-recipe',
      location: 'site-recipe',
      links: 'site-recipe',
    });
  });
});
