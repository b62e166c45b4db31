import { defineUnlistedScript } from '#imports';
import { readRecords } from '@/lib/picker/lines';

// Injected by the popup when a site recipe matches the page: reads the records its selector
// matches (the selector was set just before in this isolated world by lib/picker/inject.ts)
// and returns them as plain data; the popup validates them with zod and maps them to people.
export default defineUnlistedScript(() => {
  const selector = (globalThis as { prospectorRecipeSelector?: unknown }).prospectorRecipeSelector;
  return typeof selector === 'string' ? readRecords(document, selector, location.href) : null;
});
