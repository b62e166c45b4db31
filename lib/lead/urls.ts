/**
 * Only http(s) web addresses are stored in a lead's URL fields: a `javascript:` or
 * `data:` value from a hostile page or file would otherwise travel into links, backups and
 * CSV. A value that is no web address is not dropped: it is kept as text in the notes.
 */

/** True for an absolute http: or https: URL that parses. */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A host written without a scheme ("acme.com", "www.acme.com/team"), which files and forms often hold. */
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** The value as a web address: as it is when http(s), with https:// added to a bare host; else null. */
export function asWebAddress(value: string): string | null {
  const text = value.trim();
  if (isHttpUrl(text)) return text;
  if (BARE_HOST.test(text) && isHttpUrl(`https://${text}`)) return `https://${text}`;
  return null;
}

/** The prefix of a notes line that keeps a value that was no web address. */
export const KEPT_AS_TEXT = 'Kept as text (not a web address)';

/** The notes line for a value moved out of a URL field. */
export function keptLine(field: string, value: string): string {
  return `${KEPT_AS_TEXT}, ${field}: ${value}`;
}

interface UrlFields {
  links?: string[] | undefined;
  photoUrl?: string | undefined;
  companyWebsite?: string | undefined;
  sources?: { url?: string | undefined; file?: string | undefined }[] | undefined;
}

/**
 * Makes every URL field of a lead or draft a web address: bare hosts get https://, our own
 * import provenance "file:name.csv" becomes `file`, and any other value leaves its field and
 * comes back as a notes line (see keptLine). Returns a copy and the lines; the input is unchanged.
 */
export function webAddressesOnly<T extends UrlFields>(lead: T): { lead: T; lines: string[] } {
  const lines: string[] = [];
  const out: T = { ...lead };
  if (lead.links) {
    const kept: string[] = [];
    for (const link of lead.links) {
      const web = asWebAddress(link);
      if (web) kept.push(web);
      else lines.push(keptLine('link', link));
    }
    out.links = [...new Set(kept)];
  }
  for (const field of ['photoUrl', 'companyWebsite'] as const) {
    const value = lead[field];
    if (value === undefined || value === '') continue;
    const web = asWebAddress(value);
    if (web) out[field] = web;
    else {
      delete out[field];
      lines.push(keptLine(field, value));
    }
  }
  if (lead.sources) {
    out.sources = lead.sources.map((source) => {
      if (source.url === undefined || isHttpUrl(source.url)) return source;
      const { url, ...rest } = source;
      // Older imports recorded their file as "file:<name>": that is the file, not a link.
      if (/^file:/i.test(url) && !rest.file) return { ...rest, file: url.slice(5).slice(0, 300) };
      const web = asWebAddress(url);
      if (web) return { ...source, url: web };
      lines.push(keptLine('source', url));
      return rest;
    });
  }
  return { lead: out, lines };
}

/** Notes with the given lines appended, each once (a line already in the notes is not repeated). */
export function appendNotes(notes: string | undefined, lines: readonly string[]): string | undefined {
  const current = notes ?? '';
  const fresh = [...new Set(lines)].filter((line) => !current.split('\n').includes(line));
  if (fresh.length === 0) return notes;
  return current ? `${current}\n${fresh.join('\n')}` : fresh.join('\n');
}
