import { z } from 'zod';
import { storage } from '#imports';
import { CHANNELS } from '@/lib/lead/schema';

/** Dashboard preferences: the costs the user entered per origin and channel, and the reply window. */

const Cost = z.number().finite().min(0).max(1e12);
const CostsByChannel = z.partialRecord(z.enum(CHANNELS), Cost);

export const InsightsPrefsSchema = z.object({
  costs: z.object({ outbound: CostsByChannel.default({}), inbound: CostsByChannel.default({}) }).default({
    outbound: {},
    inbound: {},
  }),
  /** Days within which an inbound touch counts as the reply to the outbound touch before it. */
  replyWindowDays: z.number().int().min(1).max(365).default(14),
  /** Currency symbol or code shown next to costs; display only. */
  currency: z.string().trim().max(8).default(''),
});
export type InsightsPrefs = z.infer<typeof InsightsPrefsSchema>;

export const DEFAULT_INSIGHTS_PREFS: InsightsPrefs = InsightsPrefsSchema.parse({});

export const insightsPrefsItem = storage.defineItem<InsightsPrefs>('local:insightsPrefs', {
  fallback: DEFAULT_INSIGHTS_PREFS,
  version: 1,
});

/** The stored preferences, validated (defaults when missing or invalid). */
export async function getInsightsPrefs(): Promise<InsightsPrefs> {
  const parsed = InsightsPrefsSchema.safeParse(await insightsPrefsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_INSIGHTS_PREFS;
}

/** Validates and stores the preferences. */
export async function setInsightsPrefs(prefs: InsightsPrefs): Promise<void> {
  await insightsPrefsItem.setValue(InsightsPrefsSchema.parse(prefs));
}
