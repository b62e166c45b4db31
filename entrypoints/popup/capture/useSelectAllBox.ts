import { useEffect, useRef } from 'preact/hooks';
import { draft, selectedCount } from './model';

/**
 * The "select all" checkbox of a people checklist: its ref (shown indeterminate while only some
 * rows are ticked), how many rows are ticked, and how many there are. Shared by the detected
 * list and the picked list, so both boxes behave the same.
 */
export function useSelectAllBox() {
  const all = useRef<HTMLInputElement>(null);
  const n = selectedCount.value;
  const total = draft.value?.forms.length ?? 0;
  useEffect(() => {
    if (all.current) all.current.indeterminate = n > 0 && n < total;
  }, [n, total]);
  return { all, n, total };
}
