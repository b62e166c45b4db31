// The edits and checks of `npm run bench team` (bench/team.bench.mjs). Bundled twice: for Node,
// where the simulated reps (bench/team-reps.mjs) make their edits and resolve their conflicts with
// it, and inside bench/team.page.ts for the real profiles' digests. No Node or DOM API here.

import { sortTouches } from '@/lib/lead/merge';
import { CHANNELS, type Channel, DEFAULT_STAGES, type Lead, LeadSchema, TouchSchema } from '@/lib/lead/schema';
import { fromDoc, type LeadDoc, toDoc } from '@/lib/sync/docs';
import { canonical, type LeadRevision, resolveRevisions, toRevision } from '@/lib/sync/resolve';

// The bench seeders' PRNG, for both sides of the team bench (this file is bundled for Node).
export { rng } from './rng';

/** One user edit, as the workspace makes it (lib/db/edits.ts: setStage, addTouch, update). */
export type TeamEdit =
  | { kind: 'stage'; stage: string }
  | { kind: 'touch'; touchId: string; channel: Channel; note: string }
  | { kind: 'notes'; notes: string }
  | { kind: 'owner'; owner: string };

/**
 * The edit a rep makes: `kindRoll` and `valueRoll` (0..1, the caller's random numbers) pick a
 * stage change (30%) to a stage other than the lead's, a touch (30%), new notes (25%) or a
 * reassignment (15%) to a teammate other than the owner. `tag` names the edit (rep and count),
 * so the bench finds each touch and notes text in the final documents.
 */
export function chooseEdit(lead: Lead, kindRoll: number, valueRoll: number, tag: string, reps: string[]): TeamEdit {
  const pick = <T>(list: readonly T[]) => list[Math.min(list.length - 1, Math.floor(valueRoll * list.length))] as T;
  if (kindRoll < 0.3) return { kind: 'stage', stage: pick(DEFAULT_STAGES.filter((s) => s !== lead.stage)) };
  if (kindRoll < 0.6) return { kind: 'touch', touchId: tag, channel: pick(CHANNELS), note: `call ${tag}` };
  if (kindRoll < 0.85) return { kind: 'notes', notes: `notes ${tag}` };
  return { kind: 'owner', owner: pick(reps.filter((r) => r !== lead.owner)) };
}

/**
 * `lead` after `edit` at `now`, as lib/db/edits.ts writes it: a stage change appends to the
 * stage history, a touch is inserted by time and sets the channel, notes are a hand edit
 * (`edited`), an owner is a plain reassignment (lib/db's update with { owner }).
 */
export function applyEdit(lead: Lead, edit: TeamEdit, now: string): Lead {
  switch (edit.kind) {
    case 'stage': {
      if (edit.stage === lead.stage) return lead;
      const history = [...(lead.stageHistory ?? []), { stage: edit.stage, at: now }].slice(-1000);
      return LeadSchema.parse({ ...lead, stage: edit.stage, stageHistory: history, updatedAt: now });
    }
    case 'touch': {
      const touch = TouchSchema.parse({ id: edit.touchId, at: now, channel: edit.channel, note: edit.note });
      const touches = sortTouches([...lead.touches.filter((t) => t.id !== touch.id), touch]);
      return LeadSchema.parse({ ...lead, touches, channel: touches.at(-1)?.channel, updatedAt: now });
    }
    case 'notes': {
      const captured = { ...(lead.captured ?? {}) };
      delete captured.notes;
      const next: Record<string, unknown> = {
        ...lead,
        notes: edit.notes,
        updatedAt: now,
        edited: [...new Set([...lead.edited, 'notes'])],
      };
      if (Object.keys(captured).length > 0) next.captured = captured;
      else delete next.captured;
      return LeadSchema.parse(next);
    }
    case 'owner':
      return LeadSchema.parse({ ...lead, owner: edit.owner, updatedAt: now });
  }
}

/**
 * The mirror document after a simulated rep's edit of `doc` (the mirror's current revision),
 * as the bridge pushes a stored lead's edit (lib/sync/bridge.ts, push): the lead's revision
 * against its base (toRevision keeps the time of each unchanged value), merged with the
 * mirror's current revision, written as the next revision of it. Null for a tombstone.
 */
export function editedDoc(doc: LeadDoc, edit: TeamEdit, now: string): LeadDoc | null {
  const base = fromDoc(doc);
  if (!base || !doc._rev) return null;
  const lead = applyEdit(base.lead, edit, now);
  if (lead === base.lead) return null;
  const mine = toRevision(lead, base);
  return toDoc(resolveRevisions([base, mine]), doc._rev);
}

/**
 * The writes that resolve a document's conflicts, as the bridge makes them in the mirror
 * (lib/sync/bridge.ts, resolveConflicts): the merge of every revision on top of the winner and
 * a tombstone on each losing leaf. `losers` are the conflicting revisions' documents.
 */
export function conflictWrites(doc: LeadDoc, losers: LeadDoc[]): LeadDoc[] {
  const conflicts = doc._conflicts ?? [];
  if (conflicts.length === 0 || !doc._rev) return [];
  const revisions = [doc, ...losers].map(fromDoc).filter((r): r is LeadRevision => r !== null);
  return [
    toDoc(resolveRevisions(revisions), doc._rev),
    ...conflicts.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })),
  ];
}

/**
 * A lead as teammates share it, in one text: the document's lead or a stored row's, read as a
 * pull reads it (validated, without the browser's own fields: fit score, sync revision). Two
 * browsers agree on a lead when these are equal. Null for a tombstone or an invalid lead.
 */
export function sharedText(id: string, lead: unknown): string | null {
  const rev = fromDoc({ _id: id, lead: lead as Lead });
  return rev ? canonical(rev.lead) : null;
}

/** A 53-bit hash of a text (cyrb53): digests of 50,000 leads cross the CDP wire, not the leads. */
export function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The digest of a lead (see sharedText); '' for none. */
export function digest(id: string, lead: unknown): string {
  const text = sharedText(id, lead);
  return text === null ? '' : hash(text);
}
