import { mark } from './evidence';
import { personNameScore } from './names';
import { isRoleLine } from './role-words';

/**
 * Directories and academic lists write names family name first, then a comma and the given names
 * ("Álvarez Vidal, Sergi", "Coll-Florit, Marta"). The reader turns a lone family name round itself
 * ("Marta Coll-Florit": "Coll-Florit" is no name alone), but cannot tell "Álvarez Vidal, Sergi" from
 * "Jane Doe, Google" (a name, then an employer): it reads both as a name and a role line. Here, with
 * the given names known: a record whose name as read starts with no known given name, whose role line
 * is one or two capitalised words, and which reads as a name with a known given name once turned
 * round, was written family name first. A list turns its records round only when most of its
 * records with a role line are so (a list writes all its names one way); else it is left as read.
 */

const GIVEN = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?$/u;

/** True when `p` reads as a name with a known given name once turned round, its role line one or two capitalised words. */
function turnable(p: Record<string, unknown>): boolean {
  const [name, title] = [p.fullName, p.title];
  if (typeof name !== 'string' || typeof title !== 'string' || !GIVEN.test(title) || isRoleLine(title)) return false;
  return personNameScore(`${title} ${name}`) >= 0.8;
}

/** Turns round, list by list (the reader's `kin`), the names a list writes family name first. */
export function invertedNames(people: Record<string, unknown>[]): void {
  const lists = new Map<string, Record<string, unknown>[]>();
  for (const p of people) if (typeof p.kin === 'string') lists.set(p.kin, [...(lists.get(p.kin) ?? []), p]);
  for (const list of lists.values()) {
    const titled = list.filter((p) => typeof p.title === 'string');
    const turned = titled.filter(turnable);
    // Most names as read start with no known given name ("Álvarez Vidal"; a few do: "Oliver Gonzalez").
    const wrong = turned.filter((p) => personNameScore(String(p.fullName)) < 0.8).length;
    if (turned.length < 2 || turned.length * 5 < titled.length * 4 || wrong * 2 < turned.length) continue;
    for (const p of turned) {
      mark(p, 'fullName', `"${String(p.fullName)}, ${String(p.title)}": the list writes family names first`);
      p.fullName = `${String(p.title)} ${String(p.fullName)}`;
      delete p.title;
      if (p.sources && typeof p.sources === 'object') {
        p.sources = { ...(p.sources as Record<string, unknown>) };
        delete (p.sources as Record<string, unknown>).title;
      }
    }
  }
}
