import type { TrimReport } from '@/lib/lead/limits';
import type { Lead, LeadDraft, Origin, Source, Touch } from '@/lib/lead/schema';

/**
 * The repository contract every part of Prospector uses (capture, workspace,
 * export/import, insights). Implemented in ./repository.ts on IndexedDB (idb).
 */

export type SaveOutcome = 'created' | 'merged' | 'unchanged';
export interface SaveResult {
  lead: Lead;
  outcome: SaveOutcome;
  /** Values dropped so the lead's lists stay within their limits (absent when none). */
  trimmed?: TrimReport;
}

/** What an import or a batch dropped to keep leads within the list limits. */
export interface TrimSummary {
  /** Leads that lost values. */
  leads: number;
  /** Values dropped in all. */
  values: number;
  /** Values dropped per list. */
  fields: TrimReport;
}

/** Who is writing: captured and imported values never overwrite fields the user edited by hand. */
export type WriteOrigin = 'capture' | 'import' | 'user';

export interface SaveOptions {
  by?: WriteOrigin;
  /** Provenance appended to the lead's sources. */
  source?: Source;
}

export type LeadSort = 'updated' | 'name' | 'company' | 'followUp' | 'fit' | 'created';

export interface LeadQuery {
  /** Case- and accent-insensitive prefix-of-word search over name, company, title, emails, tags. */
  text?: string;
  stage?: string;
  tag?: string;
  origin?: Origin;
  /** Only leads whose nextFollowUpAt is at or before this ISO time ("follow-up due"). */
  dueBefore?: string;
  /** Only leads this teammate owns (team sync; lib/lead/owner's rule, with `me` for leads owned by nobody yet). */
  owner?: string;
  /** This browser's teammate name: a lead with no owner and no capturer is its (see leadOwner). */
  me?: string;
  sort?: LeadSort;
  /** Default: newest first for dates, A→Z for names. */
  direction?: 'asc' | 'desc';
  limit?: number;
  /** Opaque cursor from the previous page; null or absent for the first page. */
  cursor?: string | null;
}

export interface LeadPage {
  leads: Lead[];
  /** Number of leads matching the query (all pages). */
  total: number;
  /** Cursor of the next page; null when this was the last. */
  cursor: string | null;
}

export interface ImportSummary {
  created: number;
  merged: number;
  unchanged: number;
  results: SaveResult[];
  /** Present when some lead lost values over the list limits. */
  trimmed?: TrimSummary;
}

export type NewTouch = Omit<Touch, 'id'> & { id?: string };

export interface BulkPutOptions {
  onProgress?: (done: number) => void;
  /** Keep a stored lead that is newer than the record (restoring an old backup loses no edits). */
  keepNewer?: boolean;
  /** Who writes: "sync" marks the change notification so team sync does not push it back. */
  by?: 'sync';
  /**
   * No change notice: the caller sends one for many writes (a first pull of 50,000 leads in
   * batches would otherwise make every open page re-read the growing store per batch).
   */
  quiet?: boolean;
  /**
   * The leads were validated where they crossed the trust boundary (team sync parses every
   * document with LeadSchema in fromDoc): bulkPut does not parse them again.
   */
  validated?: boolean;
  /**
   * The search words of the leads new to the store are written by a pass after the write
   * (./words.ts): a first pull's bulk writes, where they are a share of the write the store can
   * leave until the pull is done. Searches stay exact meanwhile.
   */
  deferWords?: boolean;
}

/** The number of leads and the newest updatedAt (ms since epoch; 0 when empty): what a cache of the whole store checks. */
export interface StoreStamp {
  count: number;
  newestUpdatedAt: number;
}

export interface LeadRepository {
  /** Saves a draft: merges into a duplicate (same canonical link, email, or name + company domain) or creates. */
  save(draft: LeadDraft, options?: SaveOptions): Promise<SaveResult>;
  /** Saves many drafts in one transaction (capture of a list, import); all or nothing. */
  saveMany(
    drafts: LeadDraft[],
    options?: SaveOptions & { onProgress?: (done: number) => void },
  ): Promise<ImportSummary>;
  /** Stored leads that the draft would merge into. */
  findDuplicates(draft: LeadDraft): Promise<Lead[]>;
  get(id: string): Promise<Lead | undefined>;
  /** A user edit: the patched scalar fields are marked edited (protected from later captures). */
  update(id: string, patch: Partial<LeadDraft>): Promise<Lead>;
  /** Deletes leads; they can be restored with the token until the restore window passes. */
  remove(ids: string[]): Promise<{ restoreToken: string; removed: number }>;
  restore(restoreToken: string): Promise<number>;
  setStage(id: string, stage: string, touch?: NewTouch): Promise<Lead>;
  addTouch(id: string, touch: NewTouch): Promise<Lead>;
  query(query: LeadQuery): Promise<LeadPage>;
  /** The number of leads (an O(1) counter, not IDBObjectStore.count). */
  count(): Promise<number>;
  /** The count and the newest update, read without reading a record (the dashboard snapshot's check). */
  stamp(): Promise<StoreStamp>;
  /**
   * Writes whole records (restore of a backup) in one transaction, replacing by id. With
   * `keepNewer`, a stored lead updated after the record's updatedAt is kept as it is (a
   * damaged stored record is always replaced). `onProgress(done)` goes from 0 to
   * leads.length. Resolves to how many records were written and how many were kept.
   */
  bulkPut(leads: Lead[], options?: BulkPutOptions): Promise<{ written: number; kept: number }>;
  /**
   * Every valid lead, in pages, for export and statistics; `onDamaged` gets the record of each
   * row that fails the schema, as stored (backups carry those as they are).
   */
  all(options?: { onDamaged?: (record: unknown) => void }): AsyncIterable<Lead>;
  /** The valid leads of the key range [from, to) (null: open end), in key order: one export worker's share. */
  range(from: string | null, to: string | null): AsyncIterable<Lead>;
  /** Keys cutting the store into `parts` ranges of about equal size for `range`; null below `atLeast` leads. */
  split(parts: number, atLeast: number): Promise<string[] | null>;
  /**
   * Every stored record as it is (NOT validated), for statistics over every lead: the
   * visitor checks the fields it reads. Progress: records read and the count at the start.
   */
  forEachRecord(visit: (record: unknown) => void, onProgress?: (done: number, total: number) => void): Promise<void>;
  /** The valid leads stored with this company domain (an index read, not a scan). */
  ofDomain(domain: string): Promise<Lead[]>;
  /** A stored record as it is, with what is wrong with it ('' when valid); undefined when absent. */
  inspect(id: string): Promise<{ record: unknown; problems: string } | undefined>;
  /** Replaces a stored record by a corrected one (the repair view); it must satisfy the schema and keep its id. */
  repair(id: string, record: unknown): Promise<Lead>;
  /** Every tag in use, for autocomplete. */
  tags(): Promise<string[]>;
  /** Which of `stages` each lead is on (id -> stage), from index keys only: a stage count's starting map. */
  stageMap(stages: readonly string[]): Promise<Map<string, string>>;
  /** The stage of each of `ids` that is stored (absent ids left out): what a change notice's leads are on now. */
  stagesOf(ids: readonly string[]): Promise<Map<string, string>>;
  /** Erases every lead and the trash (after the user confirmed and was offered a backup); says how many went. */
  clear(): Promise<{ leads: number; trash: number }>;
  /**
   * Stores computed fit scores (a cache for sort 'fit'; undefined removes it) in one
   * transaction without touching updatedAt or edited; returns how many leads changed.
   */
  setFitScores(entries: { id: string; fitScore: number | undefined }[]): Promise<number>;
  /**
   * Re-computes stored fit scores with `score` (of `ids`, or every lead) in batches of one
   * transaction each, storing those that changed; returns how many changed.
   */
  refreshFitScores(score: (lead: Lead) => number | undefined, ids?: readonly string[]): Promise<number>;
  /**
   * refreshFitScores for a profile that scores no lead: removes the stored score of those of
   * `ids` (or of every lead) that have one, reading only the scored leads' keys; returns how many changed.
   */
  clearFitScores(ids?: readonly string[]): Promise<number>;
}
