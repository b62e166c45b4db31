import { SELF_SECTION } from './page/kind';

// The same section titles in the languages the reader's list (page/kind.ts SELF_SECTION) leaves to
// finalize, whose size is free: Scandinavian "om mig", Finnish "minusta", Turkish "hakkımda" and
// "hakkımızda", Lithuanian "apie mus/mane", Latvian "par mums/mani".
const MORE = /^(?:om mig|om meg|minusta|hakk[ıi]mda|hakk[ıi]m[ıi]zda|apie mus|apie mane|par mums|par mani)$/i;
// "About the team" as a section's title, in the corpus's languages and their neighbours ("Über das Team",
// "À propos de l'équipe", "Apie komandą", "O timu"): the page of several people, never one person's name.
const ABOUT_TEAM =
  /^(?:about|über|ueber|à propos de|a propos de|over|sobre|chi è|apie|par|o|om)\s(?:(?:the|our|das|unser|unsere|l['’]|la|le|el|o|a|het|ons|nuestro|nosso|il|nasz)\s?)?(?:team|équipe|equipe|equipo|equipa|squadra|komand[aąeu]|tiimi|ekipa|tým|tím|timu?|laget|teamet)$/iu;

/** True when a text is a page section's own title ("About me", "Chi siamo", "Hakkımda"): no person's or site's name. */
export function sectionTitle(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return SELF_SECTION.test(t) || MORE.test(t) || ABOUT_TEAM.test(t);
}
