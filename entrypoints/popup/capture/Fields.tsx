import { GuessedEmail } from '@/components/GuessedEmail';
import { FIELD_LABELS, type FormDraft, LIST_FIELDS, type ListField, type ScalarField } from '@/lib/capture/schemas';
import { sourceLabel } from '@/lib/capture/sources';
import type { LeadDraft } from '@/lib/lead/schema';
import { acceptGuessedEmail, setField, setListValue, showField } from './model';

/** Fields always shown (the ones a prospect is recognised by); others appear when filled or added by hand. */
const ALWAYS: (ScalarField | ListField)[] = ['fullName', 'title', 'companyName', 'companyDomain', 'emails'];
const ORDER: (ScalarField | ListField)[] = [
  'fullName',
  'title',
  'companyName',
  'companyDomain',
  'location',
  'emails',
  'phones',
  'links',
  'tags',
  'notes',
];
// inputmode, not type: the form validates on save, so a half-typed address never blocks Enter.
const INPUT_MODE: Partial<Record<ListField, 'email' | 'tel' | 'url'>> = {
  emails: 'email',
  phones: 'tel',
  links: 'url',
};
const ONE_LABEL: Record<ListField, string> = { emails: 'Email', phones: 'Phone', links: 'Link', tags: 'Tag' };

function Source(props: { form: FormDraft; field: string }) {
  const label = sourceLabel(props.form.sources[props.field]);
  return label ? <span class="capture-source">{label}</span> : null;
}

function isShown(form: FormDraft, field: ScalarField | ListField): boolean {
  if (ALWAYS.includes(field) || form.shown.includes(field)) return true;
  const value = form[field];
  return Array.isArray(value) ? value.length > 0 : value.trim() !== '';
}

/** The editable lead form: each field labelled, with where its value came from, plus "Add field". */
export function LeadFields(props: { form: FormDraft; lead?: LeadDraft | undefined }) {
  const { form } = props;
  const id = (field: string, i?: number) => `f-${form.key}-${field}${i === undefined ? '' : `-${i}`}`;
  const hidden = ORDER.filter((f) => !isShown(form, f) || (LIST_FIELDS as readonly string[]).includes(f));
  return (
    <div class="capture-fields">
      {ORDER.filter((f) => isShown(form, f)).map((field) => {
        if ((LIST_FIELDS as readonly string[]).includes(field)) {
          const list = field as ListField;
          const values = form[list].length > 0 ? form[list] : [''];
          return (
            <fieldset key={field} class="capture-list">
              <legend>
                {FIELD_LABELS[list]} <Source form={form} field={list} />
              </legend>
              {values.map((value, i) => (
                // Values are edited in place, so their index is their identity.
                <div class="capture-list-row" key={i}>
                  <input
                    id={id(list, i)}
                    type="text"
                    inputMode={INPUT_MODE[list] ?? 'text'}
                    aria-label={`${ONE_LABEL[list]} ${i + 1}`}
                    value={value}
                    onInput={(e) => setListValue(form.key, list, i, e.currentTarget.value)}
                  />
                  {form[list].length > 0 ? (
                    <button
                      type="button"
                      class="capture-remove"
                      aria-label={`Remove ${ONE_LABEL[list].toLowerCase()} ${value || i + 1}`}
                      onClick={() => setListValue(form.key, list, i, null)}
                    >
                      ×
                    </button>
                  ) : null}
                </div>
              ))}
              {list === 'emails' && props.lead ? (
                <GuessedEmail lead={props.lead} onAccept={(point) => acceptGuessedEmail(form.key, point)} />
              ) : null}
            </fieldset>
          );
        }
        const scalar = field as ScalarField;
        return (
          <div key={field} class="capture-field">
            <label for={id(scalar)}>
              {FIELD_LABELS[scalar]} <Source form={form} field={scalar} />
            </label>
            {scalar === 'notes' ? (
              <textarea
                id={id(scalar)}
                rows={3}
                value={form.notes}
                onInput={(e) => setField(form.key, scalar, e.currentTarget.value)}
              />
            ) : (
              <input
                id={id(scalar)}
                type="text"
                value={form[scalar]}
                autoComplete="off"
                onInput={(e) => setField(form.key, scalar, e.currentTarget.value)}
              />
            )}
          </div>
        );
      })}
      <div class="capture-field">
        <label for={id('add')}>Add field</label>
        <select
          id={id('add')}
          value=""
          onChange={(e) => {
            const field = e.currentTarget.value as ScalarField | ListField;
            e.currentTarget.value = '';
            if (!field) return;
            showField(form.key, field);
            // Move focus to the field just added so typing can go on without the mouse.
            requestAnimationFrame(() => {
              const inputs = document.querySelectorAll<HTMLElement>(`[id^="${id(field)}"]`);
              inputs[inputs.length - 1]?.focus();
            });
          }}
        >
          <option value="">Choose a field…</option>
          {hidden.map((f) => (
            <option key={f} value={f}>
              {(LIST_FIELDS as readonly string[]).includes(f)
                ? `Another ${ONE_LABEL[f as ListField].toLowerCase()}`
                : FIELD_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
