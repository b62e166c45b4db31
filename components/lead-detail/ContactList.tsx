import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { EmailPoint, PhonePoint } from '@/lib/lead/schema';
import { mailtoHref, normalizeEmail, normalizePhone, parseHttpUrl } from '@/lib/normalize';
import { CopyButton } from '../CopyButton';
import { linkError, webAddress } from './fields';
import { hostOf, StoredLink } from './StoredLink';

/**
 * The contact lists of a lead (emails, phones, links): each value shown with how it was
 * found, removable, and an add box that checks what is typed. One list component; what
 * differs per kind of value is a ContactKind.
 */

/** What a list needs to know about one kind of contact value. */
export interface ContactKind<T> {
  /** "email": ids (`<prefix>-emails`, `<prefix>-add-email`) and button names ("Remove email …"). */
  noun: string;
  /** The list's heading, "Emails". */
  title: string;
  inputMode: 'email' | 'tel' | 'url';
  /** The stored value that tells two items apart and that buttons name. */
  valueOf: (item: T) => string;
  /** The item as shown: a link plus where it came from. */
  show: (item: T) => ComponentChildren;
  /** Offer a copy button (not for links, which open). */
  copy: boolean;
  /** A typed value as the item to store, or why it is refused. */
  parse: (raw: string) => { item: T } | { error: string };
}

/** Emails: mailto links; a typed address counts as verified by the user. */
export const EMAILS: ContactKind<EmailPoint> = {
  noun: 'email',
  title: 'Emails',
  inputMode: 'email',
  valueOf: (e) => e.value,
  show: (e) => (
    <>
      <a href={mailtoHref(e.value)}>{e.value}</a>
      <span class="muted small">
        {e.source === 'user' ? 'edited by hand' : e.source === 'guessed' ? 'guessed' : 'captured'}
        {e.status !== 'found' ? ` · ${e.status}` : ''}
      </span>
    </>
  ),
  copy: true,
  parse: (raw) => {
    const value = normalizeEmail(raw);
    return value ? { item: { value, source: 'user', status: 'verified-by-user' } } : { error: 'Not an email address' };
  },
};

/** Phones, read with the default country from Settings when typed without a country code. */
export function phones(country: string | undefined): ContactKind<PhonePoint> {
  return {
    noun: 'phone',
    title: 'Phones',
    inputMode: 'tel',
    valueOf: (p) => p.value,
    show: (p) => (
      <>
        <a href={`tel:${p.value.replace(/[^\d+]/g, '')}`}>{p.value}</a>
        <span class="muted small">{p.source === 'user' ? 'edited by hand' : 'captured'}</span>
      </>
    ),
    copy: true,
    parse: (raw) => {
      const parsed = normalizePhone(raw, country);
      if (parsed?.valid)
        return { item: { value: parsed.value, ...(parsed.raw ? { raw: parsed.raw } : {}), source: 'user' } };
      return {
        error: country
          ? `Not a phone number (national numbers are read as ${country})`
          : 'Not a phone number: add the country code (+44 …) or set a default country in Settings',
      };
    },
  };
}

/** Profile and web links: only http(s) addresses are stored. */
export const LINKS: ContactKind<string> = {
  noun: 'link',
  title: 'Links',
  inputMode: 'url',
  valueOf: (link) => link,
  show: (link) => (
    <StoredLink url={link}>
      {hostOf(link)}
      <span class="muted small"> {parseHttpUrl(link)?.pathname.slice(0, 40)}</span>
    </StoredLink>
  ),
  copy: false,
  parse: (raw) => {
    const url = webAddress(raw);
    return url ? { item: url.href } : { error: linkError(raw) };
  },
};

/** One contact list of a lead: the values, a remove button each, and an add box. */
export function ContactList<T>(props: {
  kind: ContactKind<T>;
  items: readonly T[];
  prefix: string;
  onSave: (items: T[]) => Promise<void>;
}) {
  const { kind, items, prefix } = props;
  const labelId = `${prefix}-${kind.noun}s`;
  return (
    <div class="contact-group">
      <p class="contact-label" id={labelId}>
        {kind.title}
      </p>
      <ul class="contact-list" aria-labelledby={labelId}>
        {items.map((item) => {
          const value = kind.valueOf(item);
          return (
            <li key={value}>
              {kind.show(item)}
              {kind.copy && <CopyButton text={value} label={`Copy ${kind.noun} ${value}`} />}
              <button
                type="button"
                class="icon-button"
                aria-label={`Remove ${kind.noun} ${value}`}
                onClick={() => props.onSave(items.filter((x) => kind.valueOf(x) !== value))}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
      <AddValue
        id={`${prefix}-add-${kind.noun}`}
        label={`Add ${kind.noun}`}
        inputMode={kind.inputMode}
        parse={kind.parse}
        onAdd={(item) => {
          if (items.some((x) => kind.valueOf(x) === kind.valueOf(item))) return;
          return props.onSave([...items, item]);
        }}
      />
    </div>
  );
}

/** The add box: checks the typed value, says why it is refused, clears after adding. */
function AddValue<T>(props: {
  id: string;
  label: string;
  inputMode: 'email' | 'tel' | 'url';
  parse: (raw: string) => { item: T } | { error: string };
  onAdd: (item: T) => Promise<void> | void;
}) {
  const value = useSignal('');
  const error = useSignal('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!value.value.trim()) return;
    const result = props.parse(value.value);
    if ('error' in result) {
      error.value = result.error;
      return;
    }
    error.value = '';
    await props.onAdd(result.item);
    value.value = '';
  };
  return (
    <form class="add-value" onSubmit={submit}>
      <label for={props.id} class="visually-hidden">
        {props.label}
      </label>
      <input
        id={props.id}
        type="text"
        inputMode={props.inputMode}
        placeholder={props.label}
        value={value.value}
        aria-invalid={error.value ? true : undefined}
        aria-describedby={`${props.id}-error`}
        onInput={(e) => {
          value.value = (e.currentTarget as HTMLInputElement).value;
          error.value = '';
        }}
      />
      <button type="submit">Add</button>
      <span id={`${props.id}-error`} class="error-text field-hint">
        {error.value}
      </span>
    </form>
  );
}
