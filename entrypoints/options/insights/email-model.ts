import { signal } from '@preact/signals';
import { type DomainPattern, guessEmail, PatternLearner } from '@/lib/intel/email-pattern';
import { leadName } from '@/lib/lead/name';
import type { EmailPoint, Lead } from '@/lib/lead/schema';
import { type PacedPasses, pacedPasses } from './paced';

/**
 * The email suggestions' model (signals + actions): one pass over the stored leads learns
 * every domain's address pattern and lists the leads it can suggest an address for. The
 * store comes in through EmailDeps; ./EmailSuggestions.tsx wires the real one.
 */

/** Suggestions listed at once. */
export const SHOWN = 20;

export interface EmailDeps {
  /** Calls `each` with every stored lead. */
  forEachLead(each: (lead: Lead) => void): Promise<void>;
  addEmail(lead: Lead, point: EmailPoint): Promise<void>;
  /** Calls back after any change to the leads; returns the unsubscribe. */
  onLeadsChanged(cb: () => void): () => void;
}

export interface Suggestions {
  /** The first SHOWN leads a pattern gives an address for. */
  candidates: Lead[];
  total: number;
  /** Learned patterns, the best supported first. */
  patterns: DomainPattern[];
}

/** A pass over every lead runs when asked (at 50,000 leads it takes seconds), then after changes. */
export const requested = signal(false);
/** The last pass's answer; null until it is done. */
export const suggestions = signal<Suggestions | null>(null);
export const status = signal('');

/** A change relearns after this long at least (a burst, such as accepting several guesses, once). */
export const CHANGE_DELAY_MS = 300;
/** ... and after this many times the last pass (./paced.ts says why). */
export const PASS_SPACING = 4;

let deps: EmailDeps | null = null;
let generation = 0;
/** When passes run again after changes (./paced.ts); set while the model is started. */
let paced: PacedPasses | null = null;

/** Connects the model to the store and relearns after changes once asked, spaced by the passes. Returns the stop. */
export function startEmailSuggestions(d: EmailDeps): () => void {
  deps = d;
  const pace = pacedPasses(CHANGE_DELAY_MS, PASS_SPACING, () => void learn());
  paced = pace;
  const off = d.onLeadsChanged(() => {
    if (requested.value) pace.changed();
  });
  return () => {
    generation++;
    pace.stop();
    paced = null;
    off();
    deps = null;
  };
}

/** "Learn patterns and suggest addresses". */
export function requestSuggestions(): Promise<void> {
  requested.value = true;
  return learn();
}

async function learn(): Promise<void> {
  const d = deps;
  if (!d) return;
  const id = ++generation;
  const pace = paced;
  const startedAt = pace?.began() ?? 0;
  const learner = new PatternLearner();
  const without: Lead[] = [];
  try {
    await d.forEachLead((lead) => {
      learner.add(lead);
      if (lead.companyDomain && !(lead.emails ?? []).some((e) => e.status !== 'bounced')) without.push(lead);
    });
  } finally {
    if (id === generation) pace?.idle();
  }
  // A later pass (a change arrived meanwhile) has the newer answer.
  if (id !== generation) return;
  pace?.finished(startedAt);
  const patterns = learner.patterns();
  const candidates = without.filter((lead) => guessEmail(lead, patterns) !== null);
  suggestions.value = {
    candidates: candidates.slice(0, SHOWN),
    total: candidates.length,
    patterns: [...patterns.values()].sort((a, b) => b.agreeing.length - a.agreeing.length),
  };
}

/** Keeps a guessed address on the lead (marked guessed) and says so. */
export async function acceptGuess(lead: Lead, point: EmailPoint): Promise<void> {
  if (!deps) return;
  try {
    await deps.addEmail(lead, point);
    status.value = `${point.value} added to ${leadName(lead, 'the lead')} as a guessed address.`;
  } catch (err) {
    status.value = `Could not add the address: ${err instanceof Error ? err.message : String(err)}`;
  }
}
