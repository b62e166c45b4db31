import { oncePerReading } from './memo';
import { findPeopleCards } from './people-list';

/**
 * The record detector once per readPage: its fallbacks re-read the page over the same DOM, and
 * the detector is most of a reading's time. Each reading gets fresh people, since it edits them.
 */
export const peopleCardsOnce = oncePerReading(findPeopleCards, (cards) =>
  cards.map((c) => ({ ...c, person: structuredClone(c.person) })),
);
