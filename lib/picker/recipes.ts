import { storage } from '#imports';
import { type Recipe, validRecipes } from './schema';

export { MAX_RECIPES, validRecipes } from './schema';

/**
 * The stored site recipes: one WXT storage item in local storage, versioned,
 * each recipe checked with zod on every read so a corrupt or hand-edited one is dropped,
 * never run. At most MAX_RECIPES are kept (the least recently used go first).
 */

export const recipesItem = storage.defineItem<unknown[]>('local:siteRecipes', { fallback: [], version: 1 });

/** Every stored recipe, validated, the most recently used first. */
export async function listRecipes(): Promise<Recipe[]> {
  return validRecipes(await recipesItem.getValue());
}

async function update(change: (list: Recipe[]) => Recipe[]): Promise<Recipe[]> {
  const next = validRecipes(change(await listRecipes()));
  await recipesItem.setValue(next);
  return next;
}

/** Adds a recipe, or replaces the one with its id (picking the same site folder again). */
export function putRecipe(recipe: Recipe): Promise<Recipe[]> {
  return update((list) => [recipe, ...list.filter((r) => r.id !== recipe.id)]);
}

/** Records that a recipe ran: when, and how many people it found. */
export function markRecipeUsed(id: string, peopleFound: number, now = new Date()): Promise<Recipe[]> {
  return update((list) => list.map((r) => (r.id === id ? { ...r, lastUsedAt: now.toISOString(), peopleFound } : r)));
}

/** Renames a recipe (the name is only a label; host and pattern decide where it runs). */
export function renameRecipe(id: string, name: string): Promise<Recipe[]> {
  const label = name.trim().slice(0, 100);
  return update((list) => list.map((r) => (r.id === id && label ? { ...r, name: label } : r)));
}

/** Deletes a recipe: its site falls back to the extractor. */
export function deleteRecipe(id: string): Promise<Recipe[]> {
  return update((list) => list.filter((r) => r.id !== id));
}

/** Merges recipes from a restored backup (validated like any input); a stored recipe with the same id is replaced. */
export function restoreRecipes(raw: unknown): Promise<Recipe[]> {
  const incoming = validRecipes(raw);
  return update((list) => [...incoming, ...list.filter((r) => !incoming.some((i) => i.id === r.id))]);
}
