#!/usr/bin/env node
// The corpus's sealed split, fixed before any extractor change for it.
//
// A page is sealed when the first byte of sha256(SEED + id) is divisible by 3: a seeded,
// stable third. Stable matters more than exact: adding pages later never moves an
// existing page between the splits, so a sealed page can never have been looked at as a
// development page. Work on the extractor looks only at the development split's
// failures; the sealed split is run only to report its number.
import { createHash } from 'node:crypto';

export const SEED = 'prospector-corpus-v1:';

/** "sealed" or "dev" for a corpus page id. */
export function splitOf(id) {
  return createHash('sha256')
    .update(SEED + id)
    .digest()[0] %
    3 ===
    0
    ? 'sealed'
    : 'dev';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const id of process.argv.slice(2)) console.log(`${splitOf(id)}\t${id}`);
}
