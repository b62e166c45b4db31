import { z } from 'zod';
import { storage } from '#imports';

/**
 * The ideal customer profile (ICP): what the user targets. Stored in extension
 * storage (storage.defineItem, versioned) and validated on read, so a corrupt
 * value falls back to "no profile" instead of breaking scoring.
 */

/** Employee-count bands, the ones LinkedIn and most data sources use, so captured sizes map onto them. */
export const COMPANY_SIZE_BANDS = [
  { id: '1-10', min: 1, max: 10 },
  { id: '11-50', min: 11, max: 50 },
  { id: '51-200', min: 51, max: 200 },
  { id: '201-500', min: 201, max: 500 },
  { id: '501-1000', min: 501, max: 1000 },
  { id: '1001-5000', min: 1001, max: 5000 },
  { id: '5001-10000', min: 5001, max: 10_000 },
  { id: '10001+', min: 10_001, max: Number.POSITIVE_INFINITY },
] as const;
export type CompanySizeBand = (typeof COMPANY_SIZE_BANDS)[number]['id'];
const BAND_IDS = COMPANY_SIZE_BANDS.map((b) => b.id) as [CompanySizeBand, ...CompanySizeBand[]];

const Term = z.string().trim().min(1).max(100);
const Terms = z.array(Term).max(100).default([]);

export const IcpSchema = z.object({
  /** Job titles or seniority words: "VP", "Head of", "Founder". Matched as whole words in the title. */
  titles: Terms,
  /** Departments or functions: "Sales", "Marketing". Matched in the title (leads carry no department field). */
  departments: Terms,
  industries: Terms,
  companySizes: z.array(z.enum(BAND_IDS)).max(BAND_IDS.length).default([]),
  /** Countries, regions or cities, matched in the lead's or the company's location. */
  locations: Terms,
  /** Domains never to target (customers, competitors, your own): a lead there scores 0. Subdomains included. */
  excludedDomains: z.array(z.string().trim().toLowerCase().min(1).max(253)).max(500).default([]),
});
export type Icp = z.infer<typeof IcpSchema>;
export type IcpInput = z.input<typeof IcpSchema>;

export const EMPTY_ICP: Icp = {
  titles: [],
  departments: [],
  industries: [],
  companySizes: [],
  locations: [],
  excludedDomains: [],
};

export const icpItem = storage.defineItem<Icp>('local:icp', {
  fallback: EMPTY_ICP,
  version: 1,
});

/** Validates any value as a profile; EMPTY_ICP when it is not one. */
export function parseIcp(raw: unknown): Icp {
  const parsed = IcpSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : EMPTY_ICP;
}

/** The stored profile, validated. */
export async function getIcp(): Promise<Icp> {
  return parseIcp(await icpItem.getValue());
}

/** Saves a profile after validation (throws a zod error on invalid input). */
export async function setIcp(input: IcpInput): Promise<Icp> {
  const icp = IcpSchema.parse(input);
  await icpItem.setValue(icp);
  return icp;
}

/** True when the profile says nothing, so there is nothing to score against. */
export function isEmptyIcp(icp: Icp): boolean {
  return (
    icp.titles.length +
      icp.departments.length +
      icp.industries.length +
      icp.companySizes.length +
      icp.locations.length +
      icp.excludedDomains.length ===
    0
  );
}

/** Splits an editor's comma- or newline-separated text into distinct trimmed terms. */
export function parseTerms(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,\n;]/)) {
    const term = part.trim();
    const key = term.toLowerCase();
    if (term && !seen.has(key)) {
      seen.add(key);
      out.push(term);
    }
  }
  return out;
}
