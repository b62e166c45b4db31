import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';

/** The host pattern of a page ("https://www.linkedin.com/*"), or null for pages no site permission covers. */
export function sitePattern(pageUrl: string): string | null {
  try {
    const url = new URL(pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? `${url.protocol}//${url.hostname}/*` : null;
  } catch {
    return null;
  }
}

/**
 * "Count prospects on this site without a click": asks for this one host at the moment the
 * user turns it on (optional host permission); the background then registers the detection
 * script there. Turning it off (here or in Settings) revokes the host again.
 */
export function DetectToggle(props: { pageUrl: string }) {
  const pattern = sitePattern(props.pageUrl);
  const [state, setState] = useState<'hidden' | 'on' | 'off'>('hidden');
  useEffect(() => {
    // A build with install-time hosts (the e2e flavour) has nothing to grant per site.
    if (!pattern || (browser.runtime.getManifest().host_permissions ?? []).length > 0) {
      setState('hidden');
      return;
    }
    browser.permissions
      .contains({ origins: [pattern] })
      .then((on) => setState(on ? 'on' : 'off'))
      .catch(() => setState('hidden'));
  }, [pattern]);
  if (state === 'hidden' || !pattern) return null;
  const host = new URL(props.pageUrl).hostname;
  const onChange = (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    // permissions.request must run inside the click's user gesture: no await before it.
    const change = on
      ? browser.permissions.request({ origins: [pattern] })
      : browser.permissions.remove({ origins: [pattern] }).then((removed) => !removed);
    change.then((granted) => setState(granted ? 'on' : 'off')).catch(() => setState(on ? 'off' : 'on'));
  };
  return (
    <div class="capture-detect">
      <label class="capture-check">
        <input type="checkbox" checked={state === 'on'} onChange={onChange} aria-describedby="capture-detect-hint" />
        Count prospects on {host} without a click
      </label>
      <p id="capture-detect-hint" class="muted">
        Asks your browser for access to this site only. Turn it off here or in Settings.
      </p>
    </div>
  );
}
