import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadDraft } from '@/lib/lead/schema';
import { closeDatabase, DB_NAME, leads, onLeadsChanged } from '.';

beforeEach(async () => {
  await closeDatabase();
  await deleteDB(DB_NAME);
});
afterEach(async () => {
  await closeDatabase();
});

const jane: LeadDraft = {
  fullName: 'Jane Doe',
  title: 'Head of Sales',
  companyName: 'Acme',
  emails: [{ value: 'Jane.Doe@Acme.com' }],
  links: ['https://fr.linkedin.com/in/Jane-Doe/?originalSubdomain=fr'],
};

describe('leads repository (smoke)', () => {
  it('creates a lead and reads it back', async () => {
    const saved = await leads.save(jane);
    expect(saved.outcome).toBe('created');
    const actual = await leads.get(saved.lead.id);
    expect(actual?.fullName).toBe('Jane Doe');
    expect(actual?.companyDomain).toBe('acme.com');
    expect(actual?.links).toEqual(['https://www.linkedin.com/in/jane-doe']);
  });

  it('notifies listeners after a write', async () => {
    const seen: string[] = [];
    const off = onLeadsChanged((c) => seen.push(c.type));
    await leads.save(jane);
    off();
    expect(seen).toEqual(['saved']);
  });
});
