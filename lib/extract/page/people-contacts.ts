import { addList, HONORIFIC, newPerson, setField } from './entity';
import { takeDetails } from './people-card';
import type { Card } from './people-list';
import { isName, linesOf, roleLike, shouting } from './people-text';

/**
 * Named contacts written as lines (issue 17): a paragraph per person, its lines broken by <br>, a
 * name first (after a label such as "Kontakt:" or "Ansprechpartner:") and the person's own phone or
 * mailbox below it ("<p><b>Kontakt:</b><br>Alicja Han<br>724 794 671<br>alicja.han@…</p>", "<p>Dr. Philipp
 * Bauer<br>Mitterweg 21<br>85748 Garching<br>Tel. …<br>E-Mail: …</p>"). Club, association and
 * small-company pages write their contacts so, in blocks the card detector does not group (a
 * sentence or a heading of something else before each, or nothing repeated around them). Found
 * apart from any repeated structure: two such blocks or more with different names make a list.
 * The names are judged in finalize like any group found by structure (`weak`).
 */

const MAX_BREAKS = 3000;
const MAX_BLOCKS = 40;
// A block's own mailbox or phone, as text: an address, or eight digits or more in one number.
const EMAIL = /\S@[\w-]{1,63}\.[a-z]{2,24}\b/i;
const PHONE = /(?:^|[\s:.])\+?\(?\d(?:[\s()./-]{0,3}\d){7,14}(?:$|\s)/;
// A label line before the name ("Kontakt:", "Ansprechpartnerin:", "Contact :").
const LABEL = /^[^:]{2,40}:$/;
// Page furniture never lists anyone's contacts as a team's: its blocks are the site's own.
const FURNITURE = 'nav, footer, aside, header, [role="navigation"], [role="contentinfo"], form';

const BARE_NUMBER = /^\+?[\d\s()./-]{7,22}$/;

const reach = (t: string) => EMAIL.test(t) || PHONE.test(t);

/** The contact blocks of `doc` outside the cards already found; `judge` gives the group's judge id. */
export function contactBlocks(doc: Document, base: string, found: Card[], judge: () => number): Card[] {
  const root = doc.body;
  if (!root) return [];
  const breaks = root.getElementsByTagName('br');
  const seen = new Set<Element>();
  const cards = found.map((c) => c.el);
  const out: Card[] = [];
  for (let i = 0; i < breaks.length && i < MAX_BREAKS && out.length < MAX_BLOCKS; i++) {
    const block = (breaks[i] as Element).parentElement;
    if (!block || seen.has(block)) continue;
    seen.add(block);
    if (block.closest(FURNITURE) || cards.some((c) => c.contains(block) || block.contains(c))) continue;
    const lines = linesOf(block).map((b) => b.text);
    if (lines.length < 2 || lines.length > 10) continue;
    let at = 0;
    while (at < 2 && LABEL.test(lines[at] ?? '')) at++;
    const name = lines[at] ?? '';
    if (name.length > 60 || !isName(name) || roleLike(name) || shouting(name)) continue;
    const rest = lines.slice(at + 1, at + 7);
    if (!rest.some(reach) && !block.querySelector('a[href^="mailto:" i], a[href^="tel:" i]')) continue;
    const person = newPerson(name, 'people-list');
    if (!person) continue;
    if (HONORIFIC.test(name)) person.addressed = true;
    // A role line straight under the name ("Kierownik biura").
    const role = rest[0] ?? '';
    if (role.length <= 80 && !reach(role) && roleLike(role)) setField(person, 'title', role, 'people-list');
    takeDetails(person, block, base);
    // A line that is a number and nothing else, under a person's name: their phone, though no "Tel." labels it
    // (text elsewhere needs the label or a country code: ./contacts.ts).
    const bare = rest.filter((l) => BARE_NUMBER.test(l) && /^(?:\D*\d){7,15}\D*$/.test(l));
    if (bare.length) addList(person, 'textPhones', bare, 'contact');
    out.push({ el: block, person });
  }
  const names = new Set(out.map((c) => c.person.fullName.toLowerCase()));
  if (names.size < 2) return [];
  const weak = judge();
  for (const c of out) {
    c.weak = weak;
    c.person.kin = 'contact-lines';
  }
  return out;
}
