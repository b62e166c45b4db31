import { absUrl } from './entity';

/**
 * A record's photo, lazy-loading themes included: `src` unless it is a data:
 * placeholder or a 1×1 spacer, else `data-src`, `data-lazy-src`, `data-original`, the
 * first `srcset`/`data-srcset` candidate, or the `<noscript>` copy such themes add.
 * SVG icons are never photos.
 */
const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-srcset', 'srcset', 'data-bg'];
const PLACEHOLDER = /^data:|spacer|blank\.(gif|png)|placeholder|lazy[-_]?load|1x1|pixel\.(gif|png)/i;
const NOT_PHOTO = /\.svg(\?|#|$)|\/(icons?|logos?|flags?)\//i;

/** The URL one <img> shows (or will show once lazy-loaded); '' when it is a placeholder or icon. */
export function imageUrl(img: Element, base: string): string {
  // Read one attribute at a time: most images have a usable src, and their lazy attributes are never read.
  for (let i = -1; i < LAZY_ATTRS.length; i++) {
    const raw = img.getAttribute(i < 0 ? 'src' : (LAZY_ATTRS[i] as string)) ?? '';
    // srcset: "a.jpg 1x, b.jpg 2x" → the first URL.
    const first = raw.trim().split(',')[0]?.trim().split(/\s+/)[0] ?? '';
    if (!first || PLACEHOLDER.test(first)) continue;
    const url = absUrl(first, base);
    if (url && !NOT_PHOTO.test(url)) return url;
  }
  return '';
}

/** The first photo within `root`: its images in order, then the <noscript> copies of lazy ones. */
export function photoOf(root: Element, base: string): string {
  // getElementsByTagName is live and cheap; the [data-bg] query runs only for cards without an <img>.
  const imgs = root.getElementsByTagName('img');
  const list = imgs.length ? imgs : root.querySelectorAll('[data-bg]');
  for (let i = 0; i < list.length && i < 8; i++) {
    const url = imageUrl(list[i] as Element, base);
    if (url) return url;
  }
  const ns = root.querySelector('noscript');
  const m = ns ? /<img[^>]+src=["']([^"']+)["']/i.exec(ns.textContent ?? '') : null;
  if (m?.[1] && !PLACEHOLDER.test(m[1])) {
    const url = absUrl(m[1], base);
    if (url && !NOT_PHOTO.test(url)) return url;
  }
  return '';
}
