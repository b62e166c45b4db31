import type { EmailPoint } from '@/lib/lead/schema';
import { isFreeMailDomain, isMachineLocal, isRoleLocal } from '@/lib/normalize/mailboxes';
import { foldText, splitName } from '@/lib/normalize/name';

/**
 * Email pattern inference, offline: from addresses already known for people at
 * one company domain, learn how that domain builds addresses (first.last,
 * flast, ...) and guess the address of a lead at that domain who has none.
 *
 * Evidence rules:
 * - An example is a lead with a name and a found/verified address (never a
 *   guessed or bounced one: a guess must not confirm itself). Free-mail domains
 *   and role addresses (info@, sales@) say nothing about the company's pattern.
 * - A pattern needs MIN_EXAMPLES (2) agreeing examples. One example cannot tell
 *   a convention from a coincidence (the founder's jane@ at a five-person
 *   company); two different people built the same way is the smallest evidence
 *   of a rule.
 * - Confidence = agreeing / (informative examples + 1): it grows with every
 *   agreeing example (2 → 0.67, 3 → 0.75, 9 → 0.9), drops with every example the
 *   pattern does not explain (2 agree, 1 conflicts → 0.5), and never reaches 1.
 *   No guess unless at least 60% of the examples agree: a split domain has no
 *   pattern worth suggesting.
 * - Hyphenated names (José Ñúñez-García): the domain's habit is learned from
 *   examples with a hyphen ("jose.nunez-garcia" keeps it, "jose.nunezgarcia"
 *   drops it). Without such an example the default is to keep the hyphen (the
 *   name as written; hyphens are valid in addresses) and the dropped form is
 *   offered as the alternative. Accents are always folded (é → e, ñ → n, ß → ss).
 */

export const MIN_EXAMPLES = 2;
export const MIN_AGREEMENT = 0.6;

export type HyphenStyle = 'keep' | 'drop';

interface Parts {
  first: string;
  last: string;
}
type Build = (p: Parts) => string | null;

const initial = (s: string) => s.replace(/[^a-z0-9]/g, '').charAt(0);
const need = (...values: string[]) => values.every((v) => v.length > 0);

/** The patterns the learner knows, in order of how common they are (ties between patterns go to the earlier). */
export const PATTERNS = {
  'first.last': ({ first, last }) => (need(first, last) ? `${first}.${last}` : null),
  flast: ({ first, last }) => (need(first, last) ? `${initial(first)}${last}` : null),
  first: ({ first }) => (need(first) ? first : null),
  firstlast: ({ first, last }) => (need(first, last) ? `${first}${last}` : null),
  'f.last': ({ first, last }) => (need(first, last) ? `${initial(first)}.${last}` : null),
  first_last: ({ first, last }) => (need(first, last) ? `${first}_${last}` : null),
  firstl: ({ first, last }) => (need(first, last) ? `${first}${initial(last)}` : null),
  'first.l': ({ first, last }) => (need(first, last) ? `${first}.${initial(last)}` : null),
  'last.first': ({ first, last }) => (need(first, last) ? `${last}.${first}` : null),
  lastfirst: ({ first, last }) => (need(first, last) ? `${last}${first}` : null),
  last_first: ({ first, last }) => (need(first, last) ? `${last}_${first}` : null),
  lastf: ({ first, last }) => (need(first, last) ? `${last}${initial(first)}` : null),
  'last.f': ({ first, last }) => (need(first, last) ? `${last}.${initial(first)}` : null),
  last: ({ last }) => (need(last) ? last : null),
  'first-last': ({ first, last }) => (need(first, last) ? `${first}-${last}` : null),
} satisfies Record<string, Build>;
export type PatternId = keyof typeof PATTERNS;
export const PATTERN_IDS = Object.keys(PATTERNS) as PatternId[];

/** Folds one name part for an address: accents off, apostrophes and spaces gone, hyphens kept or dropped. */
export function namePart(raw: string, hyphen: HyphenStyle): string {
  const folded = foldText(raw)
    .replace(/['’`.]/g, '')
    .replace(/\s+/g, '');
  const cleaned = folded.replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-');
  return (hyphen === 'keep' ? cleaned : cleaned.replace(/-/g, '')).replace(/^-|-$/g, '');
}

/** The name's first and last parts from a lead (first/last fields, else its full name split). */
export function nameOf(lead: {
  firstName?: string | undefined;
  lastName?: string | undefined;
  fullName?: string | undefined;
}): { first: string; last: string } | null {
  let first = lead.firstName?.trim() ?? '';
  let last = lead.lastName?.trim() ?? '';
  if ((!first || !last) && lead.fullName) {
    const split = splitName(lead.fullName);
    first ||= split.firstName ?? '';
    last ||= split.lastName ?? '';
  }
  // Only the first given name: "Mary Ann" writes as "mary" far more often than "maryann".
  first = first.split(/\s+/)[0] ?? '';
  return first || last ? { first, last } : null;
}

const hasHyphen = (n: { first: string; last: string }) => /-/.test(n.first + n.last);

/** Builds the local part of an address for a name with a pattern; null when the name lacks a needed part. */
export function buildLocal(pattern: PatternId, name: { first: string; last: string }, hyphen: HyphenStyle) {
  return (PATTERNS[pattern] as Build)({ first: namePart(name.first, hyphen), last: namePart(name.last, hyphen) });
}

export interface PatternMatch {
  pattern: PatternId;
  /** Set when the name has a hyphen and the address tells which way the domain writes it. */
  hyphen?: HyphenStyle;
}

/** Which patterns (and hyphen habit) explain an address for a name. Empty when none does. */
export function explainAddress(local: string, name: { first: string; last: string }): PatternMatch[] {
  const clean = local.toLowerCase().split('+')[0] ?? '';
  const out: PatternMatch[] = [];
  const hyphenated = hasHyphen(name);
  for (const pattern of PATTERN_IDS) {
    const keep = buildLocal(pattern, name, 'keep');
    const drop = hyphenated ? buildLocal(pattern, name, 'drop') : keep;
    if (keep !== null && keep === clean)
      out.push(hyphenated && keep !== drop ? { pattern, hyphen: 'keep' } : { pattern });
    else if (drop !== null && drop === clean) out.push({ pattern, hyphen: 'drop' });
  }
  return out;
}

/** An address the learner counted, kept so a guess can show what it came from. */
export interface PatternExample {
  email: string;
  leadId?: string;
  name: string;
  patterns: PatternId[];
}

export interface DomainPattern {
  domain: string;
  pattern: PatternId;
  confidence: number;
  /** Examples the pattern explains. */
  agreeing: PatternExample[];
  /** Examples it does not (other patterns or none). */
  conflicting: PatternExample[];
  hyphen: HyphenStyle;
  /** True when examples showed the hyphen habit; false when it is the default. */
  hyphenLearned: boolean;
}

/** Why a domain has no pattern, for the UI ("2 examples needed"). */
export interface DomainVerdict {
  domain: string;
  examples: number;
  pattern: DomainPattern | null;
  reason?: 'too-few' | 'conflicting';
}

interface DomainEvidence {
  examples: PatternExample[];
  counts: Map<PatternId, number>;
  hyphen: Map<PatternId, { keep: number; drop: number }>;
}

/** The lead fields learning reads. */
export interface PatternSubject {
  id?: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  fullName?: string | undefined;
  emails?: ReadonlyArray<Pick<EmailPoint, 'value'> & { status?: string | undefined }> | undefined;
}

/** Collects examples in one pass over the leads; `verdict(domain)` and `patterns()` read the result. */
export class PatternLearner {
  private readonly domains = new Map<string, DomainEvidence>();

  /** Counts the found or verified addresses of one lead. */
  add(lead: PatternSubject): void {
    if (!lead.emails || lead.emails.length === 0) return;
    const name = nameOf(lead);
    if (!name) return;
    for (const email of lead.emails) {
      if (email.status === 'guessed' || email.status === 'bounced') continue;
      const at = email.value.lastIndexOf('@');
      if (at <= 0) continue;
      const local = email.value.slice(0, at).toLowerCase();
      const domain = email.value.slice(at + 1).toLowerCase();
      if (isFreeMailDomain(domain) || isRoleLocal(local) || isMachineLocal(local)) continue;
      const matches = explainAddress(local, name);
      let evidence = this.domains.get(domain);
      if (!evidence) {
        evidence = { examples: [], counts: new Map(), hyphen: new Map() };
        this.domains.set(domain, evidence);
      }
      const example: PatternExample = {
        email: email.value.toLowerCase(),
        name: [name.first, name.last].filter(Boolean).join(' '),
        patterns: matches.map((m) => m.pattern),
        ...(lead.id ? { leadId: lead.id } : {}),
      };
      evidence.examples.push(example);
      for (const m of matches) {
        evidence.counts.set(m.pattern, (evidence.counts.get(m.pattern) ?? 0) + 1);
        if (m.hyphen) {
          const h = evidence.hyphen.get(m.pattern) ?? { keep: 0, drop: 0 };
          h[m.hyphen]++;
          evidence.hyphen.set(m.pattern, h);
        }
      }
    }
  }

  /** The learned pattern of a domain, or why there is none. */
  verdict(domain: string): DomainVerdict {
    const key = domain.toLowerCase();
    const evidence = this.domains.get(key);
    if (!evidence) return { domain: key, examples: 0, pattern: null, reason: 'too-few' };
    const n = evidence.examples.length;
    let best: PatternId | null = null;
    let bestCount = 0;
    for (const id of PATTERN_IDS) {
      const count = evidence.counts.get(id) ?? 0;
      if (count > bestCount) {
        best = id;
        bestCount = count;
      }
    }
    if (!best || bestCount < MIN_EXAMPLES) return { domain: key, examples: n, pattern: null, reason: 'too-few' };
    if (bestCount / n < MIN_AGREEMENT) return { domain: key, examples: n, pattern: null, reason: 'conflicting' };
    const pattern = best;
    const h = evidence.hyphen.get(pattern);
    const hyphenLearned = Boolean(h && h.keep !== h.drop);
    return {
      domain: key,
      examples: n,
      pattern: {
        domain: key,
        pattern,
        confidence: Math.round((bestCount / (n + 1)) * 100) / 100,
        agreeing: evidence.examples.filter((e) => e.patterns.includes(pattern)),
        conflicting: evidence.examples.filter((e) => !e.patterns.includes(pattern)),
        hyphen: h && h.drop > h.keep ? 'drop' : 'keep',
        hyphenLearned,
      },
    };
  }

  /** Every domain with a learned pattern. */
  patterns(): Map<string, DomainPattern> {
    const out = new Map<string, DomainPattern>();
    for (const domain of this.domains.keys()) {
      const v = this.verdict(domain);
      if (v.pattern) out.set(domain, v.pattern);
    }
    return out;
  }
}

/** Learns every domain's pattern from a list of leads. */
export function learnPatterns(leads: Iterable<PatternSubject>): Map<string, DomainPattern> {
  const learner = new PatternLearner();
  for (const lead of leads) learner.add(lead);
  return learner.patterns();
}

export interface EmailGuess {
  value: string;
  domain: string;
  pattern: PatternId;
  confidence: number;
  hyphen: HyphenStyle;
  hyphenLearned: boolean;
  /** The other spelling when the name has a hyphen and the domain's habit is not learned. */
  alternative?: string;
  /** Up to five addresses the pattern was learned from. */
  examples: string[];
}

/** The lead fields a guess reads. */
export interface GuessSubject extends PatternSubject {
  companyDomain?: string | undefined;
}

/**
 * Guesses the address of a lead without one (bounced ones aside) at a domain
 * with a learned pattern; null when there is nothing to go on.
 */
export function guessEmail(lead: GuessSubject, patterns: ReadonlyMap<string, DomainPattern>): EmailGuess | null {
  const emails = lead.emails ?? [];
  if (emails.some((e) => e.status !== 'bounced')) return null;
  const domain = lead.companyDomain
    ?.trim()
    .toLowerCase()
    .replace(/^www\./, '');
  if (!domain) return null;
  const learned = patterns.get(domain);
  const name = nameOf(lead);
  if (!learned || !name) return null;
  const local = buildLocal(learned.pattern, name, learned.hyphen);
  if (!local) return null;
  const value = `${local}@${domain}`;
  if (emails.some((e) => e.value.toLowerCase() === value)) return null;
  const other = buildLocal(learned.pattern, name, learned.hyphen === 'keep' ? 'drop' : 'keep');
  return {
    value,
    domain,
    pattern: learned.pattern,
    confidence: learned.confidence,
    hyphen: learned.hyphen,
    hyphenLearned: learned.hyphenLearned,
    ...(!learned.hyphenLearned && other && other !== local ? { alternative: `${other}@${domain}` } : {}),
    examples: learned.agreeing
      .map((e) => e.email)
      .sort()
      .slice(0, 5),
  };
}

/**
 * The EmailPoint a user accepts from a guess: it stays 'guessed' (status and
 * source) until the user marks it verified or bounced; `guessedFrom` keeps the
 * examples (EmailPoint is a loose object, so the extra field is preserved).
 */
export function acceptGuess(guess: EmailGuess): EmailPoint & { guessedFrom: string[]; pattern: string } {
  return {
    value: guess.value,
    source: 'guessed',
    status: 'guessed',
    confidence: guess.confidence,
    label: 'guessed',
    pattern: guess.pattern,
    guessedFrom: guess.examples,
  };
}
