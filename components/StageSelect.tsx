import { selectableStages, stageLabel } from '@/lib/settings';
import { settings } from './settingsState';

/** A stage picker styled as a chip; shows archived or unknown stages of this lead too, so none is lost. */
export function StageSelect(props: {
  value: string;
  label: string;
  onChange: (stage: string) => void;
  disabled?: boolean;
  id?: string;
  /** -1 inside lists with roving focus, where digit keys change the stage instead. */
  tabIndex?: number;
}) {
  const s = settings.value;
  return (
    <select
      id={props.id}
      class="stage-chip"
      data-stage={props.value}
      aria-label={props.label}
      value={props.value}
      disabled={props.disabled}
      tabIndex={props.tabIndex}
      onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {selectableStages(s, props.value).map((stage) => (
        <option key={stage.id} value={stage.id}>
          {stageLabel(s, stage.id)}
          {stage.archived ? ' (archived)' : ''}
        </option>
      ))}
    </select>
  );
}

/** The stage after `current` in the live pipeline (wraps to none at the end). */
export function nextStage(current: string): string | undefined {
  const live = selectableStages(settings.value).map((s) => s.id);
  const index = live.indexOf(current);
  return index >= 0 ? live[index + 1] : live[0];
}

/** The stage that digit key `n` (1..9) picks in the live pipeline. */
export function stageByDigit(n: number): string | undefined {
  return selectableStages(settings.value)[n - 1]?.id;
}
