import { looksLikePersonName } from './names';
import { splitTitle } from './page/meta';
import type { NameHint } from './types';

/**
 * The manual form's name hint: when the extractor found no one, the page's heading or
 * title often still names the person the user is looking at (a portfolio behind a script, a bio
 * page without markup). Offered only when it reads as a person's name (lib/extract/names), so a
 * heading such as "Notes on sourdough" or "Contact us" is never offered; the URL is never read.
 */

/** The heading or title (its site suffix " | Site" stripped) that reads as a person's name, if any. */
export function nameHint(hints: { heading?: string | undefined; title?: string | undefined }): NameHint | undefined {
  const heading = (hints.heading ?? '').replace(/\s+/g, ' ').trim();
  if (heading && looksLikePersonName(heading)) return { fullName: heading, source: 'heading' };
  const title = (hints.title ?? '').replace(/\s+/g, ' ').trim();
  const parts = splitTitle(title);
  // "Jane Doe", "Jane Doe | Site", "Jane Doe – Photographer – Site": the whole title, then without
  // its last part (the site's name), then its first part.
  const candidates = [title, parts.slice(0, -1).join(' | '), parts[0] ?? ''];
  const hit = candidates.find((c) => c && looksLikePersonName(c));
  return hit ? { fullName: hit, source: 'title' } : undefined;
}
