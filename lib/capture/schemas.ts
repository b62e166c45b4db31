import { z } from 'zod';
import { CHANNELS, ORIGINS } from '@/lib/lead/schema';

/**
 * The capture form's schemas and field lists: what the popup edits before saving. It is plain data
 * (strings and string lists, exactly what the inputs show) so it can be kept in
 * session storage per tab and restored when the popup opens again.
 */

/** Single-value fields of the form, in display order. */
export const SCALAR_FIELDS = ['fullName', 'title', 'companyName', 'companyDomain', 'location', 'notes'] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];
/** Multi-value fields of the form. */
export const LIST_FIELDS = ['emails', 'phones', 'links', 'tags'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
export type FormField = ScalarField | ListField;

export const FIELD_LABELS: Record<FormField, string> = {
  fullName: 'Name',
  title: 'Title',
  companyName: 'Company',
  companyDomain: 'Company domain',
  location: 'Location',
  notes: 'Notes',
  emails: 'Emails',
  phones: 'Phones',
  links: 'Links',
  tags: 'Tags',
};

const Str = (max: number) => z.string().max(max);
const List = (max: number) => z.array(Str(4096)).max(max);

export const FormDraftSchema = z.object({
  /** Stable row key (lists) and React key. */
  key: Str(100),
  kind: z.enum(['person', 'company', 'manual']),
  fullName: Str(300),
  title: Str(500),
  companyName: Str(300),
  companyDomain: Str(253),
  location: Str(300),
  notes: Str(100_000),
  emails: List(100),
  phones: List(100),
  links: List(200),
  tags: List(100),
  photoUrl: Str(4096).optional(),
  /** Field → extractor source ("json-ld", "site:linkedin-profile", "user", ...). */
  sources: z.record(Str(60), Str(120)),
  /** Fields the user typed into: saved as hand edits, which later captures never overwrite. */
  edited: z.array(Str(60)).max(100),
  /** Guessed addresses the user accepted (lib/intel/email-pattern): saved with status "guessed", never as found. */
  guessed: z
    .array(z.looseObject({ value: Str(254) }))
    .max(20)
    .default([]),
  /** Extra fields shown because the user added them by hand (e.g. "location" when the page had none). */
  shown: z.array(Str(60)).max(100).default([]),
});
export type FormDraft = z.infer<typeof FormDraftSchema>;

export const CaptureOptionsSchema = z.object({
  origin: z.enum(ORIGINS),
  stage: Str(60).min(1),
  channel: z.enum(CHANNELS).or(z.literal('')),
  /** A first touch recorded with the save (e.g. "sent a connection request"). */
  touch: z.object({ enabled: z.boolean(), note: Str(10_000) }),
  /** yyyy-mm-dd from <input type=date>, '' for none. */
  followUp: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
});
export type CaptureOptions = z.infer<typeof CaptureOptionsSchema>;

export const CaptureModeSchema = z.enum(['single', 'list', 'manual']);
export type CaptureMode = z.infer<typeof CaptureModeSchema>;

/** Everything the popup needs to show the capture of one tab again, as typed. */
export const CaptureDraftSchema = z.object({
  /** The page the draft belongs to: a draft for another URL of the same tab is not shown. */
  url: Str(4096),
  mode: CaptureModeSchema,
  forms: z.array(FormDraftSchema).max(1000),
  /** Keys of the checked rows in list mode. */
  selected: z.array(Str(100)).max(1000),
  options: CaptureOptionsSchema,
  /** The extractor that produced the forms (stored as the lead's source). */
  extractor: Str(100),
  /** True once the user changed anything: only touched drafts are worth keeping. */
  dirty: z.boolean(),
});
export type CaptureDraft = z.infer<typeof CaptureDraftSchema>;
