import type { ComponentChildren } from 'preact';
import { Select, type SelectOption } from '@/components/Select';
import { settings } from '@/components/settingsState';
import type { Settings } from '@/lib/settings';
import { saveSetting } from './model';

/** The settings whose value is one choice of a list (an optional one is '' when unset). */
type ChoiceSetting = {
  [K in keyof Settings]-?: NonNullable<Settings[K]> extends string ? K : never;
}[keyof Settings];

/**
 * One choice setting in its field row: shows the stored value and saves a change at once,
 * saying so under the field's label. Children follow the list (a hint, an example).
 */
export function SettingSelect<K extends ChoiceSetting>(props: {
  id: string;
  label: string;
  setting: K;
  options: readonly SelectOption<NonNullable<Settings[K]> | ''>[];
  children?: ComponentChildren;
}) {
  const { setting } = props;
  return (
    <div class="field">
      <Select
        id={props.id}
        label={props.label}
        value={settings.value[setting] ?? ''}
        options={props.options}
        onChange={(value) => saveSetting(props.label, (s) => ({ ...s, [setting]: value === '' ? undefined : value }))}
      />
      {props.children}
    </div>
  );
}
