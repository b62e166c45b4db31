import { strings } from './loose';
import { nameKey } from './page/entity';
import { hostOf } from './page/people-lines';
import { isRoleLine } from './role-words';
import { domainLabel } from './site-name';

/**
 * What on the page vouches that a record's name is a person's (issue 17): a name the given-names
 * data does not know ("Mindfulness-Based Compassionate Living", "Betreiber der Website", "Github
 * Repos" all have a name's shape) stands only when the record's own evidence spells it or calls it
 * someone: an address or a profile link spelling one of its words, the site's domain named after
 * it, or a short role line under it. Runs in finalize (no bundle budget).
 */

type Loose = Record<string, unknown>;

const fold = (t: string) => t.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The name's words that can be spelled in an address or a link: the family name (3+ letters), other words of 4+. */
function nameWords(fullName: string): string[] {
  const parts = nameKey(fullName).split(' ').filter(Boolean).map(fold);
  const last = parts.length - 1;
  return parts.filter((w, i) => w.length >= 4 || (i === last && w.length >= 3));
}

/** The path of a link, folded ("/in/erik-van-den-brink-md" → "inerikvandenbrinkmd"); '' when it is none. */
function linkPath(href: string): string {
  try {
    return fold(decodeURIComponent(new URL(href).pathname));
  } catch {
    return '';
  }
}

/**
 * True when every profile link of `p` is the site's own account (its handle spells the domain:
 * "x.com/binaergewitter" on binaergewitter.de) and the domain does not spell `p`'s name: a theme's
 * widget ("Latest Tweets", "GitHub Repos") read as a card, not someone's.
 */
export function siteAccountsOnly(p: Loose, url: string): boolean {
  const links = strings(p.links);
  const label = domainLabel(url);
  if (!links.length || label.length < 4) return false;
  const name = typeof p.fullName === 'string' ? p.fullName : '';
  if (nameWords(name).some((w) => label.includes(w))) return false;
  return links.every((l) => {
    const handle = linkPath(l.split(/[?#]/)[0] ?? '');
    return handle.length >= 4 && (handle === label || handle.startsWith(label));
  });
}

/** Why `p`'s name is vouched for beyond its shape ('' = nothing does); `url`: the page's. */
export function nameEvidence(p: Loose, url: string): string {
  const name = typeof p.fullName === 'string' ? p.fullName : '';
  const words = nameWords(name);
  if (words.length) {
    for (const e of strings(p.emails)) {
      const local = fold(e.split('@')[0] ?? '');
      if (words.some((w) => local.includes(w))) return 'an address spells it';
    }
    for (const l of strings(p.links)) {
      const path = linkPath(l);
      if (words.some((w) => path.includes(w))) return 'a profile link spells it';
      // A personal site's host ("lejunjiang.com", "fjyang96.github.io"): its family name, not a platform's name.
      const family = words[words.length - 1] as string;
      if (family.length >= 3 && fold(hostOf(l).replace(/\.[a-z]+$/, '')).includes(family)) return 'a link spells it';
    }
    const label = domainLabel(url);
    if (label && words.some((w) => label.includes(w))) return "the site's domain spells it";
  }
  return isRoleLine(p.title) ? 'a role line' : '';
}
