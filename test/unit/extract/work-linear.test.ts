import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { extract } from '@/lib/extract';

// The extractor's work grows with the page, not with the page squared: a guard that needs no
// clock (npm run bench extract measures time, on a noisy shared machine). It counts the DOM calls
// one extraction makes on a generated team page (people cards, then prose sections of repeated
// rows, as in bench/extract.bench.mjs) at two sizes. A quadratic step (a `contains` between every
// pair of cards, a query per card over the whole page) makes the larger page cost far more than
// its size.

const FIRST = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas'];
const LAST = ['Lindqvist', 'Moreau', 'Okafor', 'Petersen', 'Quintana', 'Rossi', 'Santos', 'Tanaka'];

/** A team page with `people` cards and `sections` prose sections of eight rows each. */
function teamPage(people: number, sections: number): string {
  const cards = Array.from(
    { length: people },
    (_, i) =>
      `<div class="team-member"><img src="/p/${i}.jpg" alt=""><h3 class="name">${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 8]}${'a'.repeat(Math.floor(i / 80))}</h3><p class="role">Head of Unit ${i}</p><p><a href="https://www.linkedin.com/in/person-${i}">LinkedIn</a> <a href="mailto:p${i}@benchcorp.com">Email</a></p></div>`,
  ).join('');
  const prose = Array.from(
    { length: sections },
    (_, s) =>
      `<section class="s${s}"><h2>Topic ${s}</h2>${Array.from({ length: 8 }, (_, j) => `<div class="row"><p>Paragraph ${j} of topic ${s} with <strong>bold</strong>, <em>emphasis</em> and a <a href="/t/${s}/${j}">link</a>. Call +44 20 7946 0${String(s % 1000).padStart(3, '0')} today.</p></div>`).join('')}</section>`,
  ).join('');
  return `<html lang="en-GB"><head><title>Team | Benchmark Corp</title></head><body><header><a href="/"><img src="/logo.svg" alt="Benchmark Corp"></a></header><main><h1>Our team</h1><div class="team-grid">${cards}</div>${prose}</main><footer><p>Benchmark Corp Ltd · 1 Test Street, London</p></footer></body></html>`;
}

/** The prototype of `obj`'s chain that defines `name` itself, if any. */
function owner(obj: object, name: string): object | null {
  for (let p: object | null = obj; p; p = Object.getPrototypeOf(p)) if (Object.hasOwn(p, name)) return p;
  return null;
}

const METHODS = ['querySelectorAll', 'querySelector', 'getElementsByTagName', 'closest', 'contains', 'matches'];

/** DOM calls (queries, `contains`, `textContent` reads) one extract() makes on `html`, and its element count. */
function census(html: string): { calls: number; elements: number; people: number } {
  const doc = parseHTML(html).document as unknown as Document;
  const el = doc.querySelector('div') as Element;
  let calls = 0;
  const spies = [
    ...METHODS.flatMap((m) => [owner(el, m), owner(doc, m)])
      .filter((p, i, all): p is object => p !== null && all.indexOf(p) === i)
      .flatMap((p) =>
        METHODS.filter((m) => Object.hasOwn(p, m)).map((m) => {
          const original = (p as Record<string, (...a: unknown[]) => unknown>)[m] as (...a: unknown[]) => unknown;
          return vi.spyOn(p as Record<string, (...a: unknown[]) => unknown>, m).mockImplementation(function (
            this: unknown,
            ...a: unknown[]
          ) {
            calls++;
            return original.apply(this, a);
          });
        }),
      ),
  ];
  const text = owner(el, 'textContent') as object;
  const getText = Object.getOwnPropertyDescriptor(text, 'textContent')?.get as () => string;
  spies.push(
    vi.spyOn(text as { textContent: string }, 'textContent', 'get').mockImplementation(function (this: unknown) {
      calls++;
      return getText.call(this);
    }) as never,
  );
  try {
    const elements = doc.querySelectorAll('*').length;
    calls = 0;
    const out = extract(doc, 'https://benchcorp.com/team');
    return { calls, elements, people: out.people.length };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

describe('extraction work', () => {
  it('grows in proportion to the page: four times the cards and the prose, at most ~4.5 times the DOM calls', () => {
    const small = census(teamPage(30, 20));
    const large = census(teamPage(120, 80));

    expect(small.people).toBe(30);
    expect(large.people).toBe(120);
    // Per element, a handful of calls: each sibling row is looked at a few times, not the page per row.
    expect(large.calls / large.elements).toBeLessThan(2);
    expect(large.calls / small.calls).toBeLessThan(4.5);
  }, 60_000);
});
