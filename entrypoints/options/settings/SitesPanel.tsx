import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { grantedSites, revokeSite } from '@/lib/settings';

/** The sites where the detection script may count prospects, each with a Revoke button. */
export function SitesPanel() {
  const sites = useSignal<string[] | null>(null);
  const error = useSignal('');
  const load = () =>
    grantedSites().then(
      (list) => {
        sites.value = list;
      },
      (err: unknown) => {
        error.value = String(err);
        sites.value = [];
      },
    );
  useEffect(() => {
    void load();
  }, []);
  return (
    <fieldset>
      <legend>Sites with automatic detection</legend>
      <p class="muted small">
        Prospector reads a page only when you click it, except on sites you allowed here to show a count of prospects on
        the toolbar button.
      </p>
      {sites.value === null ? (
        <p class="muted">Loading…</p>
      ) : sites.value.length === 0 ? (
        <p class="muted">No site has been allowed. You can allow one from the popup on that site.</p>
      ) : (
        <ul class="site-list">
          {sites.value.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>{' '}
              <button
                type="button"
                aria-label={`Revoke ${origin}`}
                onClick={async () => {
                  try {
                    await revokeSite(origin);
                  } catch (err) {
                    error.value = `Could not revoke ${origin}: ${String(err)}`;
                  }
                  await load();
                }}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {error.value && <p class="error-text">{error.value}</p>}
    </fieldset>
  );
}
