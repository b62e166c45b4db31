import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { optionsOf, Select } from '@/components/Select';
import { settings } from '@/components/settingsState';
import { CHANNEL_LABELS, ORIGIN_LABELS } from '@/lib/lead/labels';
import { CHANNELS, type Channel, ORIGINS } from '@/lib/lead/schema';
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
        <Select
          id="default-origin"
          label="Default origin"
          value={s.defaultOrigin}
          options={optionsOf(ORIGINS, ORIGIN_LABELS)}
          onChange={(defaultOrigin) => saveSetting('Default origin', (x) => ({ ...x, defaultOrigin }))}
        />
      </div>
      <div class="field">
        <Select
          id="default-stage"
          label="Default stage"
          value={s.defaultStage}
          options={selectableStages(s).map((stage) => ({ value: stage.id, label: stage.label }))}
          onChange={(defaultStage) => saveSetting('Default stage', (x) => ({ ...x, defaultStage }))}
        />
      </div>
      <div class="field">
        <Select<Channel | ''>
          id="default-channel"
          label="Default channel"
          value={s.defaultChannel ?? ''}
          options={[{ value: '', label: 'None' }, ...optionsOf(CHANNELS, CHANNEL_LABELS)]}
          onChange={(value) =>
            saveSetting('Default channel', (x) => ({ ...x, defaultChannel: value ? value : undefined }))
          }
        />
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
