/**
 * Human labels for where a field's value came from (the extractor's FieldSource),
 * shown next to each form field so the user knows how far to trust it.
 */

const STRUCTURED = new Set(['json-ld', 'microdata', 'rdfa', 'h-card']);

const SITE_NAMES: Record<string, string> = {
  linkedin: 'LinkedIn',
  github: 'GitHub',
  x: 'X',
  twitter: 'X',
  crunchbase: 'Crunchbase',
  wellfound: 'Wellfound',
  angellist: 'Wellfound',
};

/** "json-ld" → "structured data", "site:linkedin-profile" → "LinkedIn", "user" → "typed by you". */
export function sourceLabel(source: string | undefined): string {
  if (!source) return '';
  if (STRUCTURED.has(source)) return 'structured data';
  if (source === 'meta' || source === 'title') return 'page metadata';
  if (source === 'heading') return 'page heading';
  if (source === 'contact') return 'page text';
  if (source === 'people-list') return 'page list';
  if (source === 'url') return 'page address';
  if (source === 'company') return 'company on this page';
  if (source === 'user') return 'typed by you';
  if (source === 'guessed') return 'guessed';
  if (source === 'picker') return 'picked by you';
  if (source === 'site-recipe') return 'site recipe';
  if (source.startsWith('site:')) {
    const site = source.slice(5).split('-')[0] ?? '';
    return SITE_NAMES[site] ?? (site ? site[0]?.toUpperCase() + site.slice(1) : 'this site');
  }
  return 'page';
}
