import { describe, expect, it } from 'vitest';
import { leads, openDatabase } from '@/lib/db';
import { DEFAULT_EXPORT_PREFS } from '@/lib/export/prefs';
import { renderScope } from '@/lib/export/render';
import { buildDrafts, commitDrafts, importSource, sniffCsv } from '@/lib/import';
import { type Lead, LeadSchema } from '@/lib/lead/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { emptyDatabaseEachTest, testRepository } from '@/test/db';
import { needsRepair } from './damaged';
import { toRow } from './rows';

// Issue 13, finding 1: a merge must never push a lead past its list limits (the row then
// failed LeadSchema and vanished from every list, export and backup).

emptyDatabaseEachTest();

const links = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `https://example.com/page-${String(from + i).padStart(4, '0')}`);

async function importCsv(csv: string) {
  const shape = sniffCsv(csv);
  const batch = await buildDrafts(csv, shape, shape.mapping, {
    format: shape.format,
    origin: 'outbound',
    now: new Date().toISOString(),
    newId: () => crypto.randomUUID(),
    stages: DEFAULT_SETTINGS.stages,
  });
  return commitDrafts(leads, batch.drafts, importSource('tags.csv', shape.format, new Date().toISOString()));
}

describe('merges stay within the list limits', () => {
  it('a lead tagged "customer", then a CSV row with the same email and 100 tags: still listed, "customer" kept, trim reported', async () => {
    const first = await leads.save({ fullName: 'Jane Doe', emails: [{ value: 'jane@acme.com' }] });
    await leads.update(first.lead.id, { tags: ['customer'] });
    const tags = Array.from({ length: 100 }, (_, i) => `t${i}`).join(';');
    const summary = await importCsv(`Email,Tags\njane@acme.com,"${tags}"\n`);

    expect(summary.merged).toBe(1);
    const page = await leads.query({});
    expect(page.total).toBe(1);
    expect(page.leads).toHaveLength(1);
    const actual = page.leads[0];
    expect(actual?.tags).toHaveLength(100);
    expect(actual?.tags).toContain('customer');
    expect(summary.trimmed).toEqual({ leads: 1, values: 1, fields: { tags: 1 } });
    expect(summary.results[0]?.trimmed).toEqual({ tags: 1 });
  });

  it('a lead with 150 links captured again with 100 new links: 200 links, the newest kept, trim reported', async () => {
    const store = testRepository();
    const profile = 'https://www.linkedin.com/in/jane-doe';
    const first = await store.save({ fullName: 'Jane Doe', links: [profile, ...links(0, 149)] });
    const again = await store.save({ fullName: 'Jane Doe', links: [profile, ...links(150, 100)] });

    expect(again.outcome).toBe('merged');
    expect(again.lead.id).toBe(first.lead.id);
    expect(again.trimmed).toEqual({ links: 50 });
    expect(LeadSchema.safeParse(again.lead).success).toBe(true);
    const stored = await store.get(first.lead.id);
    expect(stored?.links).toHaveLength(200);
    // The 100 new ones and the profile seen again are kept, then the newest older ones.
    expect(stored?.links).toEqual(expect.arrayContaining([profile, ...links(150, 100), ...links(50, 99)]));
    expect(stored?.links).not.toContain(links(49, 1)[0]);
    expect((await store.query({})).total).toBe(1);
    let listed = 0;
    for await (const _ of store.all()) listed++;
    expect(listed).toBe(1);
  });

  it('hand-added emails outlive captured ones when a capture brings more than 100', async () => {
    const store = testRepository();
    const profile = 'https://www.linkedin.com/in/jane-doe';
    const first = await store.save({
      fullName: 'Jane Doe',
      links: [profile],
      emails: [{ value: 'own@acme.com', source: 'user' }, { value: 'old@acme.com' }],
    });
    const many = Array.from({ length: 100 }, (_, i) => ({ value: `p${i}@acme.com` }));
    const again = await store.save({ fullName: 'Jane Doe', links: [profile], emails: many });
    expect(again.lead.id).toBe(first.lead.id);
    expect(again.lead.emails).toHaveLength(100);
    expect(again.lead.emails[0]?.value).toBe('own@acme.com');
    expect(again.lead.emails.map((e) => e.value)).not.toContain('old@acme.com');
    expect(again.trimmed).toEqual({ emails: 2 });
  });
});

describe('a damaged row is never invisible', () => {
  async function storeDamaged() {
    const store = testRepository();
    const good = await store.save({ fullName: 'Ada Lovelace' });
    const db = await openDatabase();
    const id = '6f1c1a1e-0000-4000-8000-0000000000aa';
    const tags = Array.from({ length: 101 }, (_, i) => `t${i}`);
    const row = { ...toRow({ ...good.lead, id, fullName: 'Grace Hopper' }), id };
    row.lead = { ...row.lead, tags } as Lead;
    await db.put('leads', row);
    return { store, good, id, record: row.lead };
  }

  it('inspect shows the record and its problem; repair with a fixed record makes it a lead again', async () => {
    const { store, id, record } = await storeDamaged();
    const inspected = await store.inspect(id);
    expect(inspected?.record).toEqual(record);
    expect(inspected?.problems).toMatch(/^tags: /);
    await expect(store.repair(id, { ...record, tags: 'x' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(store.repair(id, { ...record, id: crypto.randomUUID(), tags: [] })).rejects.toMatchObject({
      code: 'invalid',
    });
    const repaired = await store.repair(id, { ...record, tags: record.tags.slice(0, 100) });
    expect(repaired.tags).toHaveLength(100);
    expect((await store.get(id))?.fullName).toBe('Grace Hopper');
    expect((await store.query({})).leads.some(needsRepair)).toBe(false);
  });

  it('a full JSON backup carries the damaged record as it is stored', async () => {
    const { store, good, record } = await storeDamaged();
    const file = await renderScope(store, {}, 'json', DEFAULT_EXPORT_PREFS, DEFAULT_SETTINGS);
    const backup = JSON.parse(file.parts.join('')) as { leads: unknown[] };
    expect(backup.leads).toHaveLength(2);
    expect(backup.leads).toContainEqual(record);
    expect(backup.leads).toContainEqual(expect.objectContaining({ id: good.lead.id }));
  });
});
