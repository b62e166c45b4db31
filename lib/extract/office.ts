import { notATitle } from './abstain';
import { mark } from './evidence';
import { isRoleLine } from './role-words';

/**
 * A board's or a committee's list writes each member's office in brackets after the name and their
 * day job on the line below ("Sune Berthelsen (formand)" over "Lektor ved Nærum Gymnasium", "Jane Roe
 * (Chair)" over "Professor, University of Oslo"). The page is about the body the list belongs to, so
 * the office it names is the member's title there; the line below keeps giving their employer (read
 * before, by affiliate). The reader hands the bracket over as `office` (lib/extract/page/people-card.ts);
 * only a short line with a role word counts, never degrees ("Jane Roe (PhD)") nor a pronoun or a place.
 */
export function officesAsTitles(people: Record<string, unknown>[]): void {
  for (const p of people) {
    const office = typeof p.office === 'string' ? p.office.replace(/\s+/g, ' ').trim() : '';
    const sources = p.sources && typeof p.sources === 'object' ? (p.sources as Record<string, unknown>) : null;
    if (!office || !sources || !isRoleLine(office) || notATitle(office, false)) continue;
    p.title = office;
    sources.title = 'people-list';
    mark(p, 'title', `the office in brackets after the name, over the role line`);
  }
}
