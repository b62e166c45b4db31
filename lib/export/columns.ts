import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import type { EmailPoint, Lead } from '@/lib/lead/schema';
import { classifyLink, splitName } from '@/lib/normalize';

/**
 * The CSV columns Prospector can export, the default order and the CRM
 * presets. Each column turns a lead into one text cell; multi-valued fields are
 * joined by joinList (links with a space), and lib/import splits them back.
 */

export const COLUMN_IDS = [
  'firstName',
  'lastName',
  'fullName',
  'title',
  'companyName',
  'companyDomain',
  'companyWebsite',
  'email',
  'otherEmails',
  'phone',
  'otherPhones',
  'location',
  'linkedin',
  'otherLinks',
  'stage',
  'origin',
  'lastChannel',
  'lastTouchAt',
  'nextFollowUpAt',
  'tags',
  'notes',
  'sourceUrl',
  'createdAt',
  'updatedAt',
  // Not in the default set: available from the column picker.
  'guessedEmails',
  'industry',
  'companySize',
  'companyLocation',
  'fitScore',
  'id',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** The default column order, exactly. */
export const DEFAULT_COLUMN_IDS: ColumnId[] = COLUMN_IDS.slice(0, 24) as ColumnId[];

/** Our own header for each column (the "Prospector" format that lib/import recognises). */
export const COLUMN_HEADERS: Record<ColumnId, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  title: 'Title',
  companyName: 'Company',
  companyDomain: 'Company domain',
  companyWebsite: 'Company website',
  email: 'Email',
  otherEmails: 'Other emails',
  phone: 'Phone',
  otherPhones: 'Other phones',
  location: 'Location',
  linkedin: 'LinkedIn',
  otherLinks: 'Other links',
  stage: 'Stage',
  origin: 'Origin',
  lastChannel: 'Last channel',
  lastTouchAt: 'Last touch at',
  nextFollowUpAt: 'Next follow-up',
  tags: 'Tags',
  notes: 'Notes',
  sourceUrl: 'Source URL',
  createdAt: 'Created at',
  updatedAt: 'Updated at',
  guessedEmails: 'Guessed emails',
  industry: 'Industry',
  companySize: 'Company size',
  companyLocation: 'Company location',
  fitScore: 'Fit score',
  id: 'Prospector ID',
};

/** Joins emails, phones and tags in one cell (what CRMs split multi-value cells on). */
const LIST_SEPARATOR = '; ';

/**
 * A list cell: the values joined with LIST_SEPARATOR, each `\` and `;` inside a value
 * written `\\` and `\;`, so a tag like "q3; q4" or a phone kept as typed ("555 0100; ext 4")
 * comes back as one value from a Prospector CSV (splitList). Values rarely hold either
 * character, so cells read as plain lists in a spreadsheet.
 */
export function joinList(values: readonly string[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    out += (i > 0 ? LIST_SEPARATOR : '') + value.replace(/[\\;]/g, '\\$&');
  }
  return out;
}

/** The values of a list cell written by joinList (empty values dropped, each trimmed). */
export function splitList(cell: string): string[] {
  const out: string[] = [];
  let value = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    const next = cell[i + 1];
    if (c === '\\' && (next === '\\' || next === ';')) {
      value += next;
      i++;
    } else if (c === ';') {
      out.push(value);
      value = '';
    } else value += c;
  }
  out.push(value);
  return out.map((v) => v.trim()).filter(Boolean);
}

/** Links are joined with a space: a URL cannot contain an unescaped space. */
export const LINK_SEPARATOR = ' ';

export interface ColumnContext {
  /** Stage id → label from the user's pipeline (settings.stages); unknown ids are written as they are. */
  stageLabels?: Record<string, string>;
  /** Put guessed emails (status 'guessed') into Email / Other emails after the real ones. Default: off. */
  includeGuessed?: boolean;
  /** Fill an empty first / last name from the full name (CRM presets: Salesforce requires Last Name). */
  deriveNames?: boolean;
}

let callingCodes: Set<string> | undefined;

/**
 * "+14155550132" → "+1 4155550132". A bare E.164 number is read as the number
 * 14155550132 by Excel and LibreOffice (the + is lost); a space after the country
 * code keeps the cell text and readable. Country codes are prefix-free, so the first
 * 1-3 digit prefix that is a calling code is the one. Full national formatting
 * (libphonenumber's formatInternational) costs ~15 µs a number, too slow for 50,000 leads.
 */
export function phoneForSpreadsheet(value: string): string {
  if (!/^\+\d{7,15}$/.test(value)) return value;
  callingCodes ??= new Set(getCountries().map((c) => getCountryCallingCode(c) as string));
  for (let len = 1; len <= 3; len++) {
    if (callingCodes.has(value.slice(1, 1 + len))) return `+${value.slice(1, 1 + len)} ${value.slice(1 + len)}`;
  }
  return value;
}

function isGuessed(e: EmailPoint): boolean {
  return e.status === 'guessed';
}

/** Values several columns derive from one lead, computed once per row (50,000-lead exports). */
export interface RowMemo {
  emails?: string[];
  linkedin?: string | null;
  lastTouch?: Lead['touches'][number] | null;
}

function emailsFor(lead: Lead, ctx: ColumnContext, memo: RowMemo): string[] {
  if (memo.emails) return memo.emails;
  const real = lead.emails.filter((e) => !isGuessed(e)).map((e) => e.value);
  memo.emails = ctx.includeGuessed ? [...real, ...lead.emails.filter(isGuessed).map((e) => e.value)] : real;
  return memo.emails;
}

function isLinkedIn(link: string): boolean {
  // Most links are not LinkedIn: skip parsing those (a URL parse per link is the costliest
  // part of a row in a 50,000-lead export). A host can hide "linkedin" only behind a % escape.
  if (!/linkedin|%/i.test(link)) return false;
  const kind = classifyLink(link)?.kind;
  return kind === 'linkedin-person' || kind === 'linkedin-company';
}

function linkedinLink(lead: Lead, memo: RowMemo): string | undefined {
  if (memo.linkedin === undefined) memo.linkedin = lead.links.find(isLinkedIn) ?? null;
  return memo.linkedin ?? undefined;
}

function lastTouch(lead: Lead, memo: RowMemo): Lead['touches'][number] | undefined {
  if (memo.lastTouch === undefined) {
    let last: Lead['touches'][number] | null = null;
    for (const t of lead.touches) if (!last || t.at > last.at) last = t;
    memo.lastTouch = last;
  }
  return memo.lastTouch ?? undefined;
}

/** Reads one column of a lead as cell text (empty string when the lead has no value). */
export function cellValue(lead: Lead, column: ColumnId, ctx: ColumnContext = {}, memo: RowMemo = {}): string {
  switch (column) {
    case 'firstName':
    case 'lastName': {
      const own = lead[column];
      if (own || !ctx.deriveNames || !lead.fullName) return own ?? '';
      return splitName(lead.fullName)[column] ?? '';
    }
    case 'email':
      return emailsFor(lead, ctx, memo)[0] ?? '';
    case 'otherEmails':
      return joinList(emailsFor(lead, ctx, memo).slice(1));
    case 'guessedEmails':
      return joinList(lead.emails.filter(isGuessed).map((e) => e.value));
    case 'phone':
      // A list of one: a phone kept as typed may hold a semicolon (see joinList).
      return joinList(lead.phones.slice(0, 1).map((p) => phoneForSpreadsheet(p.value)));
    case 'otherPhones':
      return joinList(lead.phones.slice(1).map((p) => phoneForSpreadsheet(p.value)));
    case 'linkedin':
      return linkedinLink(lead, memo) ?? '';
    case 'otherLinks': {
      const first = linkedinLink(lead, memo);
      return lead.links.filter((l) => l !== first).join(LINK_SEPARATOR);
    }
    case 'stage':
      return ctx.stageLabels?.[lead.stage] ?? lead.stage;
    case 'lastChannel':
      return lead.channel ?? lastTouch(lead, memo)?.channel ?? '';
    case 'lastTouchAt':
      return lastTouch(lead, memo)?.at ?? '';
    case 'tags':
      return joinList(lead.tags);
    // The page the lead was first found on; import provenance (file names) is not a web page.
    case 'sourceUrl':
      return lead.sources.find((s) => s.url)?.url ?? '';
    case 'fitScore':
      return lead.fitScore === undefined ? '' : String(lead.fitScore);
    case 'nextFollowUpAt':
      return lead.nextFollowUpAt ?? '';
    default: {
      const value = (lead as Record<string, unknown>)[column];
      return typeof value === 'string' ? value : '';
    }
  }
}

export interface ExportColumn {
  id: ColumnId;
  header: string;
}

export const PRESET_IDS = ['prospector', 'hubspot', 'salesforce'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface Preset {
  id: PresetId;
  label: string;
  /** Fixed columns with the CRM's header names; null means the user's own column choice. */
  columns: ExportColumn[] | null;
}

/**
 * CRM presets. HubSpot: the contact property labels its import wizard maps by name
 * ("Email" is its unique key; "First name", "Last name", "Job title", ...).
 * Salesforce: the Lead field labels of the Data Import Wizard (Last Name and Company
 * are required there). Location is free text ("Berlin, Germany"), so it goes to
 * neither CRM's City field; notes go to Salesforce's Description.
 */
export const PRESETS: Record<PresetId, Preset> = {
  prospector: { id: 'prospector', label: 'Prospector (choose columns)', columns: null },
  hubspot: {
    id: 'hubspot',
    label: 'HubSpot contacts import',
    columns: [
      { id: 'firstName', header: 'First name' },
      { id: 'lastName', header: 'Last name' },
      { id: 'email', header: 'Email' },
      { id: 'phone', header: 'Phone number' },
      { id: 'title', header: 'Job title' },
      { id: 'companyName', header: 'Company name' },
      { id: 'companyWebsite', header: 'Website URL' },
      { id: 'linkedin', header: 'LinkedIn URL' },
    ],
  },
  salesforce: {
    id: 'salesforce',
    label: 'Salesforce leads import',
    columns: [
      { id: 'firstName', header: 'First Name' },
      { id: 'lastName', header: 'Last Name' },
      { id: 'title', header: 'Title' },
      { id: 'companyName', header: 'Company' },
      { id: 'email', header: 'Email' },
      { id: 'phone', header: 'Phone' },
      { id: 'companyWebsite', header: 'Website' },
      { id: 'industry', header: 'Industry' },
      { id: 'notes', header: 'Description' },
    ],
  },
};

/** The columns an export writes: a preset's fixed list, or the user's chosen ids with our headers. */
export function resolveColumns(preset: PresetId, chosen: readonly ColumnId[]): ExportColumn[] {
  const fixed = PRESETS[preset].columns;
  if (fixed) return fixed;
  const ids = chosen.length > 0 ? chosen : DEFAULT_COLUMN_IDS;
  return [...new Set(ids)].map((id) => ({ id, header: COLUMN_HEADERS[id] }));
}
