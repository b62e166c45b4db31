/**
 * The keyboard of both lead lists (the popup's and the workspace table): what a key does,
 * as data, so both lists move and change stages the same way and the rule is tested once.
 */

/** What a key press asks of a lead list; null when the list leaves the key alone. */
export type ListKeyAction =
  | { kind: 'move'; to: number; extend: boolean }
  | { kind: 'stage'; digit: number }
  | { kind: 'next-stage' }
  | null;

/** Options: `letters` adds j/k (the workspace table, where no text field is in the rows). */
export interface ListKeyOptions {
  letters?: boolean;
  /** Rows PageUp/PageDown move by. */
  page?: number;
}

/** Maps a key to a list action: ↑↓ (and j/k) move, Shift extends, Home/End, PageUp/Down, 1–9 a stage, ] the next. */
export function listKeyAction(
  e: Pick<KeyboardEvent, 'key' | 'shiftKey'>,
  index: number,
  count: number,
  options: ListKeyOptions = {},
): ListKeyAction {
  const page = options.page ?? 15;
  const move = (to: number, extend = false): ListKeyAction => ({
    kind: 'move',
    to: Math.max(0, Math.min(count - 1, to)),
    extend,
  });
  const letters = options.letters === true;
  if (e.key === 'ArrowDown' || (letters && e.key === 'j')) return move(index + 1, e.shiftKey);
  if (e.key === 'ArrowUp' || (letters && e.key === 'k')) return move(index - 1, e.shiftKey);
  if (e.key === 'PageDown') return move(index + page);
  if (e.key === 'PageUp') return move(index - page);
  if (e.key === 'Home') return move(0);
  if (e.key === 'End') return move(count - 1);
  if (/^[1-9]$/.test(e.key)) return { kind: 'stage', digit: Number(e.key) };
  if (e.key === ']') return { kind: 'next-stage' };
  return null;
}
