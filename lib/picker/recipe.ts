import { type PickedPerson, personOf } from './fields';
import { readRecords } from './lines';
import type { PickState, Recipe } from './schema';

/**
 * Site recipes: what a confirmed pick teaches about a site (host, path pattern, record
 * selector, line → field mapping), so the next page of it fills by itself. Pure: storage
 * lives in ./recipes.ts, the page read in ./lines.ts.
 */

/** The path pattern a page's URL teaches: its folder ("/team/berlin" → "/team/*"), numbers as "*". */
export function pathPatternOf(url: URL): string {
  const parts = url.pathname.split('/').filter(Boolean);
  const folder = parts.slice(0, -1).map((p) => (/\d/.test(p) || !/^[\w\-.%~@]+$/.test(p) ? '*' : p));
  return `/${[...folder, '*'].join('/')}`.slice(0, 200);
}

/** True when a path pattern covers a path ("*" stands for any characters but "/"). */
export function pathMatches(pattern: string, path: string): boolean {
  const re = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${re}/?$`).test(path);
}

/** The recipe for a page: same host, a pattern covering its path; the longest pattern, then the last used, wins. */
export function recipeFor(recipes: Recipe[], url: URL): Recipe | undefined {
  const host = url.hostname.toLowerCase();
  return recipes
    .filter((r) => r.host === host && pathMatches(r.pathPattern, url.pathname))
    .sort(
      (a, b) => b.pathPattern.length - a.pathPattern.length || (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''),
    )[0];
}

/** A new recipe from a confirmed pick (its id from the host and pattern, so picking again replaces it). */
export function recipeFromPick(
  pick: Pick<PickState, 'url' | 'selector' | 'mapping'>,
  found: number,
  now: Date,
): Recipe {
  const url = new URL(pick.url);
  const host = url.hostname.toLowerCase();
  const pathPattern = pathPatternOf(url);
  const id = `${host}${pathPattern}`.replace(/[^\w-]+/g, '-').slice(0, 64);
  return {
    id,
    name: host,
    host,
    pathPattern,
    selector: pick.selector,
    mapping: pick.mapping,
    createdAt: now.toISOString(),
    lastUsedAt: now.toISOString(),
    peopleFound: found,
  };
}

/** Runs a recipe on a page: its records read with the selector, turned into people by its mapping. */
export function applyRecipe(doc: Document, url: URL | string, recipe: Recipe): PickedPerson[] {
  const { records } = readRecords(doc, recipe.selector, String(url));
  return records.map((r) => personOf(r, recipe.mapping));
}
