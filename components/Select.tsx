import type { ComponentChildren } from 'preact';

/** One choice of a Select: the value it stands for and the text shown. */
export interface SelectOption<T extends string> {
  value: T;
  label: ComponentChildren;
}

/** The options of a fixed list with a label per value (ORIGINS with ORIGIN_LABELS, ...). */
export function optionsOf<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): SelectOption<T>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/**
 * A <select> with its <label>: visible, or for screen readers only where the first option
 * already says what the list is ("All stages", "Set stage…"). The value comes back typed.
 */
export function Select<T extends string>(props: {
  id: string;
  label: ComponentChildren;
  /** The label is read by screen readers only. */
  hideLabel?: boolean;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  return (
    <>
      <label for={props.id} class={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <select
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
