/** Local date helpers for the workspace's date inputs and quick picks. */

export type QuickPick = 'tomorrow' | 'in3days' | 'nextWeek';
export const QUICK_PICKS: { id: QuickPick; label: string }[] = [
  { id: 'tomorrow', label: 'Tomorrow' },
  { id: 'in3days', label: 'In 3 days' },
  { id: 'nextWeek', label: 'Next week' },
];

/** The follow-up time for a quick pick: 9:00 local time, 1, 3 or 7 days from `now`. */
export function quickPickDate(pick: QuickPick, now = new Date()): string {
  const days = pick === 'tomorrow' ? 1 : pick === 'in3days' ? 3 : 7;
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 9, 0, 0, 0);
  return at.toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as the value of <input type="datetime-local"> (local time, minutes). */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of <input type="datetime-local"> as an ISO time; undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** True when a follow-up time is today or earlier. */
export function isDue(iso: string | undefined, now = new Date()): boolean {
  if (!iso) return false;
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return new Date(iso).getTime() <= end.getTime();
}
