import { oncePerReading } from './memo';
import { findPeopleCards } from './people-list';

/**
 * A deep copy of plain data (objects, arrays, strings, numbers), as structuredClone makes of a
 * card's person (no shared or cyclic parts, no DOM), without its serialisation round trip.
 */
function plainCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = plainCopy((value as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * The record detector once per readPage: its fallbacks re-read the page over the same DOM, and
 * the detector is most of a reading's time. Each reading gets fresh people, since it edits them.
 */
export const peopleCardsOnce = oncePerReading(findPeopleCards, (cards) =>
  cards.map((c) => ({ ...c, person: plainCopy(c.person) })),
);
