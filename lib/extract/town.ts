import { z } from 'zod';
import { addressTown, streetLike, townAfterStreets, townOf } from './address';
import { clip } from './page/entity';
import type { TownLines } from './page/types';

/**
 * The towns the reader leaves to finalize (lib/extract/page/types.ts TownLines): it hands over
 * the lines of address blocks and of the page's text, and the postcode, street and country
 * patterns that read a town in them run here, in the extension, not in every page the user reads.
 */

const Lines = z.object({ lines: z.array(z.string().max(300)).max(3000), page: z.literal(true).optional() });
/** What the reader hands over as TownLines, validated where it enters finalize. */
export const TownLinesShape = z.array(Lines).max(8).catch([]);

/** The town the lines give: an address block's first postcode line, or a page's first street-and-postcode address. */
export function townIn(where: TownLines | undefined): string {
  if (!where) return '';
  if (where.page) return addressTown(where.lines);
  for (const [i, line] of where.lines.entries()) {
    // After a street line a year-shaped postcode is one ("Eenhoornstraat 8", "1973 XT IJmuiden").
    const town = townOf(line, streetLike(where.lines[i - 1] ?? ''));
    if (town) return town;
  }
  // A block without a postcode: the town after its street's house number.
  return townAfterStreets(where.lines);
}

/**
 * An entity as the reader read it, its town settled: the first of its TownLines that gives a town
 * is its location (the reader's try made room for its source); with none, that room goes.
 */
export function withTown(entity: Record<string, unknown>): Record<string, unknown> {
  if (!('townLines' in entity)) return entity;
  const { townLines, ...out } = entity;
  const sources = { ...(out.sources as Record<string, unknown> | undefined) };
  out.sources = sources;
  if (out.location !== undefined) return out;
  for (const where of TownLinesShape.parse(townLines)) {
    const town = clip(townIn(where), 500);
    if (town) {
      out.location = town;
      return out;
    }
  }
  delete sources.location;
  return out;
}
