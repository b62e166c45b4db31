import { clip } from './entity';
import type { MetaReading } from './meta';

/**
 * Signs of whose page it is, beside ./kind.ts: a page named for several people is no one person's,
 * quoted voices are other people's, and a bio sentence is no one's title.
 */

/** Blocks that quote other people: a client's testimonial, a review, a comment, a citation. */
export const VOICES =
  'blockquote, q, [class*="testimonial"], [class*="Testimonial"], [class*="review"], [class*="comment"], [class*="quote"], [class*="citation"]';

// A line that is a sentence, not a role: first-person words, or many words ending a sentence.
const FIRST_PERSON =
  /(?:^|\s)(?:i|i'm|i’m|my|ich|mein|meine|je|j'|j’|mon|ma|yo|mi|io|eu|meu|minha|ik|mijn|jestem|mój)(?=\s)/i;
/** True when a role line reads as a sentence of a bio ("I help founders grow their teams."). */
export function sentenceLike(line: string): boolean {
  const words = line.trim().split(/\s+/).length;
  return words > 14 || (words > 6 && /[.!?]$/.test(line.trim())) || FIRST_PERSON.test(` ${line} `);
}

// Words a page of several people is named by ("Speakers", "Intervenants", "Unser Team", "Our people").
const LIST_NAME =
  /^(?:(?:our|meet|the|unser|unsere|notre|nos|nuestro|nuestros|il|i|gli|ons|onze|het|de|die|l['’])[\s-]{1,3}){0,2}(?:speakers?|intervenants?|orateurs|conférenciers|referent(?:inn)?en|sprecher(?:innen)?|ponentes|relatori|sprekers|keynotes|team|teams|équipe|equipe|equipo|equipa|squadra|people|persone|personen|members|membres|miembros|membri|leden|mitglieder|staff|faculty|mitarbeiter(?:innen)?|mitarbeitende|medewerkers|authors|auteurs|autoren|contributors|board|vorstand|bestuur|jury|organi[sz]ers|organisateurs|volunteers|bénévoles|alumni|researchers|chercheurs)$/i;

/** True when the page names itself a page of several people (its last path segment, its heading or its title). */
export function listPage(doc: Document, page: URL, meta: MetaReading): boolean {
  const segment = decodeURIComponent(page.pathname.split('/').filter(Boolean).pop() ?? '').replace(/\.\w{2,5}$/, '');
  const h1 = clip(doc.querySelector('h1')?.textContent ?? '', 100).trim();
  return [segment, h1, meta.titleParts[0] ?? ''].some((t) => t.length <= 40 && LIST_NAME.test(t.trim()));
}

/** A speaker's page on an event's site ("/speakers/jane-doe/"): their employer is not the event. */
export const SPEAKER_PATH =
  /\/(?:speakers?|sprecher(?:innen)?|referent(?:inn)?en|intervenants?|ponentes?|relatori|sprekers|orateurs|keynotes?)\//i;
