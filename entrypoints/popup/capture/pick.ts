import { signal } from '@preact/signals';
import type { CaptureDraft, CaptureOptions } from '@/lib/capture/schemas';
import { clearDraft } from '@/lib/capture/session';
import { toAppError } from '@/lib/errors';
import { assignSlot, draftFromPick } from '@/lib/picker/draft';
import { injectPicker, readRecipeRecords } from '@/lib/picker/inject';
import { recipeFor, recipeFromPick } from '@/lib/picker/recipe';
import { listRecipes, markRecipeUsed, putRecipe } from '@/lib/picker/recipes';
import { type PickState, PickStateSchema } from '@/lib/picker/schema';
import { clearPick, loadPick, savePick } from '@/lib/picker/session';
import type { PickField } from '@/lib/picker/types';
import { draft, replaceRows, tabId } from './model';

/**
 * The capture screen's "pick by example" part: the tab's pending pick or a site
 * recipe run, the line → field choices, and the button that starts the in-page picker.
 */

/** The records behind the list, when it came from a pick or a recipe. */
export const pick = signal<PickState | null>(null);
/** What the picker button says after starting (or failing to start) the picker. */
export const pickNotice = signal<string | null>(null);

const BY_EXAMPLE = new Set(['picker', 'site-recipe']);

/** True when the capture draft lists picked people (its rows can be re-mapped). */
export function isPicked(d: CaptureDraft | null): boolean {
  return !!d && BY_EXAMPLE.has(d.extractor) && pick.value !== null;
}

/**
 * The tab's people picked by example: its pending pick, else the site recipe for the page
 * when it finds anyone with a plausible name; null to fall back (silently) to the extractor.
 */
export async function byExample(
  tab: { id: number; url?: string | undefined },
  options: CaptureOptions,
): Promise<CaptureDraft | null> {
  pick.value = null;
  if (!tab.url || !/^https?:\/\//i.test(tab.url)) return null;
  const [kept, recipes] = await Promise.all([loadPick(tab.id, tab.url), listRecipes()]);
  if (kept && (kept.source === 'picker' || recipes.some((r) => r.id === kept.recipeId))) {
    pick.value = kept;
    return draftFromPick(kept, options);
  }
  if (kept) {
    // Its recipe was deleted: neither the recipe's list nor a draft of it may come back.
    await Promise.all([clearPick(tab.id), clearDraft(tab.id)]);
  }
  const recipe = recipeFor(recipes, new URL(tab.url));
  if (!recipe) return null;
  const read = await readRecipeRecords(tab.id, recipe.selector);
  const state = PickStateSchema.safeParse({
    ...read,
    url: tab.url,
    mapping: recipe.mapping,
    source: 'site-recipe',
    recipeId: recipe.id,
  });
  if (!read || !state.success) return null;
  const found = draftFromPick(state.data, options);
  await markRecipeUsed(recipe.id, found.selected.length);
  if (found.selected.length === 0) return null;
  await savePick(tab.id, state.data);
  pick.value = state.data;
  return found;
}

/** After "Save N leads": a pick becomes (or updates) its site's recipe, and the pending pick is dropped. */
export async function afterSave(saved: CaptureDraft): Promise<void> {
  const p = pick.value;
  const id = tabId.value;
  if (!p || !BY_EXAMPLE.has(saved.extractor)) return;
  const now = new Date();
  const stored = p.recipeId ? (await listRecipes()).find((r) => r.id === p.recipeId) : undefined;
  await putRecipe(
    stored
      ? { ...stored, mapping: p.mapping, lastUsedAt: now.toISOString(), peopleFound: saved.selected.length }
      : recipeFromPick(p, saved.selected.length, now),
  );
  if (id !== null) await clearPick(id);
  pick.value = null;
}

/** "This line is the company": takes one line of every record as a field, and rebuilds the rows. */
export function assignLine(slot: string, field: PickField): void {
  const p = pick.value;
  const d = draft.value;
  const id = tabId.value;
  if (!p || !d) return;
  const next = { ...p, mapping: assignSlot(p.mapping, slot, field) };
  pick.value = next;
  if (id !== null) savePick(id, next).catch(() => {});
  const rebuilt = draftFromPick(next, d.options);
  replaceRows(rebuilt.forms, rebuilt.selected);
}

/** Forgets the pick; the popup then reads the page again. */
export async function dropPick(): Promise<void> {
  const id = tabId.value;
  pick.value = null;
  if (id !== null) await Promise.all([clearPick(id), clearDraft(id)]).catch(() => {});
}

/**
 * Starts the in-page picker. A real popup closes so the page gets the keyboard (it would
 * close at the first click on the page anyway); `?tab=` (tests, automation) stays open.
 */
export async function startPicking(search = location.search): Promise<void> {
  const id = tabId.value;
  if (id === null) return;
  try {
    await injectPicker(id);
    pickNotice.value =
      'Click one person’s card on the page (or press Tab), then Enter. Open Prospector again to see them.';
    if (!new URLSearchParams(search).has('tab')) window.close();
  } catch (err) {
    pickNotice.value = toAppError(err).message;
  }
}
