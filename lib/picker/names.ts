import { looksLikeName } from '@/lib/extract/page/people-list';
import { cleanName } from '@/lib/normalize/name';

/**
 * The picker's one call into the extractor's name judgement, kept in one place so it
 * follows the extractor when that rule moves (lib/extract/names.ts).
 */

/** True when a line reads as a person's name by the same rule the extractor uses for people lists. */
export function isPlausibleName(text: string): boolean {
  return looksLikeName(cleanName(text));
}
