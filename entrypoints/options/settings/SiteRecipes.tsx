import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { settings } from '@/components/settingsState';
import { deleteRecipe, listRecipes, renameRecipe } from '@/lib/picker/recipes';
import type { Recipe } from '@/lib/picker/schema';
import { formatDate } from '@/lib/settings';

/** Settings → Site recipes: what picking by example taught Prospector, per site; rename or delete. */
export function SiteRecipes() {
  const recipes = useSignal<Recipe[] | null>(null);
  const error = useSignal('');
  const run = async (action: () => Promise<Recipe[]>) => {
    try {
      recipes.value = await action();
    } catch (err) {
      error.value = `Could not change the site recipes: ${String(err)}`;
    }
  };
  useEffect(() => {
    void run(listRecipes);
  }, []);
  return (
    <fieldset>
      <legend>Site recipes</legend>
      <p class="muted small">
        When you pick people on a page, Prospector remembers how that site lists them and fills the next page of it by
        itself. Delete a recipe to go back to automatic detection there.
      </p>
      {recipes.value === null ? (
        <p class="muted">Loading…</p>
      ) : recipes.value.length === 0 ? (
        <p class="muted">No site recipe yet. Use “Pick people on this page” in the popup to make one.</p>
      ) : (
        <table class="recipe-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Site</th>
              <th scope="col">Last used</th>
              <th scope="col">People found</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {recipes.value.map((r) => (
              <tr key={r.id}>
                <td>
                  <input
                    type="text"
                    aria-label={`Name of the recipe for ${r.host}`}
                    value={r.name}
                    maxLength={100}
                    onChange={(e) => void run(() => renameRecipe(r.id, e.currentTarget.value))}
                  />
                </td>
                <td>
                  <code>
                    {r.host}
                    {r.pathPattern}
                  </code>
                </td>
                <td>{formatDate(r.lastUsedAt ?? r.createdAt, settings.value.dateFormat)}</td>
                <td>{r.peopleFound}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Delete the recipe for ${r.host}`}
                    onClick={() => void run(() => deleteRecipe(r.id))}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error.value && <p class="error-text">{error.value}</p>}
    </fieldset>
  );
}
