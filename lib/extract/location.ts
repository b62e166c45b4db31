/**
 * A location as the lead model keeps it (issue 17): a contact label the reader swept up after the
 * town ("Kaufungen Tel", where the line "Tel.: …" follows the postcode and town) is no part of it.
 * Runs in finalize.
 */

// Contact labels that follow a town on a notice's line: "Kaufungen Tel", "Wien Telefon:", "Lyon Tél.".
const TRAILING_LABEL =
  /\s{1,3}(?:tel|tél|telefon|telefono|teléfono|telefone|fon|phone|fax|mobil|mobile|e-?mail|mail|web)\.?\s{0,3}:?$/i;

/** `location` without a contact label after it ("Kaufungen Tel" → "Kaufungen"). */
export function townOf(location: string): string {
  const t = location.replace(TRAILING_LABEL, '').trim();
  return t.length >= 2 ? t : location;
}
