import { z } from 'zod';
import { MAX_RECORDS, MAX_SELECTOR, type PageRecords, PICK_FIELDS, type RawRecord } from './types';

export type { PageRecords } from './types';

/**
 * zod schemas for everything of the picker that crosses a trust boundary: the records a
 * page sends (message 'picker.picked'), what a recipe run returns from the page, the
 * recipes kept in storage and those inside an imported backup. A recipe is data: a CSS
 * selector of plain characters (no braces, quotes only around attribute values, no
 * script), capped in length, and a slot → field map.
 */
const Str = (max: number) => z.string().max(max);

/** A record selector: tags, classes, ids, [attr="value"] and child combinators only. */
export const SelectorSchema = z
  .string()
  .min(1)
  .max(MAX_SELECTOR)
  .regex(/^[\w\-.#>\s[\]="':/]+$/, 'not a plain record selector');
/** A slot: the tag.class path of a line inside its card. */
export const SlotSchema = z
  .string()
  .max(300)
  .regex(/^[\w\-.>#~/]*$/, 'not a slot');
export const MappingSchema = z
  .record(SlotSchema, z.enum(PICK_FIELDS))
  .refine((m) => Object.keys(m).length <= 80, 'too many slots');

const HttpUrl = Str(4096).regex(/^https?:\/\//i);

export const RawRecordSchema = z.object({
  lines: z.array(z.object({ slot: SlotSchema, text: Str(500) })).max(40),
  links: z.array(HttpUrl).max(20),
  emails: z.array(Str(254)).max(20),
  phones: z.array(Str(40)).max(10),
  photo: HttpUrl.optional(),
}) satisfies z.ZodType<RawRecord>;

export const PageRecordsSchema = z.object({
  selector: SelectorSchema,
  total: z.number().int().min(0).max(10_000_000),
  records: z.array(RawRecordSchema).max(MAX_RECORDS),
}) satisfies z.ZodType<PageRecords>;

/** Where the records of a popup list came from: a pick on the page, or a site recipe run on it. */
export const PickSourceSchema = z.enum(['picker', 'site-recipe']);
export type PickSource = z.infer<typeof PickSourceSchema>;

/** A tab's pending selection (session storage): the page's records and how their lines map to fields. */
export const PickStateSchema = PageRecordsSchema.extend({
  url: HttpUrl,
  mapping: MappingSchema,
  source: PickSourceSchema,
  recipeId: Str(64).optional(),
});
export type PickState = z.infer<typeof PickStateSchema>;

const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

export const RecipeSchema = z.object({
  id: z.string().regex(/^[\w-]{1,64}$/),
  name: Str(100).min(1),
  host: Str(253).regex(HOST, 'not a host name'),
  /** A path glob: "/team/*" ("*" is any run of characters but "/"). */
  pathPattern: Str(200).regex(/^\/[\w\-./*%~@]*$/, 'not a path pattern'),
  selector: SelectorSchema,
  mapping: MappingSchema,
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().optional(),
  /** People the recipe found the last time it ran. */
  peopleFound: z.number().int().min(0).max(10_000_000),
});
export type Recipe = z.infer<typeof RecipeSchema>;

/** Recipes kept at most (the least recently used go first). */
export const MAX_RECIPES = 200;

/** Keeps the valid recipes of an untrusted list (storage, a backup), one per id, the newest MAX_RECIPES. */
export function validRecipes(raw: unknown): Recipe[] {
  const byId = new Map<string, Recipe>();
  for (const item of Array.isArray(raw) ? raw.slice(0, MAX_RECIPES * 2) : []) {
    const parsed = RecipeSchema.safeParse(item);
    if (parsed.success) byId.set(parsed.data.id, parsed.data);
  }
  return [...byId.values()]
    .sort((a, b) => (b.lastUsedAt ?? b.createdAt).localeCompare(a.lastUsedAt ?? a.createdAt))
    .slice(0, MAX_RECIPES);
}
