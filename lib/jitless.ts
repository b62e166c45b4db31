import { z } from 'zod';

// zod compiles object parsers with `new Function` when it may, and finds out by trying once
// (util.allowsEval) when the first object schema is built. In extension pages and workers
// the CSP forbids eval, so the try is blocked and logged as a CSP violation.
// jitless skips both the probe and the compiler. Import this module first in every
// extension page, worker and the background, before any module that builds a schema.
z.config({ jitless: true });
