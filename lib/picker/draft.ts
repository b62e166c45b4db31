import type { CaptureDraft, CaptureOptions, FormDraft } from '@/lib/capture/schemas';
import { type PickedPerson, personOf } from './fields';
import type { PickState } from './schema';
import type { Mapping, PickField } from './types';

/**
 * A pick (or a recipe run) as the popup's usual checklist: one person form per record,
 * the records without a plausible name unticked (kept, so the user can still take them).
 * Each field's source is the pick's source, so the form shows "picked by you" or "site recipe".
 */

const SCALARS: PickField[] = ['fullName', 'title', 'companyName', 'location'];

function formOf(person: PickedPerson, key: string, source: string): FormDraft {
  const form: FormDraft = {
    key,
    kind: 'person',
    fullName: person.fullName,
    title: person.title,
    companyName: person.companyName,
    companyDomain: '',
    location: person.location,
    notes: '',
    emails: person.emails,
    phones: person.phones,
    links: person.links,
    tags: [],
    sources: {},
    edited: [],
    shown: [],
    guessed: [],
  };
  if (person.photoUrl) form.photoUrl = person.photoUrl;
  for (const field of [...SCALARS, 'emails', 'phones', 'links'] as const) {
    if ((form as unknown as Record<string, unknown>)[field]?.toString()) form.sources[field] = source;
  }
  return form;
}

/** The people of a pick under its mapping, in record order. */
export function peopleOf(pick: Pick<PickState, 'records' | 'mapping'>): PickedPerson[] {
  return pick.records.map((r) => personOf(r, pick.mapping));
}

/** The capture draft of a pick: list mode, one form per record, named records ticked. */
export function draftFromPick(pick: PickState, options: CaptureOptions): CaptureDraft {
  const people = peopleOf(pick);
  const forms = people.map((p, i) => formOf(p, `r${i}`, pick.source));
  return {
    url: pick.url,
    mode: 'list',
    forms,
    selected: forms.filter((_, i) => people[i]?.named).map((f) => f.key),
    options,
    extractor: pick.source,
    dirty: false,
  };
}

/**
 * Takes one line as a field for every record. A name, title, company or location belongs
 * to one line only: the line that had it gets the field this line had (a swap), so
 * "this line is the company" fixes a title/company mix-up in one step.
 */
export function assignSlot(mapping: Mapping, slot: string, field: PickField): Mapping {
  const next: Mapping = { ...mapping };
  const before = next[slot] ?? '';
  if (SCALARS.includes(field)) {
    for (const [other, f] of Object.entries(next)) {
      if (other !== slot && f === field) next[other] = SCALARS.includes(before) ? before : '';
    }
  }
  next[slot] = field;
  return next;
}
