import { CHANNEL_OR_NONE_OPTIONS, ORIGIN_OPTIONS, stageOptions } from '@/components/leadOptions';
import { Select, type SelectOption } from '@/components/Select';
import type { CaptureOptions } from '@/lib/capture/schemas';
import { CHANNEL_LABELS } from '@/lib/lead/labels';
import { stageLabel } from '@/lib/settings';
import { draft, setOptions, settings } from './model';

/** The save options chosen from a list. */
type ChoiceOption = 'origin' | 'stage' | 'channel';

/** One save option's list (id opt-<option>), bound to the draft's options. */
function OptionSelect<K extends ChoiceOption>(props: {
  option: K;
  label: string;
  options: readonly SelectOption<CaptureOptions[K]>[];
}) {
  const { option } = props;
  const value = draft.value?.options[option];
  if (value === undefined) return null;
  return (
    <Select
      id={`opt-${option}`}
      label={props.label}
      value={value}
      options={props.options}
      onChange={(chosen) => setOptions({ [option]: chosen })}
    />
  );
}

/** Origin, stage, channel, first touch and follow-up, set before saving (collapsed to a one-line summary). */
export function SaveOptions(props: { existingStage?: string | undefined }) {
  const d = draft.value;
  if (!d) return null;
  const o = d.options;
  const s = settings.value;
  const summary = [
    o.origin === 'inbound' ? 'Inbound' : 'Outbound',
    props.existingStage ? stageLabel(s, props.existingStage) : stageLabel(s, o.stage),
    o.channel ? CHANNEL_LABELS[o.channel] : null,
    o.touch.enabled ? 'first touch' : null,
    o.followUp ? `follow up ${o.followUp}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <details class="capture-options">
      <summary>
        Options: <span>{summary}</span>
      </summary>
      {props.existingStage ? (
        <p class="muted">Stage and origin stay as they are on the saved lead.</p>
      ) : (
        <div class="capture-grid">
          <OptionSelect option="origin" label="Origin" options={ORIGIN_OPTIONS} />
          <OptionSelect option="stage" label="Stage" options={stageOptions(s, o.stage)} />
        </div>
      )}
      <div class="capture-grid">
        <OptionSelect option="channel" label="Channel" options={CHANNEL_OR_NONE_OPTIONS} />
        <label for="opt-followup">Follow up on</label>
        <input
          id="opt-followup"
          type="date"
          value={o.followUp}
          onInput={(e) => setOptions({ followUp: e.currentTarget.value })}
        />
      </div>
      <label class="capture-check">
        <input
          type="checkbox"
          checked={o.touch.enabled}
          onChange={(e) => setOptions({ touch: { ...o.touch, enabled: e.currentTarget.checked } })}
        />
        Log a first touch now
      </label>
      {o.touch.enabled ? (
        <div class="capture-field">
          <label for="opt-touch">What you did</label>
          <input
            id="opt-touch"
            type="text"
            value={o.touch.note}
            placeholder="e.g. Sent a connection request"
            onInput={(e) => setOptions({ touch: { ...o.touch, note: e.currentTarget.value } })}
          />
        </div>
      ) : null}
    </details>
  );
}
