import { optionsOf, Select } from '@/components/Select';
import { CHANNEL_LABELS, ORIGIN_LABELS } from '@/lib/lead/labels';
import { CHANNELS, type Channel, ORIGINS } from '@/lib/lead/schema';
import { selectableStages, stageLabel } from '@/lib/settings';
import { draft, setOptions, settings } from './model';

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
          <Select
            id="opt-origin"
            label="Origin"
            value={o.origin}
            options={optionsOf(ORIGINS, ORIGIN_LABELS)}
            onChange={(origin) => setOptions({ origin })}
          />
          <Select
            id="opt-stage"
            label="Stage"
            value={o.stage}
            options={selectableStages(s, o.stage).map((st) => ({ value: st.id, label: st.label }))}
            onChange={(stage) => setOptions({ stage })}
          />
        </div>
      )}
      <div class="capture-grid">
        <Select<Channel | ''>
          id="opt-channel"
          label="Channel"
          value={o.channel}
          options={[{ value: '', label: 'None' }, ...optionsOf(CHANNELS, CHANNEL_LABELS)]}
          onChange={(channel) => setOptions({ channel })}
        />
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
