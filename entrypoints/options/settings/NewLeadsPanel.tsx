import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { settings } from '@/components/settingsState';
import { CHANNEL_LABELS, ORIGIN_LABELS } from '@/lib/lead/labels';
import { CHANNELS, type Channel, ORIGINS, type Origin } from '@/lib/lead/schema';
import { asCountry } from '@/lib/normalize';
import { selectableStages, updateSettings } from '@/lib/settings';
import { saveSetting } from './model';

/** What a new lead starts with: origin, stage, channel and the country of national phone numbers. */
export function NewLeadsPanel() {
  const s = settings.value;
  return (
    <fieldset>
      <legend>New leads</legend>
      <div class="field">
        <label for="default-origin">Default origin</label>
        <select
          id="default-origin"
          value={s.defaultOrigin}
          onChange={(e) =>
            saveSetting('Default origin', (x) => ({
              ...x,
              defaultOrigin: (e.currentTarget as HTMLSelectElement).value as Origin,
            }))
          }
        >
          {ORIGINS.map((o) => (
            <option key={o} value={o}>
              {ORIGIN_LABELS[o]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="default-stage">Default stage</label>
        <select
          id="default-stage"
          value={s.defaultStage}
          onChange={(e) =>
            saveSetting('Default stage', (x) => ({ ...x, defaultStage: (e.currentTarget as HTMLSelectElement).value }))
          }
        >
          {selectableStages(s).map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="default-channel">Default channel</label>
        <select
          id="default-channel"
          value={s.defaultChannel ?? ''}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            return saveSetting('Default channel', (x) => ({
              ...x,
              defaultChannel: value ? (value as Channel) : undefined,
            }));
          }}
        >
          <option value="">None</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <CountryField />
    </fieldset>
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
