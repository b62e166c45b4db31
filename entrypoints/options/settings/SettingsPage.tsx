import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ExportButtons } from '@/components/ExportButtons';
import { clearSnapshot } from '@/components/leadSnapshot';
import { optionsOf, Select } from '@/components/Select';
import { settings } from '@/components/settingsState';
import { store, subscribeLeads } from '@/components/store';
import { describeErased, eraseAllData } from '@/lib/erase';
import { CHANNEL_LABELS, ORIGIN_LABELS } from '@/lib/lead/labels';
import { CHANNELS, type Channel, ORIGINS } from '@/lib/lead/schema';
import { asCountry } from '@/lib/normalize';
import {
  addStage,
  DATE_FORMATS,
  type DateFormat,
  formatDate,
  grantedSites,
  MAX_STAGES,
  moveStage,
  renameStage,
  revokeSite,
  type Settings,
  selectableStages,
  setStageArchived,
  THEMES,
  type Theme,
  updateSettings,
} from '@/lib/settings';
import { bytes, ERASE_PHRASE, stageCounts, storageEstimate } from './model';
import { SiteRecipes } from './SiteRecipes';
import { TeamSyncPanel } from './TeamSyncPanel';

const THEME_LABELS: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };
const DATE_LABELS: Record<DateFormat, string> = {
  system: 'Browser default',
  iso: 'ISO (2026-03-31)',
  dmy: 'Day first (31/03/2026)',
  mdy: 'Month first (03/31/2026)',
};

/** Settings section of the workspace (issue 6): appearance, new-lead defaults, pipeline, reminders, sites, data. */
export function SettingsPage() {
  const status = useSignal('');
  const change = async (what: string, fn: (s: Settings) => Settings) => {
    await updateSettings(fn);
    status.value = `${what} saved.`;
  };
  const s = settings.value;
  return (
    <section class="settings-page" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <p class="status" role="status">
        {status.value}
      </p>

      <fieldset>
        <legend>Appearance</legend>
        <div class="field">
          <span id="theme-label">Theme</span>
          <div role="radiogroup" aria-labelledby="theme-label" class="radio-row">
            {THEMES.map((t) => (
              <label key={t} class="checkbox">
                <input
                  type="radio"
                  name="theme"
                  value={t}
                  checked={s.theme === t}
                  onChange={() => change('Theme', (x) => ({ ...x, theme: t }))}
                />
                {THEME_LABELS[t]}
              </label>
            ))}
          </div>
        </div>
        <div class="field">
          <Select
            id="date-format"
            label="Date format"
            value={s.dateFormat}
            options={optionsOf(DATE_FORMATS, DATE_LABELS)}
            onChange={(dateFormat) => change('Date format', (x) => ({ ...x, dateFormat }))}
          />
          <span class="muted small">Example: {formatDate(new Date().toISOString(), s.dateFormat)}</span>
        </div>
      </fieldset>

      <fieldset>
        <legend>New leads</legend>
        <div class="field">
          <Select
            id="default-origin"
            label="Default origin"
            value={s.defaultOrigin}
            options={optionsOf(ORIGINS, ORIGIN_LABELS)}
            onChange={(defaultOrigin) => change('Default origin', (x) => ({ ...x, defaultOrigin }))}
          />
        </div>
        <div class="field">
          <Select
            id="default-stage"
            label="Default stage"
            value={s.defaultStage}
            options={selectableStages(s).map((stage) => ({ value: stage.id, label: stage.label }))}
            onChange={(defaultStage) => change('Default stage', (x) => ({ ...x, defaultStage }))}
          />
        </div>
        <div class="field">
          <Select<Channel | ''>
            id="default-channel"
            label="Default channel"
            value={s.defaultChannel ?? ''}
            options={[{ value: '', label: 'None' }, ...optionsOf(CHANNELS, CHANNEL_LABELS)]}
            onChange={(value) =>
              change('Default channel', (x) => ({ ...x, defaultChannel: value ? value : undefined }))
            }
          />
        </div>
        <CountryField />
      </fieldset>

      <Pipeline onChange={change} />

      <fieldset>
        <legend>Reminders</legend>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={s.reminders}
            onChange={async (e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              await change('Reminders', (x) => ({ ...x, reminders: on }));
            }}
          />
          Notify me when a follow-up is due
        </label>
        <p class="muted small">The toolbar badge always counts the follow-ups due today.</p>
      </fieldset>

      <Sites />
      <SiteRecipes />
      <TeamSyncPanel />
      <DataPanel />
    </section>
  );
}

function CountryField() {
  const s = settings.value;
  const draft = useSignal(s.defaultCountry ?? '');
  const error = useSignal('');
  useEffect(() => {
    draft.value = s.defaultCountry ?? '';
  }, [s.defaultCountry]);
  const commit = async () => {
    const text = draft.value.trim();
    if (!text) {
      error.value = '';
      await updateSettings((x) => ({ ...x, defaultCountry: undefined }));
      return;
    }
    const country = asCountry(text);
    if (!country) {
      error.value = 'Use a two-letter country code such as US, GB or DE';
      return;
    }
    error.value = '';
    await updateSettings((x) => ({ ...x, defaultCountry: country }));
  };
  return (
    <div class="field">
      <label for="default-country">Default phone country</label>
      <input
        id="default-country"
        maxLength={2}
        size={4}
        value={draft.value}
        aria-invalid={error.value ? true : undefined}
        aria-describedby="default-country-hint"
        onInput={(e) => {
          draft.value = (e.currentTarget as HTMLInputElement).value.toUpperCase();
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
        }}
      />
      <span id="default-country-hint" class={error.value ? 'error-text small' : 'muted small'}>
        {error.value || 'Numbers without a +country code are read as this country.'}
      </span>
    </div>
  );
}

function Pipeline(props: { onChange: (what: string, fn: (s: Settings) => Settings) => Promise<void> }) {
  const s = settings.value;
  const counts = useSignal<Record<string, number>>({});
  const newStage = useSignal('');
  useEffect(() => {
    const load = () => {
      void stageCounts(
        store,
        s.stages.map((x) => x.id),
      ).then((c) => {
        counts.value = c;
      });
    };
    load();
    return subscribeLeads(load);
  }, [s.stages.map((x) => x.id).join()]);
  return (
    <fieldset>
      <legend>Pipeline stages</legend>
      <p class="muted small">
        Renaming keeps every lead on its stage. Archived stages leave the pickers, but their leads keep the stage and
        stay listed and filterable.
      </p>
      <ol class="stage-list">
        {s.stages.map((stage, i) => (
          <li key={stage.id} class={stage.archived ? 'archived' : undefined}>
            <label for={`stage-${stage.id}`} class="visually-hidden">
              Name of stage {i + 1}
            </label>
            <input
              id={`stage-${stage.id}`}
              value={stage.label}
              maxLength={60}
              onBlur={(e) => {
                const label = (e.currentTarget as HTMLInputElement).value;
                if (label.trim() && label !== stage.label)
                  void props.onChange('Stage name', (x) => renameStage(x, stage.id, label));
              }}
            />
            <span class="muted small">
              {counts.value[stage.id] ?? '…'} {counts.value[stage.id] === 1 ? 'lead' : 'leads'}
              {stage.archived ? ' · archived' : ''}
            </span>
            <button
              type="button"
              aria-label={`Move ${stage.label} up`}
              disabled={i === 0}
              onClick={() => props.onChange('Stage order', (x) => moveStage(x, stage.id, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${stage.label} down`}
              disabled={i === s.stages.length - 1}
              onClick={() => props.onChange('Stage order', (x) => moveStage(x, stage.id, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              onClick={() => props.onChange('Stage', (x) => setStageArchived(x, stage.id, !stage.archived))}
              disabled={!stage.archived && s.stages.filter((x) => !x.archived).length === 1}
            >
              {stage.archived ? `Restore ${stage.label}` : `Archive ${stage.label}`}
            </button>
          </li>
        ))}
      </ol>
      <form
        class="add-value"
        onSubmit={(e) => {
          e.preventDefault();
          const label = newStage.value;
          newStage.value = '';
          if (label.trim()) void props.onChange('New stage', (x) => addStage(x, label));
        }}
      >
        <label for="new-stage">New stage</label>
        <input
          id="new-stage"
          maxLength={60}
          value={newStage.value}
          onInput={(e) => {
            newStage.value = (e.currentTarget as HTMLInputElement).value;
          }}
        />
        <button type="submit" disabled={s.stages.length >= MAX_STAGES}>
          Add stage
        </button>
        {s.stages.length >= MAX_STAGES && (
          <p class="muted">The pipeline holds at most {MAX_STAGES} stages; archive or rename one instead.</p>
        )}
      </form>
    </fieldset>
  );
}

function Sites() {
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

function DataPanel() {
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
