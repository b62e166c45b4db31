/**
 * Email normalisation shared by the extractor, the store's dedupe keys and import.
 * Pure string work, safe in the injected page script.
 */

// Local part and domain per the common subset of RFC 5321 that real mailboxes use;
// quoted local parts and IP-literal domains are rejected on purpose (never prospects).
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}[a-z0-9]$/;

// "logo@2x.png" looks like an address; no real top-level domain is a file extension.
const FILE_TLD = /\.(png|jpe?g|gif|svg|webp|avif|ico|bmp|css|js|mjs|json|xml|pdf|mp4|webm|woff2?|ttf)$/;

/** Lower-cases and validates an address (accepts "mailto:" and "?subject=" forms); null when not an address. */
export function normalizeEmail(raw: string): string | null {
  if (!raw || raw.length > 512) return null;
  let text = raw.trim();
  if (/^mailto:/i.test(text)) {
    text = text.slice(7).split('?')[0] ?? '';
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
    // mailto: may list several recipients; the first is the one a card belongs to.
    text = text.split(',')[0]?.trim() ?? '';
  }
  text = text.replace(/^<|>$/g, '').toLowerCase();
  if (text.length > 254) return null;
  const [local, domain] = text.split('@');
  if (!local || !domain || local.length > 64) return null;
  return EMAIL.test(text) && !FILE_TLD.test(text) ? text : null;
}

/** The domain part of a normalised address. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
