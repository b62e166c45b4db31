import { z } from 'zod';
import type { Company, Extraction, Person } from './types';

/**
 * zod schema of an Extraction: the limits finalize clamps every field to while it builds
 * the result from the page's untrusted reading. Tests hold finalize's output to it; the
 * popup does not parse it again (the reading was validated once, at finalize's door).
 */
const Str = (max: number) => z.string().max(max);
const Sources = z.record(Str(60), Str(120));

export const PersonSchema = z.object({
  fullName: Str(300).min(1),
  firstName: Str(150).optional(),
  lastName: Str(150).optional(),
  title: Str(500).optional(),
  companyName: Str(300).optional(),
  location: Str(300).optional(),
  emails: z.array(Str(254)).max(50),
  phones: z.array(Str(64)).max(50),
  links: z.array(Str(4096)).max(100),
  photoUrl: Str(4096).optional(),
  sources: Sources,
}) satisfies z.ZodType<Person>;

export const CompanySchema = z.object({
  name: Str(300).min(1),
  domain: Str(253).optional(),
  website: Str(4096).optional(),
  industry: Str(200).optional(),
  size: Str(100).optional(),
  location: Str(300).optional(),
  description: Str(5000).optional(),
  emails: z.array(Str(254)).max(100),
  phones: z.array(Str(64)).max(100),
  links: z.array(Str(4096)).max(200),
  logoUrl: Str(4096).optional(),
  sources: Sources,
}) satisfies z.ZodType<Company>;

export const ExtractionSchema = z.object({
  url: Str(4096),
  pageKind: z.enum(['person', 'company', 'people-list', 'other']),
  people: z.array(PersonSchema).max(1000),
  company: CompanySchema.nullable(),
  nameHint: z.object({ fullName: Str(300).min(1), source: z.enum(['heading', 'title']) }).optional(),
}) satisfies z.ZodType<Extraction>;
