import { COLUMN_HEADERS, type ColumnId } from '@/lib/export/columns';

/**
 * Which lead field each CSV column feeds, and the headers Prospector recognises
 * from its own export, LinkedIn's Connections.csv, HubSpot, Salesforce and Apollo.
 */

/**
 * How an import reads each exported column back, in the mapping menu's order. Keyed by
 * ColumnId, so a new export column does not compile until it says how it imports:
 * - 'field': copied to the lead field of the same name (the first non-empty value);
 * - 'one': the first non-empty value, converted by lib/import/rows (dates, stage, fit);
 * - 'many': the values of every column mapped to it, joined or appended;
 * - null: written by the store (updatedAt, id), never imported.
 */
const IMPORT_READS = {
  firstName: 'field',
  lastName: 'field',
  fullName: 'field',
  title: 'field',
  companyName: 'field',
  companyDomain: 'field',
  companyWebsite: 'field',
  email: 'many',
  otherEmails: 'many',
  guessedEmails: 'many',
  phone: 'many',
  otherPhones: 'many',
  location: 'many',
  linkedin: 'many',
  otherLinks: 'many',
  stage: 'one',
  origin: 'one',
  lastChannel: 'one',
  lastTouchAt: 'one',
  nextFollowUpAt: 'one',
  tags: 'many',
  notes: 'many',
  sourceUrl: 'one',
  createdAt: 'one',
  industry: 'field',
  companySize: 'field',
  companyLocation: 'many',
  fitScore: 'one',
  updatedAt: null,
  id: null,
} as const satisfies Record<ColumnId, 'field' | 'one' | 'many' | null>;
type ImportRead = NonNullable<(typeof IMPORT_READS)[ColumnId]>;
type ReadAs<R> = { [K in ColumnId]: (typeof IMPORT_READS)[K] extends R ? K : never }[ColumnId];

function readingAs<R extends ImportRead>(...reads: R[]): ReadAs<R>[] {
  return (Object.keys(IMPORT_READS) as ColumnId[]).filter((id): id is ReadAs<R> =>
    (reads as (ImportRead | null)[]).includes(IMPORT_READS[id]),
  );
}

/** A target a column can be mapped to: every exported column except the store-owned ones. */
export type ImportTarget = ReadAs<ImportRead>;
/** Every import target, in the mapping menu's order. */
export const IMPORT_TARGETS: readonly ImportTarget[] = readingAs('field', 'one', 'many');
/** One entry per CSV column (by position, so duplicate headers stay distinct); null = not imported. */
export type ColumnMapping = (ImportTarget | null)[];

/** Targets that collect values from several columns (joined or appended); the rest take the first non-empty. */
export const MULTI_TARGETS: ReadonlySet<ImportTarget> = new Set<ImportTarget>(readingAs('many'));

/** A target copied as it is to the lead draft field of the same name. */
export type FieldTarget = ReadAs<'field'>;
/** The targets copied as they are to the draft (rows.ts types the copy, so each must be a text field of LeadDraft). */
export const FIELD_TARGETS: readonly FieldTarget[] = readingAs('field');

/** The label shown for a target in the mapping table and in reasons ("Email: not an email address"). */
export function targetLabel(target: ImportTarget): string {
  return COLUMN_HEADERS[target];
}

export const FORMATS = ['prospector', 'linkedin-connections', 'hubspot', 'salesforce', 'apollo', 'generic'] as const;
export type ImportFormat = (typeof FORMATS)[number];
export const FORMAT_LABELS: Record<ImportFormat, string> = {
  prospector: 'Prospector CSV export',
  'linkedin-connections': 'LinkedIn Connections.csv (data export)',
  hubspot: 'HubSpot export',
  salesforce: 'Salesforce export',
  apollo: 'Apollo export',
  generic: 'CSV file',
};

/** Header text folded for comparison: "State/Region" → "stateregion", "E-mail" → "email". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9#]/g, '');
}

// Header synonyms seen in the formats' documented exports. Generic words only where
// they are unambiguous; e.g. "URL" means the profile in LinkedIn's file but is left
// to the user elsewhere.
const SYNONYMS: Record<string, ImportTarget> = {
  firstname: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  fullname: 'fullName',
  name: 'fullName',
  contactname: 'fullName',
  title: 'title',
  jobtitle: 'title',
  position: 'title',
  company: 'companyName',
  companyname: 'companyName',
  companyaccount: 'companyName',
  accountname: 'companyName',
  organization: 'companyName',
  organisation: 'companyName',
  associatedcompany: 'companyName',
  companydomain: 'companyDomain',
  companydomainname: 'companyDomain',
  companywebsite: 'companyWebsite',
  website: 'companyWebsite',
  websiteurl: 'companyWebsite',
  email: 'email',
  emailaddress: 'email',
  workemail: 'email',
  primaryemail: 'email',
  otheremails: 'otherEmails',
  secondaryemail: 'otherEmails',
  personalemail: 'otherEmails',
  guessedemails: 'guessedEmails',
  phone: 'phone',
  phonenumber: 'phone',
  workphone: 'phone',
  firstphone: 'phone',
  workdirectphone: 'phone',
  otherphones: 'otherPhones',
  mobile: 'otherPhones',
  mobilephone: 'otherPhones',
  mobilephonenumber: 'otherPhones',
  homephone: 'otherPhones',
  corporatephone: 'otherPhones',
  otherphone: 'otherPhones',
  location: 'location',
  city: 'location',
  state: 'location',
  stateregion: 'location',
  stateprovince: 'location',
  country: 'location',
  countryregion: 'location',
  linkedin: 'linkedin',
  linkedinurl: 'linkedin',
  personlinkedinurl: 'linkedin',
  linkedinprofile: 'linkedin',
  otherlinks: 'otherLinks',
  companylinkedinurl: 'otherLinks',
  twitterurl: 'otherLinks',
  facebookurl: 'otherLinks',
  stage: 'stage',
  origin: 'origin',
  lastchannel: 'lastChannel',
  lasttouchat: 'lastTouchAt',
  nextfollowup: 'nextFollowUpAt',
  tags: 'tags',
  notes: 'notes',
  description: 'notes',
  sourceurl: 'sourceUrl',
  createdat: 'createdAt',
  industry: 'industry',
  companysize: 'companySize',
  '#employees': 'companySize',
  numberofemployees: 'companySize',
  noofemployees: 'companySize',
  companylocation: 'companyLocation',
  companycity: 'companyLocation',
  companystate: 'companyLocation',
  companycountry: 'companyLocation',
  fitscore: 'fitScore',
};

const has = (keys: Set<string>, ...names: string[]) => names.every((n) => keys.has(headerKey(n)));

/** Recognises the file's origin from its header row. */
export function detectFormat(header: string[]): ImportFormat {
  const keys = new Set(header.map(headerKey));
  if (has(keys, 'First Name', 'Last Name', 'URL', 'Email Address', 'Connected On')) return 'linkedin-connections';
  if (has(keys, 'Full name', 'Source URL') || has(keys, 'Prospector ID')) return 'prospector';
  if (has(keys, 'Apollo Contact Id') || has(keys, 'Person Linkedin Url') || has(keys, 'Email Status')) return 'apollo';
  if (has(keys, 'Lead ID') || has(keys, 'Lead Source') || has(keys, 'Company / Account') || has(keys, 'Lead Owner'))
    return 'salesforce';
  if (has(keys, 'Record ID') || has(keys, 'Lifecycle Stage') || has(keys, 'Contact owner')) return 'hubspot';
  return 'generic';
}

/**
 * The suggested mapping for a header row. A scalar target already taken by an earlier
 * column is left unmapped (duplicate headers), and the caller reports it.
 */
export function suggestMapping(header: string[], format: ImportFormat = detectFormat(header)): ColumnMapping {
  const taken = new Set<ImportTarget>();
  return header.map((h) => {
    const key = headerKey(h);
    let target: ImportTarget | undefined = SYNONYMS[key];
    if (format === 'linkedin-connections' && key === 'url') target = 'linkedin';
    if (!target) return null;
    if (taken.has(target)) {
      if (target === 'email') target = 'otherEmails';
      else if (target === 'phone') target = 'otherPhones';
      else if (target === 'linkedin') target = 'otherLinks';
      else if (!MULTI_TARGETS.has(target)) return null;
    }
    taken.add(target);
    return target;
  });
}

/** Headers that appear more than once, with their 1-based column numbers, for a warning. */
export function duplicateHeaders(header: string[]): { header: string; columns: number[] }[] {
  const seen = new Map<string, number[]>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (!key) return;
    seen.set(key, [...(seen.get(key) ?? []), i + 1]);
  });
  return [...seen.entries()]
    .filter(([, cols]) => cols.length > 1)
    .map(([, cols]) => ({ header: header[(cols[0] ?? 1) - 1] ?? '', columns: cols }));
}
