import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ExportButtons } from '@/components/ExportButtons';
import { clearSnapshot } from '@/components/leadSnapshot';
import { store, subscribeLeads } from '@/components/store';
import { describeErased, eraseAllData } from '@/lib/erase';
import { bytes, ERASE_PHRASE, storageEstimate } from './model';

/** What is stored and how much room it takes, and "Erase all data" behind a typed phrase. */
export function DataPanel() {
  const count = useSignal<number | null>(null);
  const estimate = useSignal<{ usage: number; quota: number } | null>(null);
  const erasing = useSignal(false);
  const typed = useSignal('');
  const result = useSignal('');
  const load = () => {
    void store.count().then((n) => {
      count.value = n;
    });
    void storageEstimate().then((e) => {
      estimate.value = e;
    });
  };
  useEffect(() => {
    load();
    return subscribeLeads(load);
  }, []);
  const erase = async (e: Event) => {
    e.preventDefault();
    if (typed.value.trim() !== ERASE_PHRASE) return;
    // The popup's snapshot of its first rows would otherwise show erased names once more.
    const erased = await eraseAllData(store, clearSnapshot);
    erasing.value = false;
    typed.value = '';
    result.value = describeErased(erased);
    load();
  };
  return (
    <fieldset>
      <legend>Data</legend>
      <dl class="data-stats">
        <dt>Leads stored</dt>
        <dd>{count.value === null ? '…' : count.value.toLocaleString()}</dd>
        <dt>Storage used</dt>
        <dd>
          {estimate.value
            ? `${bytes(estimate.value.usage)} of ${bytes(estimate.value.quota)} the browser allows`
            : 'Not reported by this browser'}
        </dd>
      </dl>
      <p>
        Back up, export or import leads in <a href="#data">Import &amp; export</a>.
      </p>
      <p class="status" role="status">
        {result.value}
      </p>
      {!erasing.value ? (
        <button
          type="button"
          class="danger"
          onClick={() => {
            erasing.value = true;
            result.value = '';
          }}
        >
          Erase all data…
        </button>
      ) : (
        <form class="erase-box" onSubmit={erase} aria-labelledby="erase-heading">
          <h3 id="erase-heading">Erase all leads</h3>
          <p>
            This deletes all {count.value?.toLocaleString() ?? ''} leads from this browser, with the capture drafts,
            selections waiting for the popup and your settings and preferences, and cannot be undone.{' '}
            <strong>Make a backup first</strong> (a JSON file with every lead and your settings, which Import &amp;
            export can restore):
          </p>
          <ExportButtons formats={['json']} label="Download a backup" />
          <label for="erase-confirm">
            Type <strong>{ERASE_PHRASE}</strong> to confirm
          </label>
          <input
            id="erase-confirm"
            autocomplete="off"
            value={typed.value}
            onInput={(e) => {
              typed.value = (e.currentTarget as HTMLInputElement).value;
            }}
          />
          <div class="form-actions">
            <button type="submit" class="danger" disabled={typed.value.trim() !== ERASE_PHRASE}>
              Erase everything
            </button>
            <button
              type="button"
              onClick={() => {
                erasing.value = false;
                typed.value = '';
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </fieldset>
  );
}
