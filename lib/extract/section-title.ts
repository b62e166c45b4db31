import { SELF_SECTION } from './page/kind';

// The same section titles in the languages the reader's list (page/kind.ts SELF_SECTION) leaves to
// finalize, whose size is free: Scandinavian "om mig", Finnish "minusta", Turkish "hakkımda" and
// "hakkımızda", Lithuanian "apie mus/mane", Latvian "par mums/mani".
const MORE = /^(?:om mig|om meg|minusta|hakk[ıi]mda|hakk[ıi]m[ıi]zda|apie mus|apie mane|par mums|par mani)$/i;

/** True when a text is a page section's own title ("About me", "Chi siamo", "Hakkımda"): no person's or site's name. */
export function sectionTitle(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return SELF_SECTION.test(t) || MORE.test(t);
}
