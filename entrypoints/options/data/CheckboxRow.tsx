import type { ComponentChildren } from 'preact';

/** One option of the import and export panels: a checkbox and its label on a row. */
export function CheckboxRow(props: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
}) {
  return (
    <div class="data-row">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.children}</label>
    </div>
  );
}
