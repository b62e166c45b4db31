/**
 * Picking people by example: plain types shared by the in-page picker, the
 * background and the popup. No zod here, so the code injected into pages stays small;
 * the schemas that check these values at each trust boundary live in ./schema.ts.
 */

/** Records taken from one pick or one recipe run at most: more are counted, not read. */
export const MAX_RECORDS = 500;
/** Longest record selector a recipe may carry (a generated one is far shorter). */
export const MAX_SELECTOR = 300;

/** One text line of a record, with the slot it sits in (its place in the card's structure). */
export interface RecordLine {
  /** Relative path from the record to the line's block, e.g. "div.info>p~2"; the same in every card. */
  slot: string;
  text: string;
}

/** One record (a person's card) as read from the page: text lines, links, addresses and a photo. */
export interface RawRecord {
  lines: RecordLine[];
  /** Absolute http(s) links. */
  links: string[];
  /** Addresses from mailto: links. */
  emails: string[];
  /** Numbers from tel: links. */
  phones: string[];
  photo?: string;
}

/** What a pick or a recipe run read from the page. */
export interface PageRecords {
  selector: string;
  /** Every element the selector matched, including those past MAX_RECORDS. */
  total: number;
  records: RawRecord[];
}

/** The lead fields a line can be taken as ('' = not used). */
export const PICK_FIELDS = ['fullName', 'title', 'companyName', 'location', 'emails', 'links', ''] as const;
export type PickField = (typeof PICK_FIELDS)[number];

/** Slot → field: the line → field mapping of a pick or a recipe. */
export type Mapping = Record<string, PickField>;
