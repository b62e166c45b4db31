// @vitest-environment node
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';
import { splitOf } from '../../../scripts/corpus-split.mjs';
import { type CorpusPage, corpusDir, corpusHtml, corpusPages, corpusScore } from './corpus';

// The development split of the real-page corpus (issue 17), read in linkedom. The HTML is
// not in the repository: when it is absent the test says how many pages it skipped. The
// floor is what the extractor reaches minus a margin, so a change that loses facts on real
// pages fails here; `npm run corpus:report` gives the details (in Chromium).
// Reached in linkedom on 178 dev pages (2026-12-04, after the precision gates): F1 0.907, precision 0.977.
const F1_FLOOR = 0.88;
const PRECISION_FLOOR = 0.97;

// Batches gathered as a fresh out-of-sample check and not yet worked on: their development
// pages join the floor in the session that fixes classes on them (a floor guards what was
// reached, and nothing was reached on them yet). `npm run corpus:report -- --batch s10` scores them.
const FRESH = new Set(['s11', 's12', 's13', 's14', 's15']);
const dev = corpusPages().filter((p) => splitOf(p.id) === 'dev' && !FRESH.has(p.batch ?? ''));
const present = dev
  .map((p) => ({ page: p, html: corpusHtml(p.id) }))
  .filter((x): x is { page: CorpusPage; html: string } => x.html !== null);
const skipped = dev.length - present.length;
if (skipped || dev.length === 0)
  console.warn(
    `corpus: ${skipped} of ${dev.length} development pages skipped (HTML absent from ${corpusDir()}; test/corpus/pages lists the pages)`,
  );

describe.skipIf(present.length === 0)('extract() on the real-page corpus, development split', () => {
  it(`reaches F1 ≥ ${F1_FLOOR} and precision ≥ ${PRECISION_FLOOR} over ${present.length} pages`, () => {
    const total = { tp: 0, fp: 0, fn: 0 };
    for (const { page, html } of present) {
      const actual = extract(parseHTML(html).document as unknown as Document, page.expected.url);
      const s = corpusScore(page, actual);
      total.tp += s.tp.length;
      total.fp += s.fp.length;
      total.fn += s.fn.length;
    }
    const precision = total.tp / (total.tp + total.fp || 1);
    const recall = total.tp / (total.tp + total.fn || 1);
    const f1 = (2 * precision * recall) / (precision + recall || 1);

    expect(f1).toBeGreaterThanOrEqual(F1_FLOOR);
    expect(precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  }, 120_000);
});
