import { personNameScore } from './names';
import { isName } from './page/people-text';
import { isRoleLine } from './role-words';

// The joints of a list of names: a comma, an ampersand, "and" in the corpus's languages.
const JOINT = /\s{0,3}[,&]\s{0,3}|\s(?:and|og|och|en|und|et|e|y|i|dan|és|ja|a)\s/;

/**
 * An office held by several, its holders on one line under it ("Alida Hardersen, Jan Ole Åkerholm og
 * Maja Øien", "Raka Perdana, Iwayan Kamajaya, Benny Laksono"): the reader takes the first holder for the
 * name and the rest for a role line. A listed record's role line that is only names, each with a known
 * given name, is the office's other holders: each a record of its own in the same list (judged
 * with it), the first without the role it never had. Runs in finalize, which knows given names.
 */
export function coHolders(p: Record<string, unknown>): Record<string, unknown>[] {
  const sources = (p.sources && typeof p.sources === 'object' ? p.sources : {}) as Record<string, unknown>;
  if (typeof p.title !== 'string' || sources.title !== 'people-list' || sources.fullName !== 'people-list') return [p];
  const names = p.title.split(JOINT).map((n) => n.trim());
  // Two names or more, each with a known given name and no role word: a lone "Chief Inspiration Officer"
  // or "Soprintendenza Speciale Archeologia, Belle Arti" is a role or an organisation.
  if (
    names.length < 2 ||
    names.length > 8 ||
    !names.every((n) => isName(n) && !isRoleLine(n) && personNameScore(n) >= 0.8)
  )
    return [p];
  const { title: _title, ...own } = p;
  const { title: _source, ...ownSources } = sources;
  const others = names.map((fullName) => ({
    fullName,
    emails: [],
    phones: [],
    links: [],
    sources: { fullName: 'people-list' },
    ...(p.kin === undefined ? {} : { kin: p.kin }),
    ...(p.judge === undefined ? {} : { judge: p.judge }),
    ...(p.section === undefined ? {} : { section: p.section }),
  }));
  return [{ ...own, sources: ownSources }, ...others];
}
