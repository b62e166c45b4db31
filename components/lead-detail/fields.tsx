import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { EditableField, Lead } from '@/lib/lead/schema';
import { parseHttpUrl, registrableDomain } from '@/lib/normalize';

/**
 * The lead's scalar fields as the detail edits them: which input each gets, how a typed
 * value is checked, and the editor that saves it and says where the value came from.
 */

/** How a field is typed and checked. */
export type FieldKind = 'text' | 'url' | 'domain' | 'textarea';

/**
 * The Details section, in display order. Keyed by every editable field but notes (which
 * has its own section), so a new editable field does not compile until the detail shows it.
 */
export const DETAIL_FIELDS = {
  fullName: { label: 'Full name', kind: 'text' },
  firstName: { label: 'First name', kind: 'text' },
  lastName: { label: 'Last name', kind: 'text' },
  title: { label: 'Title', kind: 'text' },
  location: { label: 'Location', kind: 'text' },
  companyName: { label: 'Company', kind: 'text' },
  companyDomain: { label: 'Company domain', kind: 'domain' },
  companyWebsite: { label: 'Company website', kind: 'url' },
  industry: { label: 'Industry', kind: 'text' },
  companySize: { label: 'Company size', kind: 'text' },
  companyLocation: { label: 'Company location', kind: 'text' },
  photoUrl: { label: 'Photo URL', kind: 'url' },
} as const satisfies Record<Exclude<EditableField, 'notes'>, { label: string; kind: FieldKind }>;
/** A field of the Details section. */
export type DetailField = keyof typeof DETAIL_FIELDS;

/**
 * A web address a user typed, or null. Chrome's URL parser percent-encodes spaces in a
 * host ("https://not a url" parses), so the host is checked for a real domain name too.
 */
export function webAddress(raw: string): URL | null {
  const text = raw.trim();
  const url = parseHttpUrl(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  return url && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname) ? url : null;
}

/** Validates one scalar field; returns the value to store or an error message. */
export function validateField(kind: FieldKind, raw: string): { value: string | undefined } | { error: string } {
  const text = raw.trim();
  if (!text) return { value: undefined };
  if (kind === 'url') {
    const url = webAddress(text);
    return url ? { value: url.href } : { error: linkError(text) };
  }
  if (kind === 'domain') {
    const host = text.replace(/^https?:\/\//i, '').split(/[/?#]/)[0] ?? '';
    const domain = registrableDomain(host);
    return domain ? { value: domain } : { error: 'Enter a domain such as example.com' };
  }
  return { value: text };
}

/** Why a typed link is refused: only http(s) links are stored. */
export function linkError(raw: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw.trim())?.[1]?.toLowerCase();
  return scheme && scheme !== 'http' && scheme !== 'https'
    ? `Only http:// and https:// links can be saved, not “${scheme}:”`
    : 'Enter a web address (https://…)';
}

/** One scalar field with inline validation; saves on blur or Enter, marks hand edits and captured values. */
export function FieldEditor(props: {
  lead: Lead;
  field: EditableField;
  label: string;
  kind: FieldKind;
  prefix: string;
  source: string | undefined;
  onSave: (value: string | undefined) => Promise<void>;
}) {
  const stored = (props.lead[props.field] as string | undefined) ?? '';
  const draft = useSignal(stored);
  const error = useSignal('');
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) draft.value = stored;
  }, [stored]);
  const id = `${props.prefix}-${props.field}`;
  const edited = props.lead.edited.includes(props.field);
  const commit = async () => {
    if (draft.value.trim() === stored.trim()) {
      error.value = '';
      return;
    }
    const result = validateField(props.kind, draft.value);
    if ('error' in result) {
      error.value = result.error;
      return;
    }
    error.value = '';
    await props.onSave(result.value);
  };
  const common = {
    id,
    value: draft.value,
    'aria-invalid': error.value ? true : undefined,
    'aria-describedby': `${id}-hint`,
    onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      draft.value = e.currentTarget.value;
    },
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      void commit();
    },
  };
  return (
    <div class={`field ${props.kind === 'textarea' ? 'field-wide' : ''}`}>
      <label for={id} class={props.kind === 'textarea' ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {props.kind === 'textarea' ? (
        <textarea {...common} rows={4} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={props.kind === 'url' ? 'url' : 'text'}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit();
          }}
        />
      )}
      <span id={`${id}-hint`} class={error.value ? 'field-hint error-text' : 'field-hint muted'}>
        {error.value || hint(edited, props.lead.captured?.[props.field], stored, props.source)}
      </span>
    </div>
  );
}

/** Where a field's value came from: the user's hand (and what a later capture said instead), or a capture. */
function hint(edited: boolean, capturedLater: string | undefined, stored: string, source: string | undefined): string {
  if (edited)
    return capturedLater ? `Edited by hand (a later capture said “${capturedLater.slice(0, 80)}”)` : 'Edited by hand';
  return stored && source ? `Captured from ${source}` : '';
}
