/** Short status texts for the popup: "Saved 3 days ago · Contacted". */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "3 days ago", "yesterday", "just now": the time from `then` to `now`, in the largest whole unit. */
export function relativeTime(then: Date, now: Date, locale = 'en'): string {
  const delta = then.getTime() - now.getTime();
  const abs = Math.abs(delta);
  if (!Number.isFinite(abs) || abs < 60_000) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (abs >= ms) return format.format(Math.trunc(delta / ms), unit);
  }
  return 'just now';
}

/** "Saved 3 days ago · Contacted": when the lead was first saved and its stage label. */
export function savedStatus(lead: { createdAt: string; stage: string }, stageLabel: string, now = new Date()): string {
  return `Saved ${relativeTime(new Date(lead.createdAt), now)} · ${stageLabel || lead.stage}`;
}
