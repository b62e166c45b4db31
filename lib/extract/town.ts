import { z } from 'zod';
import { addressTown, streetLike, townAfterStreets, townOf } from './address';
import { isCountryName } from './affiliation';
import { clip } from './page/entity';
import type { TownLines } from './page/types';
import { isRole } from './role-words';

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

// What titles put between their parts: a bar, a dash, a middle dot, a comma, a slash.
const TITLE_PARTS = /\s[|–—·•-]\s|,\s|\s\/\s/;
// "Psicoterapeuta a Pisa", "Avvocato a Lucca", "sophrologue à Morges": a local professional's search title
// writes their profession and the town they practise in. Only Italian "a" and French "à": the "in", "en"
// and "em" of other languages as often name a field ("Lecturer in Archaeology", "Especialista em
// Ortodontia", "Docteur en Médecine"), whose words are capitalised as a town's are.
const ROLE_IN_TOWN = /^(.{3,60}?)\s(?:à|a)\s(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)$/u;

/** The town a page's title writes after a profession ("Dott.ssa Ilaria Melchioni | Psicoterapeuta a Pisa" → "Pisa"), or ''. */
export function titleTown(title: string | undefined): string {
  for (const part of (title ?? '').split(TITLE_PARTS)) {
    const m = ROLE_IN_TOWN.exec(part.trim());
    const [role = '', town = ''] = m ? [m[1], m[2]] : [];
    if (role && isRole(role) && !isRole(town) && !isCountryName(town)) return town;
  }
  return '';
}
