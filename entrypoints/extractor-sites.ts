import { defineUnlistedScript } from '#imports';
import { readPage } from '@/lib/extract/page';

// The reader with every site adapter (LinkedIn, GitHub, X, Crunchbase, Wellfound) before the
// generic layers: injected by the popup instead of extractor.ts only when the tab's address
// is one an adapter serves (lib/capture/read.ts). Same contract: returns the raw PageReading.
export default defineUnlistedScript(() => readPage(document, location.href));
