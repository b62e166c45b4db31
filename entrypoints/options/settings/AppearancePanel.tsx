import { optionsOf } from '@/components/Select';
import { settings } from '@/components/settingsState';
import { DATE_FORMATS, type DateFormat, formatDate, THEMES, type Theme } from '@/lib/settings';
import { saveSetting } from './model';
import { SettingSelect } from './SettingSelect';

const THEME_LABELS: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };
const DATE_LABELS: Record<DateFormat, string> = {
  system: 'Browser default',
  iso: 'ISO (2026-03-31)',
  dmy: 'Day first (31/03/2026)',
  mdy: 'Month first (03/31/2026)',
};

const DATE_OPTIONS = optionsOf(DATE_FORMATS, DATE_LABELS);

/** Theme and date format. */
export function AppearancePanel() {
  const s = settings.value;
  return (
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
                onChange={() => saveSetting('Theme', (x) => ({ ...x, theme: t }))}
              />
              {THEME_LABELS[t]}
            </label>
          ))}
        </div>
      </div>
      <SettingSelect id="date-format" label="Date format" setting="dateFormat" options={DATE_OPTIONS}>
        <span class="muted small">Example: {formatDate(new Date().toISOString(), s.dateFormat)}</span>
      </SettingSelect>
    </fieldset>
  );
}
