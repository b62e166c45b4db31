import { cleanName } from '@/lib/normalize/name';
import { isPlausibleName } from './names';
import type { Mapping, PickField, RawRecord } from './types';

/**
 * Lines → lead fields. One mapping (slot → field) applies to every record of a pick,
 * guessed from all records at once: the slot whose lines read most often as names is the
 * name, the first plain slot after it the title, slots whose classes or text say so the
 * company and location, and lines that are addresses or URLs the emails and links.
 * The user can change any of it for all records ("this line is the company").
 */

export interface SlotInfo {
  slot: string;
  /** The slot's text in the first record that has it. */
  example: string;
  /** Records holding the slot. */
  count: number;
}

export interface PickedPerson {
  fullName: string;
  title: string;
  companyName: string;
  location: string;
  emails: string[];
  phones: string[];
  links: string[];
  photoUrl?: string;
  /** True when the name passes the extractor's name judgement (unticked in the list otherwise). */
  named: boolean;
}

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/i;
const URL_TEXT = /^(https?:\/\/|www\.)\S+$/i;
const HEADING = /(^|>)(h[1-6]|strong|b|dt|figcaption)([.>~#/]|$)/;
// Hints read from the last parts of a slot, i.e. the classes of the line's own block.
const NAME_HINT = /name|\bfn\b/i;
const TITLE_HINT = /title|role|position|job|designation|headline|occupation|function|poste/i;
const COMPANY_HINT = /compan|employer|affiliation|institution|organi[sz]ation|\borg\b|firm/i;
const LOCATION_HINT = /locat|city|country|place|region|address|\bgeo/i;
const PLACE = /^[\p{L} .'’-]{2,40},\s*[\p{L} .'’-]{2,40}$/u;

/** The slots of a set of records, in reading order (first record first), with how many records hold each. */
export function slotsOf(records: RawRecord[]): SlotInfo[] {
  const bySlot = new Map<string, SlotInfo>();
  for (const record of records) {
    for (const line of record.lines) {
      const info = bySlot.get(line.slot);
      if (info) info.count++;
      else bySlot.set(line.slot, { slot: line.slot, example: line.text, count: 1 });
    }
  }
  return [...bySlot.values()];
}

function textsOf(records: RawRecord[], slot: string): string[] {
  const out: string[] = [];
  for (const r of records) for (const l of r.lines) if (l.slot === slot) out.push(l.text);
  return out;
}

const share = (texts: string[], test: (t: string) => boolean) =>
  texts.length ? texts.filter(test).length / texts.length : 0;
const tail = (slot: string) => slot.split('>').slice(-2).join('>');

/** Guesses the line → field mapping of a pick from all its records. */
export function guessMapping(records: RawRecord[]): Mapping {
  const slots = slotsOf(records);
  const mapping: Mapping = {};
  const texts = new Map(slots.map((s) => [s.slot, textsOf(records, s.slot)]));
  const free = (s: SlotInfo) => mapping[s.slot] === undefined;
  for (const s of slots) {
    const t = texts.get(s.slot) ?? [];
    if (share(t, (x) => EMAIL.test(x)) >= 0.5) mapping[s.slot] = 'emails';
    else if (share(t, (x) => URL_TEXT.test(x)) >= 0.5) mapping[s.slot] = 'links';
  }
  // Company names pass for names too ("Harbor Foods"): among the slots that read as names
  // about as often as the best one, a heading or a name class wins, else the first in the card.
  const hits = new Map(slots.filter(free).map((s) => [s, (texts.get(s.slot) ?? []).filter(isPlausibleName).length]));
  const top = Math.max(0, ...hits.values());
  const near = [...hits].filter(([, n]) => n > 0 && n * 10 >= top * 7).map(([s]) => s);
  const name = near.find((s) => HEADING.test(s.slot) || NAME_HINT.test(tail(s.slot))) ?? near[0];
  if (name) mapping[name.slot] = 'fullName';
  const hinted = (re: RegExp, field: PickField) => {
    const s = slots.find((x) => free(x) && re.test(tail(x.slot)));
    if (s) mapping[s.slot] = field;
  };
  hinted(TITLE_HINT, 'title');
  hinted(COMPANY_HINT, 'companyName');
  hinted(LOCATION_HINT, 'location');
  const used = (field: PickField) => Object.values(mapping).includes(field);
  const common = (s: SlotInfo) => s.count * 2 >= records.length;
  const short = (s: SlotInfo) => {
    const t = texts.get(s.slot) ?? [];
    return t.every((x) => x.length <= 120 && x.split(' ').length <= 14);
  };
  if (!used('location')) {
    const s = slots.find((x) => free(x) && common(x) && share(texts.get(x.slot) ?? [], (t) => PLACE.test(t)) >= 0.6);
    if (s) mapping[s.slot] = 'location';
  }
  const after = name ? slots.slice(slots.indexOf(name) + 1) : slots;
  if (!used('title')) {
    const s = after.find((x) => free(x) && common(x) && short(x));
    if (s) mapping[s.slot] = 'title';
  }
  if (!used('companyName')) {
    const s = after.find(
      (x) => free(x) && common(x) && short(x) && (texts.get(x.slot) ?? []).every((t) => t.length <= 60),
    );
    if (s) mapping[s.slot] = 'companyName';
  }
  return mapping;
}

function httpLink(text: string): string {
  try {
    const url = new URL(/^www\./i.test(text) ? `https://${text}` : text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/** One record as a person under a mapping. A line holding an address is an email unless mapped to a text field. */
export function personOf(record: RawRecord, mapping: Mapping): PickedPerson {
  const person: PickedPerson = {
    fullName: '',
    title: '',
    companyName: '',
    location: '',
    emails: [...record.emails],
    phones: [...record.phones],
    links: [...record.links],
    named: false,
  };
  for (const line of record.lines) {
    const field = mapping[line.slot];
    const email = EMAIL.exec(line.text)?.[0]?.toLowerCase();
    if (email && (!field || field === 'emails' || field === 'links')) {
      if (!person.emails.includes(email)) person.emails.push(email);
      continue;
    }
    if (field === 'links') {
      const link = httpLink(line.text);
      if (link && !person.links.includes(link)) person.links.push(link);
    } else if (field === 'fullName') {
      if (!person.fullName) person.fullName = cleanName(line.text).slice(0, 300);
    } else if (field && field !== 'emails' && !person[field]) {
      person[field] = line.text.slice(0, 300);
    }
  }
  if (record.photo) person.photoUrl = record.photo;
  person.named = isPlausibleName(person.fullName);
  return person;
}
