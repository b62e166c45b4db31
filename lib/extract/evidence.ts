/**
 * Why each fact was emitted or dropped (issue 17's precision work): the reader records a source per
 * field (`sources`); finalize's own decisions (a site's name given as every member's employer, a role
 * line split into title and company, a title a gate dropped) are marked here, where they are made.
 * A WeakMap keyed by the loose record, so nothing of it reaches the Extraction: finalize hands it
 * out only when asked (FinalizeOptions.why, read by `npm run corpus:report -- --why`).
 */

const marks = new WeakMap<object, Record<string, string>>();

/** Records why `field` of `record` holds its value (or lost it); a later mark is added after earlier ones. */
export function mark(record: object, field: string, why: string): void {
  const own = marks.get(record) ?? {};
  own[field] = own[field] ? `${own[field]}; ${why}` : why;
  marks.set(record, own);
}

/** A record's evidence per field: the reader's source, then finalize's marks. */
export function evidenceOf(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const sources = record.sources;
  if (sources && typeof sources === 'object')
    for (const [k, v] of Object.entries(sources)) if (typeof v === 'string') out[k] = `source ${v}`;
  for (const [k, v] of Object.entries(marks.get(record) ?? {})) out[k] = out[k] ? `${out[k]}; ${v}` : v;
  return out;
}
