import { useSignal } from '@preact/signals';

/** Cleans a typed tag: trimmed, inner spaces collapsed, at most 60 characters (the schema's cap). */
export function cleanTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, 60);
}

/**
 * Tags as removable chips plus an input that autocompletes from tags in use
 * (a native <datalist>, which every browser makes keyboard and screen-reader friendly).
 * Enter or comma adds; Backspace on an empty input removes the last tag.
 */
export function TagInput(props: {
  id: string;
  label: string;
  tags: string[];
  suggestions: string[];
  onChange: (tags: string[]) => void;
}) {
  const draft = useSignal('');
  const add = (raw: string) => {
    const tag = cleanTag(raw);
    draft.value = '';
    if (!tag || props.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
    props.onChange([...props.tags, tag]);
  };
  const remove = (tag: string) => props.onChange(props.tags.filter((t) => t !== tag));
  const listId = `${props.id}-suggestions`;
  const suggestions = props.suggestions.filter((s) => !props.tags.includes(s));
  return (
    <div class="tag-input">
      <ul class="tag-list" aria-label={`${props.label}: current`}>
        {props.tags.map((tag) => (
          <li key={tag} class="tag">
            <span>{tag}</span>
            <button type="button" class="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => remove(tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label class="visually-hidden" for={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        list={listId}
        placeholder="Add tag…"
        value={draft.value}
        autocomplete="off"
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          // Picking a datalist option fires input with the whole value; commas separate tags.
          if (value.includes(',')) {
            for (const part of value.split(',').slice(0, -1)) add(part);
            draft.value = value.slice(value.lastIndexOf(',') + 1);
          } else draft.value = value;
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(draft.value);
          } else if (e.key === 'Backspace' && !draft.value && props.tags.length) {
            const last = props.tags[props.tags.length - 1];
            if (last) remove(last);
          }
        }}
        onBlur={() => {
          if (draft.value.trim()) add(draft.value);
        }}
      />
      <datalist id={listId}>
        {suggestions.slice(0, 200).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
