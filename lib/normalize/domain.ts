import { getDomain } from 'tldts';

/**
 * The registrable domain ("acme.co.uk", never "www.acme.co.uk" or "co.uk") of a host,
 * URL or address, using the public-suffix list (tldts). Not for the injected page
 * script: tldts carries the whole list (about 45 KB gzip).
 */
export function registrableDomain(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  const host = text.includes('@') ? text.slice(text.lastIndexOf('@') + 1) : text;
  // Private suffixes count: acme.github.io and acme.netlify.app are Acme's own sites, not GitHub's.
  const domain = getDomain(host, { allowPrivateDomains: true });
  return domain || null;
}
