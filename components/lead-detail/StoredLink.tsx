import type { ComponentChildren } from 'preact';
import { parseHttpUrl } from '@/lib/normalize';

// Stored data may hold anything an older version or a restored backup let in, so nothing
// that renders it may throw: URLs are parsed with parseHttpUrl (null, never an exception).
/** The host a stored URL points at, without www.; the text itself when it is no URL. */
export function hostOf(url: string): string {
  return parseHttpUrl(url)?.hostname.replace(/^www\./, '') ?? url;
}

/** A stored link: a link when it is http(s), else its text (a `javascript:` URL is never a link). */
export function StoredLink(props: { url: string; children?: ComponentChildren }) {
  const url = parseHttpUrl(props.url);
  if (!url) return <span class="muted">{props.url.slice(0, 200)} (not a web link)</span>;
  return (
    <a href={url.href} target="_blank" rel="noopener noreferrer">
      {props.children ?? hostOf(props.url)}
    </a>
  );
}
