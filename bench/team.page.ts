// Page script of `npm run bench team` (bench/team.bench.mjs), evaluated in an extension page of a
// real profile: the rep's edits go through lib/db's repository, as the workspace makes them, and
// their change notices reach the service worker as a page's do (BroadcastChannel and the
// 'leads.changed' message), so team sync pushes them as it pushes a user's. Exposes
// window.teamBench.
import { leads, openDatabase, relayLeadsChanges } from '@/lib/db';
import { chooseEdit, digest, type TeamEdit } from './team-edits';

type SendMessage = (message: unknown) => Promise<unknown>;
const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: SendMessage } } }).chrome.runtime;
// The relay lib/db/index.ts sets in extension pages, with the extension's own API: it wakes a
// stopped service worker, which a BroadcastChannel does not.
relayLeadsChanges((notice) => {
  runtime.sendMessage({ prospector: 1, type: 'leads.changed', input: notice }).catch(() => {});
});

/** What one edit did: its time (the lead's updatedAt) and whether it added a stage change to the history. */
interface Done {
  edit: TeamEdit;
  at: string;
  historyAdded: boolean;
}

async function apply(id: string, edit: TeamEdit): Promise<Done> {
  const lead =
    edit.kind === 'stage'
      ? await leads.setStage(id, edit.stage)
      : edit.kind === 'touch'
        ? await leads.addTouch(id, {
            id: edit.touchId,
            at: new Date().toISOString(),
            channel: edit.channel,
            note: edit.note,
          })
        : await leads.update(id, edit.kind === 'notes' ? { notes: edit.notes } : { owner: edit.owner });
  return { edit, at: lead.updatedAt, historyAdded: lead.stageHistory?.at(-1)?.at === lead.updatedAt };
}

const api = {
  /** A rep's edit of lead `id`, picked by chooseEdit from the lead as this browser has it. */
  async edit(id: string, kindRoll: number, valueRoll: number, tag: string, reps: string[]): Promise<Done | null> {
    const lead = await leads.get(id);
    if (!lead) return null;
    return apply(id, chooseEdit(lead, kindRoll, valueRoll, tag, reps));
  },
  /** New notes on lead `id` (a latency probe). */
  notes: (id: string, notes: string) => apply(id, { kind: 'notes', notes }),
  /** The notes of stored lead `id`: one get by key, cheap enough to poll. */
  async notesOf(id: string): Promise<string | null> {
    const db = await openDatabase();
    return (await db.get('leads', id))?.lead.notes ?? null;
  },
  /** The digest (team-edits' `digest`) of every stored lead, by id. */
  async digests(): Promise<Record<string, string>> {
    const db = await openDatabase();
    const out: Record<string, string> = {};
    for (const row of await db.getAll('leads')) out[row.id] = digest(row.id, row.lead);
    return out;
  },
};

(globalThis as unknown as { teamBench: typeof api }).teamBench = api;
