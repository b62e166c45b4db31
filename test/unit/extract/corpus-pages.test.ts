// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { splitOf } from '../../../scripts/corpus-split.mjs';

// The shape of the corpus's page files (test/corpus/pages/*.json). Only the metadata and the
// form of the facts are checked here, never their values, so no page is looked at: a sealed
// page's facts stay unread. A page with a "batch" (a later gathering, scored on its own with
// `npm run corpus:report -- --batch <name>`) must have its row in that batch's SOURCES file.
const DIR = join(process.cwd(), 'test/corpus');
const httpUrl = z.string().regex(/^https?:\/\/\S+$/);
// Facts compare phones by their digits and leading '+', and the extractor gives E.164: a phone
// written down in national format ("0722.358.249") could never match, so it is refused here.
const phone = z.string().regex(/^\+\d[\d ]{5,}$/);
const person = z
  .object({
    fullName: z.string().trim().min(1),
    title: z.string().min(1).optional(),
    companyName: z.string().min(1).optional(),
    location: z.string().min(1).optional(),
    emails: z.array(z.string().includes('@')).optional(),
    phones: z.array(phone).optional(),
    links: z.array(httpUrl).optional(),
  })
  .strict();
const company = z
  .object({
    name: z.string().min(1).optional(),
    domain: z
      .string()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)
      .optional(),
    location: z.string().min(1).optional(),
    emails: z.array(z.string().includes('@')).optional(),
    phones: z.array(phone).optional(),
    links: z.array(httpUrl).optional(),
  })
  .strict();
const page = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['people-list', 'person', 'company', 'negative']),
  subkind: z.string(),
  lang: z.string().regex(/^[a-z]{2}$/),
  builder: z.string().min(1),
  batch: z
    .string()
    .regex(/^s\d+$/)
    .optional(),
  peopleTruncated: z.boolean().optional(),
  source: z.object({
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
    path: z.string().min(1),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    licence: z.string().min(1),
    url: httpUrl,
    note: z.string().optional(),
  }),
  expected: z.object({
    url: httpUrl,
    pageKind: z.enum(['people-list', 'person', 'company', 'other']),
    people: z.array(person),
    company: company.nullable(),
    absent: z.array(z.string()).optional(),
  }),
});

const files = readdirSync(join(DIR, 'pages')).filter((f) => f.endsWith('.json'));

describe('corpus page files', () => {
  it.each(files)('%s has the page schema', (file) => {
    const raw = JSON.parse(readFileSync(join(DIR, 'pages', file), 'utf8'));
    const parsed = page.safeParse(raw);
    expect(parsed.error?.issues ?? []).toEqual([]);
    const p = page.parse(raw);
    expect(`${p.id}.json`).toBe(file);
    expect(p.expected.pageKind).toBe(p.kind === 'negative' ? 'other' : p.kind);
    const names = p.expected.people.map((x) => x.fullName.normalize('NFC').toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    if (p.batch) {
      const sources = readFileSync(join(DIR, `SOURCES-${p.batch}.md`), 'utf8');
      expect(sources).toMatch(new RegExp(`^\\|\\s*${p.id}\\s*\\|\\s*${p.kind}\\b`, 'm'));
      expect(sources).toContain(p.source.commit);
    }
  });
});

// The second, blind annotation (test/corpus/agreement, scored with `corpus:report --against`):
// the same facts' shape, of an existing development page (a sealed page is never read twice).
const agreement = readdirSync(join(DIR, 'agreement')).filter((f) => f.endsWith('.json'));
const second = z.object({ id: z.string(), note: z.string(), expected: page.shape.expected }).strict();

describe('second annotation files', () => {
  it.each(agreement)('%s annotates a development page, in the page schema', (file) => {
    const raw = JSON.parse(readFileSync(join(DIR, 'agreement', file), 'utf8'));
    expect(second.safeParse(raw).error?.issues ?? []).toEqual([]);
    expect(`${raw.id}.json`).toBe(file);
    expect(files).toContain(file);
    expect(splitOf(raw.id)).toBe('dev');
  });
});
