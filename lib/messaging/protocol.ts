import { z } from 'zod';
import { LeadsNoticeSchema } from '@/lib/db/changes';
import { LIST_LIMITS, type LimitedList } from '@/lib/lead/limits';
import { type LeadDraft, LeadSchema } from '@/lib/lead/schema';
import { PageRecordsSchema } from '@/lib/picker/schema';
import { syncProtocol } from '@/lib/sync/protocol';

/**
 * The one message protocol of Prospector. Every message names its input and
 * output schemas and who may send it:
 * - "extension": extension pages (popup, options) only, checked by origin;
 * - "content": our content scripts, only from a tab's top frame;
 * Both sides import this map; the background validates input with zod before use.
 */
export const SaveOutcomeSchema = z.enum(['created', 'merged', 'unchanged']);
/** Values dropped per list to keep a lead within its limits (lib/lead/limits.ts). */
export const TrimReportSchema = z.partialRecord(
  z.enum(Object.keys(LIST_LIMITS) as [LimitedList, ...LimitedList[]]),
  z.number().int().min(0),
);

/** A lead draft as a message carries it: typed for both sides, checked as an object; the store validates it. */
const DraftObject = z.custom<LeadDraft>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  message: 'a lead must be an object',
});

export const protocol = {
  /** Save leads from the popup (through the background, so closing the popup cannot abort the write). */
  'leads.save': {
    from: 'extension',
    input: z.object({
      // Each draft is validated once, by the store's door (prepareDraft in lib/db's save), which
      // every writer passes (capture, import, the form); here only its shape as an object.
      drafts: z.array(DraftObject).min(1).max(500),
      /** The tab the leads were captured on: its badge shows the saved state. */
      tabId: z.number().int().optional(),
    }),
    output: z.object({
      results: z.array(
        z.object({ lead: LeadSchema, outcome: SaveOutcomeSchema, trimmed: TrimReportSchema.optional() }),
      ),
    }),
  },
  /**
   * A page's write to the lead store, relayed to the background (lib/db/changes.ts): a
   * BroadcastChannel does not wake a stopped service worker, this message does, so alarms
   * and fit scores follow imports, restores and edits made while it slept.
   */
  'leads.changed': {
    from: 'extension',
    input: LeadsNoticeSchema,
    output: z.object({ ok: z.literal(true) }),
  },
  /**
   * The popup found the page's stored lead (or none) when it opened. The background owns the
   * tab's badge and saved-page state: it marks the check mark, or clears it, for the tab.
   */
  'capture.found': {
    from: 'extension',
    input: z.object({
      tabId: z.number().int(),
      url: z.string().max(4096),
      leadId: z.string().max(100).nullable(),
    }),
    output: z.object({ ok: z.literal(true) }),
  },
  /** The per-site detection content script reports how many prospects it sees. */
  'detect.count': {
    from: 'content',
    input: z.object({ count: z.number().int().min(0).max(10_000) }),
    output: z.object({ ok: z.literal(true) }),
  },
  /**
   * The in-page picker sends the records the user confirmed; the background keeps
   * them as the tab's pending selection for the popup, which the page's focus has closed.
   */
  'picker.picked': {
    from: 'content',
    input: PageRecordsSchema,
    output: z.object({ people: z.number().int() }),
  },
  ...syncProtocol,
} as const satisfies Record<string, MessageSpec>;

export interface MessageSpec {
  from: 'extension' | 'content';
  input: z.ZodType;
  output: z.ZodType;
}
export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type MessageInput<K extends MessageType> = z.input<Protocol[K]['input']>;
export type MessageOutput<K extends MessageType> = z.output<Protocol[K]['output']>;

/** The envelope on the wire. */
export const EnvelopeSchema = z.object({ prospector: z.literal(1), type: z.string().max(100), input: z.unknown() });
export type Envelope = z.infer<typeof EnvelopeSchema>;
