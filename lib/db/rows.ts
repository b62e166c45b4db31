import { leadName } from '@/lib/lead/name';
import type { Lead } from '@/lib/lead/schema';
import { classifyLink, cleanName, foldText } from '@/lib/normalize';
import { PERSON_LINKS } from '@/lib/normalize/links';
import { isSharedMailbox } from '@/lib/normalize/mailboxes';

/**
 * How a lead is stored: the lead itself plus the keys the indexes need (dedupe keys,
 * search words, folded sort keys). The keys are derived from the lead on every write,
 * so they can never disagree with it; `lead` is what the repository hands out.
 */
export interface LeadRow {
  id: string;
  lead: Lead;
  /**
   * Dedupe keys: "link:<canonical>", "email:<address>", "name:<folded name>|<company domain>";
   * also "alias:<id>" for each id merged into this lead by team sync, so an old link finds it.
   */
  keys: string[];
  /** Folded words of name, company, title, emails and tags (v2–v3 rows only: indexed until v4, no longer written since v6). */
  words?: string[];
  /**
   * The words again, each followed by WORD_END and the row's recency stamp (v4–v9 rows only:
   * indexed by `by-word-updated` on `leads` until v10 moved them to the `words` store; an old
   * row keeps them, unread, until it is next written).
   */
  recent?: string[];
  /** Folded tags, for the tag filter. */
  tags: string[];
  /**
   * Sort keys, always present so every lead is in every sort index. Each is stored so
   * that the sort's default direction is ascending index order (newest first = the
   * smallest negated time), because getAll/getAllKeys can only read forwards.
   */
  /** -updatedAt in ms. */
  updated: number;
  /** -createdAt in ms. */
  created: number;
  name: string;
  /** Folded company, then the folded name. */
  company: string;
  /** nextFollowUpAt as UTC ISO, or NO_VALUE. */
  follow: string;
  /** -fitScore, or 1 when unscored (after every score). */
  fit: number;
  /**
   * 1 on inbound leads only (v8, sparse index `by-inbound`): the origin filter has two values,
   * so the index holds the inbound leads and "outbound" is every other lead. Absent on
   * outbound leads, which then cost no index entry.
   */
  inbound?: 1;
  /**
   * Who owns the lead's outreach when a teammate is named (team sync: lead.owner, else
   * lead.capturedBy; v9, sparse index `by-owner`). Absent on a lead nobody named, which is
   * this browser's (lib/lead/owner) and costs no index entry: a store that never synced has none.
   */
  owner?: string;
}

/** Sorts after every ISO date and every folded name: leads without the value come last in ascending order. */
export const NO_VALUE = '\uffff';

/** Folds a name for matching: accents, case, punctuation and pronoun decorations removed. */
export function foldName(name: string): string {
  return fold(cleanName(name))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The dedupe keys of a lead (or draft): any shared key means "the same prospect". */
export function dedupeKeys(
  lead: Pick<Lead, 'fullName' | 'companyName' | 'companyDomain' | 'emails' | 'links'>,
): string[] {
  const keys = new Set<string>();
  const isPerson = Boolean(lead.fullName);
  for (const link of lead.links) {
    const kind = classifyLink(link);
    if (!kind) continue;
    // A company page or website is shared by everyone who works there: it identifies a company lead only.
    if (PERSON_LINKS.has(kind.kind) || !isPerson) keys.add(`link:${kind.url}`);
  }
  for (const email of lead.emails) {
    // Shared mailboxes: many people at one company list them, so they do not identify a person.
    if (isPerson && isSharedMailbox(email.value)) continue;
    keys.add(`email:${email.value.toLowerCase()}`);
  }
  if (lead.fullName && lead.companyDomain) {
    const name = foldName(lead.fullName);
    if (name) keys.add(`name:${name}|${lead.companyDomain.toLowerCase()}`);
  }
  return [...keys];
}

const MAX_WORD = 40;
const ASCII = /^[\x20-\x7e]*$/;
// Labels of public suffixes and mail hosts: every lead has one, so they would only make
// index entries that match everything.
const DOMAIN_NOISE = new Set(['com', 'org', 'net', 'io', 'co', 'uk', 'de', 'fr', 'ai', 'app', 'www', 'mail']);

/** foldText with a fast path: most names, titles and addresses are plain ASCII. */
function fold(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : foldText(text);
}

/** Folded words of a text, the unit of prefix search ("Jean-Luc Müller" → jean, luc, muller). */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.slice(0, MAX_WORD));
}

/** The words a search text looks for; "acme.co.uk" or "jane@acme.com" drop the suffix labels, as the index does. */
export function queryWords(text: string): string[] {
  const all = words(text);
  if (!/[.@]/.test(text)) return all;
  const kept = all.filter((w) => !DOMAIN_NOISE.has(w));
  return kept.length > 0 ? kept : all;
}

/** Words of an address or domain without the suffix labels ("jane.doe@mail.acme.co.uk" → jane, doe, acme). */
function addressWords(text: string): string[] {
  const at = text.lastIndexOf('@');
  const local = at >= 0 ? words(text.slice(0, at)) : [];
  const labels = words(at >= 0 ? text.slice(at + 1) : text);
  return [...local, ...labels.slice(0, -1).filter((w) => !DOMAIN_NOISE.has(w))];
}

/** The search words of a lead: name, company, title, emails, tags. */
export function searchWords(lead: Lead): string[] {
  const out = new Set<string>();
  const add = (text: string | undefined) => {
    if (text) for (const w of words(text)) out.add(w);
  };
  add(lead.fullName);
  add(lead.firstName);
  add(lead.lastName);
  add(lead.companyName);
  add(lead.title);
  const addAll = (list: string[]) => {
    for (const w of list) out.add(w);
  };
  if (lead.companyDomain) addAll(addressWords(lead.companyDomain));
  for (const email of lead.emails) addAll(addressWords(email.value));
  for (const tag of lead.tags) add(tag);
  return [...out];
}

/**
 * The search words a row indexes: its searchWords less each word that begins another of them
 * ("person" beside "person123", "jean" beside "jeanne"). A search term is a prefix range, so
 * whatever finds the shorter word finds the longer one: the same leads match, with fewer index
 * entries per write (multiEntry entries are most of a bulk write's cost, bench/README.md).
 */
export function indexedWords(lead: Lead): string[] {
  const sorted = searchWords(lead).sort();
  // Sorted, the words a word begins come right after it: comparing neighbours is enough.
  return sorted.filter((w, i) => !sorted[i + 1]?.startsWith(w));
}

function isoOr(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

function negatedTime(value: string | undefined): number {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? 0 : -time;
}

/** The display name a lead sorts under. */
export function sortName(lead: Lead): string {
  return foldName(leadName(lead, '')) || NO_VALUE;
}

/** Ends the word in a `recent` entry: sorts before every character a word can hold. */
export const WORD_END = '\u0000';

/** A fixed-width text that sorts newest first: 9e15 − updatedAt in ms (`updated` is already negated), 16 digits. */
export function recencyStamp(updated: number): string {
  return String(9e15 + updated).padStart(16, '0');
}

/** The `recent` entries of a row: "word" + WORD_END + recency stamp. */
export function recentWords(words: readonly string[], updated: number): string[] {
  const stamp = recencyStamp(updated);
  return words.map((w) => `${w}${WORD_END}${stamp}`);
}

/** The index key under which a lead is found by an id merged into it (team sync's duplicates). */
export function aliasKey(id: string): string {
  return `alias:${id}`;
}

/**
 * A lead's search words as the `words` store holds them (v10): its id and its `recent` entries
 * ("word" + WORD_END + recency stamp; multiEntry index `by-word-updated`), so a prefix range over
 * one word lists ids newest first. Kept out of the lead rows so a bulk write can put the rows
 * with only their small indexes (the words' entries were about half of writing a lead) and a
 * rewrite that changes no word and not the update time (a stored fit) leaves them alone.
 */
export interface WordsRow {
  id: string;
  recent: string[];
}

/** The `words` record of a stored row: its lead's indexed words stamped with the row's recency. Throws on a damaged lead. */
export function toWords(row: Pick<LeadRow, 'id' | 'lead' | 'updated'>): WordsRow {
  return { id: row.id, recent: recentWords(indexedWords(row.lead), row.updated) };
}

/** Builds the stored row of a lead (its search words are a separate record: toWords); `keys` when the caller has them already. */
export function toRow(lead: Lead, keys: string[] = dedupeKeys(lead)): LeadRow {
  const row: LeadRow = {
    id: lead.id,
    lead,
    // Aliases share the dedupe keys' index (no migration); a draft's keys never start with "alias:".
    keys: lead.aliases?.length ? [...keys, ...lead.aliases.map(aliasKey)] : keys,
    tags: [...new Set(lead.tags.map((t) => fold(t)))],
    updated: negatedTime(lead.updatedAt),
    created: negatedTime(lead.createdAt),
    name: sortName(lead),
    // People at one company sort by name ("\u0001" sorts before every letter and space).
    company: `${foldName(lead.companyName || lead.companyDomain || '') || NO_VALUE}\u0001${sortName(lead)}`,
    follow: isoOr(lead.nextFollowUpAt, NO_VALUE),
    fit: lead.fitScore === undefined ? 1 : -lead.fitScore,
  };
  if (lead.origin === 'inbound') row.inbound = 1;
  const owner = rowOwner(lead);
  if (owner !== undefined) row.owner = owner;
  return row;
}

/** The teammate a row's `owner` names (v9): the lead's owner, else who captured it; undefined for neither. */
export function rowOwner(lead: { owner?: unknown; capturedBy?: unknown }): string | undefined {
  const owner = lead.owner ?? lead.capturedBy;
  return typeof owner === 'string' ? owner : undefined;
}
