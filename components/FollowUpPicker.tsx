import { fromLocalInput, QUICK_PICKS, quickPickDate, toLocalInput } from './dates';

/** Next follow-up: a date-time input, quick picks (tomorrow, in 3 days, next week) and Clear. */
export function FollowUpPicker(props: {
  id: string;
  value: string | undefined;
  onChange: (iso: string | undefined) => void;
}) {
  return (
    <fieldset class="follow-up">
      <legend>Next follow-up</legend>
      <label class="visually-hidden" for={props.id}>
        Next follow-up date and time
      </label>
      <input
        id={props.id}
        type="datetime-local"
        value={toLocalInput(props.value)}
        onChange={(e) => props.onChange(fromLocalInput((e.currentTarget as HTMLInputElement).value))}
      />
      <div class="quick-picks">
        {QUICK_PICKS.map((pick) => (
          <button
            key={pick.id}
            type="button"
            aria-label={`Follow up ${pick.label.toLowerCase()}`}
            onClick={() => props.onChange(quickPickDate(pick.id))}
          >
            {pick.label}
          </button>
        ))}
        {props.value && (
          <button type="button" aria-label="Clear follow-up" onClick={() => props.onChange(undefined)}>
            Clear
          </button>
        )}
      </div>
    </fieldset>
  );
}
