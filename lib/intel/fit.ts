import { foldText } from '@/lib/normalize/name';
import { COMPANY_SIZE_BANDS, type Icp } from './icp';

/**
 * Fit score: how well a lead matches the ideal customer profile, 0–100, with
 * the reasons. Pure, so the capture form can score a draft before it is saved
 * and lists can score on read.
 *
 * Each criterion the profile defines carries a weight; a lead earns the full
 * weight on a match, none on a miss, and half when the lead does not say (no
 * industry captured): captured pages often omit fields, and zero would sink
 * every thinly captured lead below known misses. Weights are renormalised over
 * the criteria the profile defines, so a profile with titles only still spans
 * 0–100. A lead at an excluded domain scores 0 whatever else matches.
 */

export type FitCriterion = 'title' | 'department' | 'industry' | 'companySize' | 'location' | 'domain';
export type FitOutcome = 'match' | 'miss' | 'unknown' | 'excluded';

export interface FitReason {
  criterion: FitCriterion;
  outcome: FitOutcome;
  /** The profile term that matched (or the excluded domain). */
  term?: string;
  /** Human text: "title matches VP", "location outside target". */
  text: string;
}

export interface FitResult {
  /** 0–100; null when the profile defines nothing to score against. */
  score: number | null;
  reasons: FitReason[];
}

/** The lead fields scoring reads; a saved Lead and a LeadDraft both fit. */
export interface FitSubject {
  title?: string | undefined;
  industry?: string | undefined;
  companySize?: string | undefined;
  location?: string | undefined;
  companyLocation?: string | undefined;
  companyDomain?: string | undefined;
  companyWebsite?: string | undefined;
  emails?: ReadonlyArray<{ value: string }> | undefined;
}

export const FIT_WEIGHTS: Record<Exclude<FitCriterion, 'domain'>, number> = {
  title: 35,
  department: 10,
  industry: 20,
  companySize: 15,
  location: 20,
};

const LABEL: Record<Exclude<FitCriterion, 'domain'>, string> = {
  title: 'title',
  department: 'department',
  industry: 'industry',
  companySize: 'company size',
  location: 'location',
};

// Seniority words written several ways; a profile term in a group matches every spelling.
const SYNONYMS: string[][] = [
  ['vp', 'vice president', 'svp', 'evp', 'avp'],
  ['founder', 'co-founder', 'cofounder', 'co founder'],
  ['ceo', 'chief executive officer', 'chief executive'],
  ['cto', 'chief technology officer', 'chief technical officer'],
  ['cfo', 'chief financial officer'],
  ['cmo', 'chief marketing officer'],
  ['coo', 'chief operating officer'],
  ['cro', 'chief revenue officer'],
  ['cio', 'chief information officer'],
  ['head of', 'head'],
  ['director', 'dir'],
  ['manager', 'mgr'],
  ['engineering', 'engineer'],
  ['saas', 'software as a service'],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface TermMatcher {
  term: string;
  pattern: RegExp;
}

/** A whole-word, case- and accent-insensitive matcher for a term and its synonyms. */
function termMatcher(term: string): TermMatcher {
  const folded = foldText(term).trim().replace(/\s+/g, ' ');
  const group = SYNONYMS.find((g) => g.includes(folded)) ?? [folded];
  const alternatives = group.map((t) => escapeRegExp(t).replace(/ /g, '[\\s-]+'));
  return { term, pattern: new RegExp(`(?:^|[^a-z0-9])(?:${alternatives.join('|')})(?:$|[^a-z0-9])`) };
}

/** Reads "51-200 employees", "1,001–5,000", "10K+", "500" as an employee range. */
export function parseCompanySize(text: string): { min: number; max: number } | null {
  const numbers = [...text.toLowerCase().matchAll(/(\d[\d,.\s]*)(k|m)?/g)]
    .map((m) => {
      const digits = (m[1] ?? '').replace(/[,.\s]/g, '');
      const multiplier = m[2] === 'k' ? 1000 : m[2] === 'm' ? 1_000_000 : 1;
      return Number(digits) * multiplier;
    })
    .filter((n) => Number.isFinite(n) && n > 0);
  const [first, second] = numbers;
  if (first === undefined) return null;
  if (second !== undefined) return { min: Math.min(first, second), max: Math.max(first, second) };
  if (/\+|more|over|plus/.test(text.toLowerCase())) return { min: first, max: Number.POSITIVE_INFINITY };
  return { min: first, max: first };
}

function hostOf(website: string): string | null {
  try {
    return new URL(/^[a-z]+:\/\//i.test(website) ? website : `https://${website}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Every domain a lead is known by: company domain, website host, email domains. */
function leadDomains(lead: FitSubject): string[] {
  const out: string[] = [];
  if (lead.companyDomain) out.push(lead.companyDomain.toLowerCase());
  if (lead.companyWebsite) {
    const host = hostOf(lead.companyWebsite);
    if (host) out.push(host);
  }
  for (const email of lead.emails ?? []) {
    const at = email.value.lastIndexOf('@');
    if (at > 0) out.push(email.value.slice(at + 1).toLowerCase());
  }
  return out;
}

function isUnder(domain: string, excluded: string): boolean {
  return domain === excluded || domain.endsWith(`.${excluded}`);
}

export type Scorer = (lead: FitSubject) => FitResult;

/** How many positive criteria a profile has (titles, departments, industries, size bands, locations). */
function positiveCriteria(icp: Icp): number {
  const bands = COMPANY_SIZE_BANDS.filter((b) => icp.companySizes.includes(b.id));
  return icp.titles.length + icp.departments.length + icp.industries.length + bands.length + icp.locations.length;
}

/** Whether a profile scores no lead at all (no criterion, no excluded domain): every score is null. */
export function scoresNothing(icp: Icp): boolean {
  return positiveCriteria(icp) === 0 && icp.excludedDomains.length === 0;
}

/** Compiles a profile once into a scorer, for scoring many leads (lists, background recompute). */
export function createScorer(icp: Icp): Scorer {
  const titles = icp.titles.map(termMatcher);
  const departments = icp.departments.map(termMatcher);
  const industries = icp.industries.map(termMatcher);
  const locations = icp.locations.map(termMatcher);
  const bands = COMPANY_SIZE_BANDS.filter((b) => icp.companySizes.includes(b.id));
  const excluded = icp.excludedDomains.map((d) =>
    d
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/.*$/, ''),
  );
  const positive = positiveCriteria(icp);

  return (lead) => {
    const domains = leadDomains(lead);
    for (const ex of excluded) {
      if (domains.some((d) => isUnder(d, ex))) {
        return {
          score: 0,
          reasons: [{ criterion: 'domain', outcome: 'excluded', term: ex, text: `domain ${ex} is excluded` }],
        };
      }
    }
    if (positive === 0) return { score: null, reasons: [] };

    const reasons: FitReason[] = [];
    let earned = 0;
    let possible = 0;
    const judge = (
      criterion: Exclude<FitCriterion, 'domain'>,
      matchers: TermMatcher[],
      text: string | undefined,
      missText: string,
    ) => {
      if (matchers.length === 0) return;
      const weight = FIT_WEIGHTS[criterion];
      possible += weight;
      const folded = text ? foldText(text) : '';
      if (!folded.trim()) {
        earned += weight / 2;
        reasons.push({ criterion, outcome: 'unknown', text: `${LABEL[criterion]} unknown` });
        return;
      }
      const hit = matchers.find((m) => m.pattern.test(folded));
      if (hit) {
        earned += weight;
        reasons.push({ criterion, outcome: 'match', term: hit.term, text: `${LABEL[criterion]} matches ${hit.term}` });
      } else {
        reasons.push({ criterion, outcome: 'miss', text: missText });
      }
    };

    judge('title', titles, lead.title, 'title not in target');
    judge('department', departments, lead.title, 'department not in target');
    judge('industry', industries, lead.industry, 'industry outside target');

    if (bands.length > 0) {
      const weight = FIT_WEIGHTS.companySize;
      possible += weight;
      const size = lead.companySize ? parseCompanySize(lead.companySize) : null;
      if (!size) {
        earned += weight / 2;
        reasons.push({ criterion: 'companySize', outcome: 'unknown', text: 'company size unknown' });
      } else {
        const band = bands.find((b) => size.min <= b.max && size.max >= b.min);
        if (band) {
          earned += weight;
          reasons.push({
            criterion: 'companySize',
            outcome: 'match',
            term: band.id,
            text: `company size matches ${band.id}`,
          });
        } else {
          reasons.push({ criterion: 'companySize', outcome: 'miss', text: 'company size outside target' });
        }
      }
    }

    const where = [lead.location, lead.companyLocation].filter(Boolean).join(' · ');
    judge('location', locations, where, 'location outside target');

    return { score: Math.round((earned / possible) * 100), reasons };
  };
}

const scorers = new WeakMap<Icp, Scorer>();

/** Scores one lead or draft against a profile (the compiled profile is cached per profile object). */
export function scoreLead(lead: FitSubject, icp: Icp): FitResult {
  let scorer = scorers.get(icp);
  if (!scorer) {
    scorer = createScorer(icp);
    scorers.set(icp, scorer);
  }
  return scorer(lead);
}

/** A short band for colour and screen-reader text: high ≥ 70, medium ≥ 40, else low. */
export function fitBand(score: number): 'high' | 'medium' | 'low' {
  return score >= 70 ? 'high' : score >= 40 ? 'medium' : 'low';
}
