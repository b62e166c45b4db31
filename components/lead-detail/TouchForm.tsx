import { useSignal } from '@preact/signals';
import type { NewTouch } from '@/lib/db/api';
import type { Channel } from '@/lib/lead/schema';
import { fromLocalInput, toLocalInput } from '../dates';
import { CHANNEL_OPTIONS } from '../leadOptions';
import { Select, type SelectOption } from '../Select';
import { settings } from '../settingsState';

const DIRECTIONS = [
  { value: 'out', label: 'Outbound (we reached out)' },
  { value: 'in', label: 'Inbound (they reached us)' },
] as const satisfies readonly SelectOption<'out' | 'in'>[];

/** Log touch: channel, direction, date (defaults to now), note, outcome. */
export function TouchForm(props: { prefix: string; onLog: (touch: NewTouch) => Promise<void> }) {
  const s = settings.value;
  const channel = useSignal<Channel>(s.defaultChannel ?? 'email');
  const direction = useSignal<'out' | 'in'>('out');
  const at = useSignal('');
  const note = useSignal('');
  const outcome = useSignal('');
  const open = useSignal(false);
  const id = `${props.prefix}-touch`;
  if (!open.value) {
    return (
      <button
        type="button"
        class="primary"
        onClick={() => {
          channel.value = settings.value.defaultChannel ?? 'email';
          at.value = toLocalInput(new Date().toISOString());
          open.value = true;
        }}
      >
        Log touch
      </button>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    const touch: NewTouch = {
      at: fromLocalInput(at.value) ?? new Date().toISOString(),
      channel: channel.value,
      direction: direction.value,
      ...(note.value.trim() ? { note: note.value.trim() } : {}),
      ...(outcome.value.trim() ? { outcome: outcome.value.trim() } : {}),
    };
    await props.onLog(touch);
    note.value = '';
    outcome.value = '';
    open.value = false;
  };
  return (
    <form class="touch-form" onSubmit={submit} aria-label="Log touch">
      <div class="field">
        <Select
          id={`${id}-channel`}
          label="Channel"
          value={channel.value}
          options={CHANNEL_OPTIONS}
          onChange={(value) => {
            channel.value = value;
          }}
        />
      </div>
      <div class="field">
        <Select
          id={`${id}-direction`}
          label="Direction"
          value={direction.value}
          options={DIRECTIONS}
          onChange={(value) => {
            direction.value = value;
          }}
        />
      </div>
      <div class="field">
        <label for={`${id}-at`}>When</label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          value={at.value}
          onInput={(e) => {
            at.value = (e.currentTarget as HTMLInputElement).value;
          }}
        />
      </div>
      <div class="field">
        <label for={`${id}-outcome`}>Outcome</label>
        <input
          id={`${id}-outcome`}
          value={outcome.value}
          maxLength={200}
          placeholder="e.g. left voicemail"
          onInput={(e) => {
            outcome.value = (e.currentTarget as HTMLInputElement).value;
          }}
        />
      </div>
      <div class="field field-wide">
        <label for={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note.value}
          onInput={(e) => {
            note.value = (e.currentTarget as HTMLTextAreaElement).value;
          }}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="primary">
          Save touch
        </button>
        <button
          type="button"
          onClick={() => {
            open.value = false;
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
