// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyEdit, chooseEdit, conflictWrites, digest, editedDoc, type TeamEdit } from '@/bench/team-edits';
import { openDatabase } from '@/lib/db';
import { createLeadRepository } from '@/lib/db/repository';
import type { Lead } from '@/lib/lead/schema';
import { toDoc } from '@/lib/sync/docs';
import { toRevision } from '@/lib/sync/resolve';
import { emptyDatabaseEachTest } from '@/test/db';
import { makeLead } from '@/test/factories';

/**
 * `npm run bench team` has simulated reps edit leads without a store (bench/team-edits.ts). Their
 * edits must be the ones the workspace makes through the repository (lib/db/edits.ts), or the
 * bench would time and check other documents than real reps write.
 */

emptyDatabaseEachTest();

const NOW = '2026-03-02T10:00:00.000Z';
const repository = () => createLeadRepository(openDatabase, { now: () => NOW, uuid: () => crypto.randomUUID() });

const EDITS: [string, TeamEdit][] = [
  ['a stage change', { kind: 'stage', stage: 'meeting' }],
  ['a touch', { kind: 'touch', touchId: 'Rep 3#1', channel: 'email', note: 'call Rep 3#1' }],
  ['new notes', { kind: 'notes', notes: 'notes Rep 3#2' }],
  ['a reassignment', { kind: 'owner', owner: 'Rep 4' }],
];

describe('bench team: simulated edits', () => {
  it.each(EDITS)('%s gives the lead the repository stores for the same edit', async (_, edit) => {
    // Arrange
    const leads = repository();
    const { lead } = await leads.save({ fullName: 'Jane Doe', emails: [{ value: 'jane@acme.example' }], notes: 'old' });
    // Act
    const expected =
      edit.kind === 'stage'
        ? await leads.setStage(lead.id, edit.stage)
        : edit.kind === 'touch'
          ? await leads.addTouch(lead.id, { id: edit.touchId, at: NOW, channel: edit.channel, note: edit.note })
          : await leads.update(lead.id, edit.kind === 'notes' ? { notes: edit.notes } : { owner: edit.owner });
    const actual = applyEdit(lead, edit, NOW);
    // Assert
    expect(actual).toEqual(expected);
  });

  it('picks a stage and an owner other than the current ones', () => {
    const lead = makeLead(1, { stage: 'new', owner: 'Ann' });
    for (const roll of [0, 0.5, 0.99]) {
      const stage = chooseEdit(lead, 0.1, roll, 't', ['Ann', 'Bob']);
      const owner = chooseEdit(lead, 0.9, roll, 't', ['Ann', 'Bob']);
      expect(stage).not.toEqual({ kind: 'stage', stage: 'new' });
      expect(owner).toEqual({ kind: 'owner', owner: 'Bob' });
    }
  });

  it('two reps editing one revision conflict, and the merge keeps both edits', () => {
    // Arrange: one server revision, edited by two reps who have not seen each other's edit.
    const lead: Lead = makeLead(1, { stage: 'new', fullName: 'Jane Doe' });
    const base = { ...toDoc(toRevision(lead)), _rev: '1-a' };
    const byAnn = editedDoc(base, { kind: 'notes', notes: 'from Ann' }, '2026-03-02T10:00:00.000Z');
    const byBob = editedDoc(base, { kind: 'touch', touchId: 'Bob#1', channel: 'email', note: '' }, NOW);
    if (!byAnn || !byBob) throw new Error('both edits apply');
    // Act: Ann's revision won; Bob's is the conflict.
    const [merged, tombstone] = conflictWrites({ ...byAnn, _rev: '2-b', _conflicts: ['2-c'] }, [
      { ...byBob, _rev: '2-c' },
    ]);
    // Assert
    expect(merged?._rev).toBe('2-b');
    expect(merged?.lead?.notes).toBe('from Ann');
    expect(merged?.lead?.touches.map((t) => t.id)).toEqual(['Bob#1']);
    expect(tombstone).toEqual({ _id: lead.id, _rev: '2-c', _deleted: true });
  });

  it('a digest tells leads apart by their shared fields only', () => {
    const lead = makeLead(1, { fullName: 'Jane Doe', notes: 'a' });
    expect(digest(lead.id, { ...lead, fitScore: 80 })).toBe(digest(lead.id, lead));
    expect(digest(lead.id, { ...lead, notes: 'b' })).not.toBe(digest(lead.id, lead));
  });
});
