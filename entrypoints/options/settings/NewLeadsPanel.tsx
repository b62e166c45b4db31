import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { CHANNEL_OR_NONE_OPTIONS, ORIGIN_OPTIONS, stageOptions } from '@/components/leadOptions';
import { settings } from '@/components/settingsState';
import { asCountry } from '@/lib/normalize';
import { updateSettings } from '@/lib/settings';
import { SettingSelect } from './SettingSelect';

/** What a new lead starts with: origin, stage, channel and the country of national phone numbers. */
export function NewLeadsPanel() {
  const s = settings.value;
  return (
    <fieldset>
      <legend>New leads</legend>
      <SettingSelect id="default-origin" label="Default origin" setting="defaultOrigin" options={ORIGIN_OPTIONS} />
      <SettingSelect id="default-stage" label="Default stage" setting="defaultStage" options={stageOptions(s)} />
      <SettingSelect
        id="default-channel"
        label="Default channel"
        setting="defaultChannel"
        options={CHANNEL_OR_NONE_OPTIONS}
      />
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
