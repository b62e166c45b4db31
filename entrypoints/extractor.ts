import { defineUnlistedScript } from '#imports';
import { extract } from '@/lib/extract';

// Injected on demand by the popup with scripting.executeScript (activeTab):
// it reads the page as it is now and returns the Extraction; it writes nothing.
export default defineUnlistedScript(() => extract(document, new URL(location.href)));
