import { CHANNEL_LABELS, ORIGIN_LABELS } from '@/lib/lead/labels';
import { CHANNELS, type Channel, ORIGINS } from '@/lib/lead/schema';
import { type Settings, selectableStages } from '@/lib/settings';
import { optionsOf, type SelectOption } from './Select';

/**
 * The choices of a lead's fixed-list fields as the Selects offer them, written once for the
 * popup, the workspace and the settings.
 */

/** The origins a lead can have. */
export const ORIGIN_OPTIONS = optionsOf(ORIGINS, ORIGIN_LABELS);

/** The channels a touch can go through. */
export const CHANNEL_OPTIONS = optionsOf(CHANNELS, CHANNEL_LABELS);

/** The channels led by "None", where a new lead may start without one. */
export const CHANNEL_OR_NONE_OPTIONS: readonly SelectOption<Channel | ''>[] = [
  { value: '', label: 'None' },
  ...CHANNEL_OPTIONS,
];

/** The stages to choose from; `current` stays offered when it is archived or unknown. */
export function stageOptions(settings: Settings, current?: string): SelectOption<string>[] {
  return selectableStages(settings, current).map((stage) => ({ value: stage.id, label: stage.label }));
}
