import { defineUnlistedScript } from '#imports';
import { readPage } from '@/lib/extract/page';

// Injected on demand by the popup with scripting.executeScript (activeTab): it reads
// the page as it is now and returns the raw PageReading (plain JSON); it writes nothing.
// The popup validates and normalises it with finalize() from '@/lib/extract', which
// keeps zod, tldts and libphonenumber out of the page.
export default defineUnlistedScript(() => readPage(document, location.href));
