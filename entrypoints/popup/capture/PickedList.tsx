import type { FormDraft } from '@/lib/capture/schemas';
import { sourceLabel } from '@/lib/capture/sources';
import { slotsOf } from '@/lib/picker/fields';
import { PICK_FIELDS, type PickField } from '@/lib/picker/types';
import { discard, draft, selectAll, toggleRow } from './model';
import { assignLine, dropPick, pick, pickNotice, startPicking } from './pick';
import { useSelectAllBox } from './useSelectAllBox';

/** Names of the fields a line can be taken as, in the popup's words. */
const FIELD_NAMES: Record<PickField, string> = {
  fullName: 'Name',
  title: 'Title',
  companyName: 'Company',
  location: 'Location',
  emails: 'Email',
  links: 'Link',
  '': 'Not used',
};
const MAX_SLOTS = 12;
const MAX_ROWS = 500;

/** The people of a pick or a site recipe: each card's lines, the field each line was taken as, and one choice per line for every card. */
export function PickedList() {
  const d = draft.value;
  const p = pick.value;
  const { all, n, total } = useSelectAllBox();
  if (!d || !p) return null;
  const slots = slotsOf(p.records).slice(0, MAX_SLOTS);
  const source = sourceLabel(p.source);
  const more = p.total > p.records.length ? ` (the first ${p.records.length} of ${p.total})` : '';
  return (
    <section aria-labelledby="capture-heading">
      <h2 id="capture-heading" class="capture-heading">
        {total === 1 ? '1 person' : `${total} people`} {p.source === 'picker' ? 'picked on this page' : 'on this page'}
        {more}
      </h2>
      <p class="muted">
        Source: <span class="capture-source">{source}</span>
      </p>
      <fieldset class="pick-lines">
        <legend>Lines of each card</legend>
        {slots.map((s, i) => (
          <div class="pick-line" key={s.slot}>
            <label class="pick-line-label" for={`pick-line-${i}`}>
              “{s.example.length > 40 ? `${s.example.slice(0, 39)}…` : s.example}”
            </label>
            <select
              id={`pick-line-${i}`}
              value={p.mapping[s.slot] ?? ''}
              onChange={(e) => assignLine(s.slot, e.currentTarget.value as PickField)}
            >
              {PICK_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {FIELD_NAMES[f]}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <label class="capture-check capture-all">
        <input ref={all} type="checkbox" checked={n === total} onChange={(e) => selectAll(e.currentTarget.checked)} />
        Select all
      </label>
      <ul class="capture-rows" aria-label="People picked">
        {d.forms.slice(0, MAX_ROWS).map((form, i) => (
          <PickedRow key={form.key} form={form} index={i} checked={d.selected.includes(form.key)} source={source} />
        ))}
      </ul>
      <p>
        <button type="button" class="link-button" onClick={() => void dropPick().then(discard)}>
          Forget this list
        </button>
      </p>
    </section>
  );
}

function PickedRow(props: { form: FormDraft; index: number; checked: boolean; source: string }) {
  const { form } = props;
  const record = pick.value?.records[props.index];
  const mapping = pick.value?.mapping ?? {};
  return (
    <li class="capture-row">
      <label>
        <input type="checkbox" checked={props.checked} onChange={(e) => toggleRow(form.key, e.currentTarget.checked)} />
        <span class="capture-row-text">
          <span class="capture-row-name">
            {form.fullName || 'No name found'} <span class="capture-source">{props.source}</span>
          </span>
          {record ? (
            <span class="pick-record">
              {record.lines.slice(0, 8).map((line) => (
                <span key={line.slot} class="pick-record-line">
                  {mapping[line.slot] ? <span class="pick-field">{FIELD_NAMES[mapping[line.slot] ?? '']}:</span> : null}{' '}
                  {line.text}
                </span>
              ))}
              {form.emails.length ? (
                <span class="pick-record-line">
                  <span class="pick-field">Email:</span> {form.emails.join(', ')}
                </span>
              ) : null}
              {form.links.length ? (
                <span class="pick-record-line">
                  <span class="pick-field">Links:</span> {form.links.length}
                </span>
              ) : null}
            </span>
          ) : null}
        </span>
      </label>
    </li>
  );
}

/** "Pick people on this page": starts the in-page picker (on any capture view). */
export function PickButton() {
  return (
    <div class="pick-start">
      <button type="button" onClick={() => void startPicking()}>
        Pick people on this page
      </button>
      {pickNotice.value ? (
        <p role="status" class="muted">
          {pickNotice.value}
        </p>
      ) : null}
    </div>
  );
}
