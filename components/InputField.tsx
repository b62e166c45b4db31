import type { ComponentChildren, InputHTMLAttributes } from 'preact';

/**
 * The type attribute per kind of one-line input the forms use. Preact 11 types an input's
 * props as a union keyed on a literal `type`, which a `type` of several kinds does not
 * select; spreading one of these literal objects does.
 */
const TYPE_ATTRIBUTES = {
  text: { type: 'text' },
  url: { type: 'url' },
  password: { type: 'password' },
  date: { type: 'date' },
  number: { type: 'number' },
} as const satisfies Record<string, InputHTMLAttributes>;

/** The one-line input kinds the forms use. */
export type InputKind = keyof typeof TYPE_ATTRIBUTES;

/**
 * A one-line <input> with its <label>, in its field row. Its attributes are named props
 * rather than a spread of input attributes, which Preact's union keyed on `type` refuses.
 */
export function InputField(props: {
  id: string;
  label: ComponentChildren;
  value: string | number;
  /** Gets the input's text: at every keystroke, or with `onCommit` only once the user is done. */
  onValue: (value: string) => void;
  /** Report on the change event (blur, Enter, a picked date) instead of at every keystroke. */
  onCommit?: boolean;
  type?: InputKind;
  /** The row's class: 'field' in forms, 'insights-field' in the dashboard's filter bar. */
  rowClass?: string;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  autocomplete?: string;
  maxLength?: number;
  size?: number;
  min?: number;
  max?: number;
}) {
  const report = (e: Event) => props.onValue((e.currentTarget as HTMLInputElement).value);
  return (
    <div class={props.rowClass ?? 'field'}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        {...TYPE_ATTRIBUTES[props.type ?? 'text']}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        placeholder={props.placeholder}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        size={props.size}
        min={props.min}
        max={props.max}
        onInput={props.onCommit ? undefined : report}
        onChange={props.onCommit ? report : undefined}
      />
    </div>
  );
}
