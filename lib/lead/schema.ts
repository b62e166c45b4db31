import { z } from 'zod';
import { LIST_LIMITS } from './limits';
import { isHttpUrl } from './urls';

/**
 * The lead model: the single source of types for the store, capture, workspace
 * and export/import. Objects are "loose" so fields written by an older or newer
 * version of Prospector survive a round trip instead of being dropped.
 */

export const LEAD_RECORD_VERSION = 1;

export const CHANNELS = [
  'cold-call',
  'email',
  'mass-email',
  'direct-mail',
  'social',
  'event',
  'display-ad',
  'other',
] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** The default pipeline; users can rename, reorder and add stages (settings), so a stored stage is any id. */
export const DEFAULT_STAGES = [
  'new',
  'researching',
  'contacted',
  'nurturing',
  'replied',
  'meeting',
  'won',
  'lost',
] as const;
export const StageSchema = z.string().trim().min(1).max(60);

export const ORIGINS = ['outbound', 'inbound'] as const;
export const OriginSchema = z.enum(ORIGINS);
export type Origin = z.infer<typeof OriginSchema>;

export const CONTACT_SOURCES = ['page', 'user', 'import', 'guessed'] as const;
export const ContactSourceSchema = z.enum(CONTACT_SOURCES);

export const EMAIL_STATUSES = ['found', 'guessed', 'verified-by-user', 'bounced'] as const;
export const EmailStatusSchema = z.enum(EMAIL_STATUSES);

const IsoDate = z.iso.datetime({ offset: true });
// Caps keep a hostile page or file from storing megabytes in one field.
const Text = (max: number) => z.string().trim().max(max);
const OptText = (max: number) => Text(max).optional();
/** Stored URL fields hold only http(s) web addresses; prepareDraft keeps anything else as text in the notes. */
const HttpUrl = (max: number) => Text(max).refine(isHttpUrl, 'only http(s) web addresses are stored');

export const EmailPointSchema = z.looseObject({
  value: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'not an email address'),
  label: OptText(60),
  source: ContactSourceSchema.default('page'),
  status: EmailStatusSchema.default('found'),
  /** 0..1, for guessed addresses. */
  confidence: z.number().min(0).max(1).optional(),
});
export type EmailPoint = z.infer<typeof EmailPointSchema>;

export const PhonePointSchema = z.looseObject({
  /** E.164 (+14155550132) when the number could be parsed, else the raw text. */
  value: Text(64).min(1),
  /** The text as found, when it differs from value. */
  raw: OptText(64),
  label: OptText(60),
  source: ContactSourceSchema.default('page'),
});
export type PhonePoint = z.infer<typeof PhonePointSchema>;

export const TouchSchema = z.looseObject({
  id: z.string().min(1).max(64),
  at: IsoDate,
  channel: ChannelSchema,
  direction: z.enum(['out', 'in']).default('out'),
  note: OptText(10_000),
  outcome: OptText(200),
});
export type Touch = z.infer<typeof TouchSchema>;

export const SourceSchema = z.looseObject({
  /** The page the data came from (absent for an import, which names its file). */
  url: HttpUrl(4096).optional(),
  /** The imported file's name. */
  file: OptText(300),
  capturedAt: IsoDate,
  /** Which extractor or importer produced the data, e.g. "linkedin-profile", "json-ld", "import:linkedin-connections". */
  extractor: Text(100).min(1),
});
export type Source = z.infer<typeof SourceSchema>;
/** A source as a draft may carry it: any URL text (prepareDraft makes it a web address or a note). */
const SourceDraftSchema = SourceSchema.extend({ url: Text(4096).min(1).optional() });

/** Scalar fields a user can edit by hand; those listed in `edited` win over later captures. */
export const EDITABLE_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'title',
  'location',
  'photoUrl',
  'companyName',
  'companyDomain',
  'companyWebsite',
  'industry',
  'companySize',
  'companyLocation',
  'notes',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const leadFields = {
  fullName: OptText(300),
  firstName: OptText(150),
  lastName: OptText(150),
  title: OptText(500),
  location: OptText(300),
  photoUrl: HttpUrl(4096).optional(),
  companyName: OptText(300),
  companyDomain: OptText(253),
  companyWebsite: HttpUrl(4096).optional(),
  industry: OptText(200),
  companySize: OptText(100),
  companyLocation: OptText(300),
  emails: z.array(EmailPointSchema).max(LIST_LIMITS.emails).default([]),
  phones: z.array(PhonePointSchema).max(LIST_LIMITS.phones).default([]),
  links: z.array(HttpUrl(4096)).max(LIST_LIMITS.links).default([]),
  sources: z.array(SourceSchema).max(LIST_LIMITS.sources).default([]),
  origin: OriginSchema.default('outbound'),
  stage: StageSchema.default('new'),
  channel: ChannelSchema.optional(),
  touches: z.array(TouchSchema).max(LIST_LIMITS.touches).default([]),
  nextFollowUpAt: IsoDate.optional(),
  tags: z.array(Text(60).min(1)).max(LIST_LIMITS.tags).default([]),
  notes: OptText(100_000),
  fitScore: z.number().min(0).max(100).optional(),
  /** Field names the user edited by hand (protected from captures). */
  edited: z.array(z.string().max(60)).max(LIST_LIMITS.edited).default([]),
  /**
   * Links and tags the user added by hand (tags folded to lower case): when a merge brings more
   * than a list holds, these are kept first (lib/lead/limits.ts).
   */
  handAdded: z
    .looseObject({
      links: z.array(z.string().max(4096)).max(LIST_LIMITS.links).optional(),
      tags: z.array(z.string().max(60)).max(LIST_LIMITS.tags).optional(),
    })
    .optional(),
  /** Stage changes made in Prospector, oldest first ("when did it reach won"). */
  stageHistory: z
    .array(z.looseObject({ stage: StageSchema, at: IsoDate }))
    .max(LIST_LIMITS.stageHistory)
    .optional(),
  /** What a later capture or import said for a field the user had edited (their value won; this one is kept). */
  captured: z.record(z.string().max(60), z.string().max(100_000)).optional(),
  /** Team sync: the teammate who captured the lead, by display name. */
  capturedBy: OptText(80),
  /** Team sync: the teammate who owns the outreach (reassignable). */
  owner: OptText(80),
  /** Team sync: ids of the same person captured by teammates and merged into this lead. */
  aliases: z.array(z.string().max(64)).max(1000).optional(),
};

/** A lead must say who or what it is about. */
function hasIdentity(lead: {
  fullName?: string | undefined;
  companyName?: string | undefined;
  emails: unknown[];
  links: unknown[];
}): boolean {
  return Boolean(lead.fullName || lead.companyName || lead.emails.length > 0 || lead.links.length > 0);
}
const IDENTITY_MESSAGE = 'a lead needs at least a name, a company, an email or a link';

export const LeadSchema = z
  .looseObject({
    id: z.uuid(),
    createdAt: IsoDate,
    updatedAt: IsoDate,
    version: z.number().int().min(1).default(LEAD_RECORD_VERSION),
    ...leadFields,
  })
  .refine(hasIdentity, { message: IDENTITY_MESSAGE });
export type Lead = z.infer<typeof LeadSchema>;

/** What capture, the form and import hand to the store: a lead without identity or timestamps. */
export const LeadDraftSchema = z
  .looseObject({
    ...leadFields,
    // What pages, files and forms hand in: URL fields as any text, made web addresses (or kept
    // as text in the notes) by prepareDraft before anything is stored.
    photoUrl: OptText(4096),
    companyWebsite: OptText(4096),
    links: z.array(Text(4096).min(1)).max(LIST_LIMITS.links).default([]),
    sources: z.array(SourceDraftSchema).max(LIST_LIMITS.sources).default([]),
  })
  .refine(hasIdentity, { message: IDENTITY_MESSAGE });
export type LeadDraft = z.input<typeof LeadDraftSchema>;
export type ParsedLeadDraft = z.infer<typeof LeadDraftSchema>;
