/**
 * Email normalisation shared by the extractor, the store's dedupe keys and import.
 * Pure string work, safe in the injected page script.
 */

// Local part and domain per the common subset of RFC 5321 that real mailboxes use;
// quoted local parts and IP-literal domains are rejected on purpose (never prospects).
// `? # & %` are legal in RFC 5321 but no real prospect uses them, and inside a mailto: link they
// start headers (`sales%3Fbcc%3Dspy@evil.com` decodes to `sales?bcc=spy@…`), so they are refused.
const EMAIL =
  /^[a-z0-9!$'*+/=^_`{|}~-]+(?:\.[a-z0-9!$'*+/=^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}[a-z0-9]$/;

// "logo@2x.png" looks like an address; no real top-level domain is a file extension.
const FILE_TLD = /\.(png|jpe?g|gif|svg|webp|avif|ico|bmp|css|js|mjs|json|xml|pdf|mp4|webm|woff2?|ttf)$/;

/** Lower-cases and validates an address (accepts "mailto:" and "?subject=" forms); null when not an address. */
export function normalizeEmail(raw: string): string | null {
  if (!raw || raw.length > 512) return null;
  let text = raw.trim();
  if (/^mailto:/i.test(text)) {
    // "mailto://jane@acme.ro": a link written like a web address; no mailbox starts with "//".
    text = text.slice(7).replace(/^\/\//, '').split('?')[0] ?? '';
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

/**
 * A mailto: link for a stored address. The local part is percent-encoded so that whatever a
 * stored row holds (a backup from an older version, say) stays one recipient and adds no header.
 */
export function mailtoHref(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return `mailto:${encodeURIComponent(email)}`;
  return `mailto:${encodeURIComponent(email.slice(0, at))}@${encodeURIComponent(email.slice(at + 1))}`;
}
