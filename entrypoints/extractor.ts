import { defineUnlistedScript } from '#imports';
import { readPageWith } from '@/lib/extract/page/reader';

// Injected on demand by the popup with scripting.executeScript (activeTab): it reads
// the page as it is now and returns the raw PageReading (plain JSON); it writes nothing.
// The popup validates and normalises it with finalize() from '@/lib/extract', which
// keeps zod, tldts and libphonenumber out of the page. This is the reader for ordinary
// pages: no site adapter, so the script every page gets stays small. On a page a site
// adapter serves, the popup injects extractor-sites.ts instead (lib/capture/read.ts).
export default defineUnlistedScript(() => readPageWith(document, location.href, []));
