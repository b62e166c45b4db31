import { effect, signal } from '@preact/signals';
import type { LeadRepository } from '@/lib/db/api';
import { createScorer, type FitReason } from '@/lib/intel/fit';
import { type CompanySizeBand, EMPTY_ICP, type Icp, type IcpInput, isEmptyIcp, parseTerms } from '@/lib/intel/icp';
import { leadName } from '@/lib/lead/name';

/**
 * The ICP editor's model (signals + actions): the form's texts, the stored profile and the
 * best-fit leads it finds. The store and the profile's storage come in through IcpDeps;
 * ./IcpEditor.tsx wires the real ones.
 */

export type TermField = 'titles' | 'departments' | 'industries' | 'locations' | 'excludedDomains';

/** One of the best-fit leads, scored now (the stored score only orders them). */
export interface Ranked {
  id: string;
  name: string;
  company: string;
  score: number;
  reasons: FitReason[];
}

export interface IcpDeps {
  repo: Pick<LeadRepository, 'query'>;
  getIcp(): Promise<Icp>;
  setIcp(input: IcpInput): Promise<Icp>;
  /** Stores every lead's fit for the new profile; returns how many changed. */
  syncFitScores(icp: Icp): Promise<number>;
}

const EMPTY_TEXTS: Record<TermField, string> = {
  titles: '',
  departments: '',
  industries: '',
  locations: '',
  excludedDomains: '',
};

export const texts = signal<Record<TermField, string>>(EMPTY_TEXTS);
export const sizes = signal<CompanySizeBand[]>([]);
export const status = signal('');
/** The saved profile the ranking uses (the form's texts until saved are not it). */
export const icp = signal<Icp>(EMPTY_ICP);
/** The best ten leads for the saved profile; null while there is no profile. */
export const ranked = signal<{ top: Ranked[]; scored: number } | null>(null);
/**
 * False until the stored profile is in the form: the form stays disabled meanwhile, as
 * typing earlier would be overwritten when it arrives (and saved back unchanged).
 */
export const loaded = signal(false);

let deps: IcpDeps | null = null;

/** Loads the stored profile into the form and ranks the leads whenever the saved profile changes. Returns the stop. */
export function startIcp(d: IcpDeps): () => void {
  deps = d;
  loaded.value = false;
  void d.getIcp().then((stored) => {
    icp.value = stored;
    sizes.value = stored.companySizes;
    texts.value = {
      titles: stored.titles.join(', '),
      departments: stored.departments.join(', '),
      industries: stored.industries.join(', '),
      locations: stored.locations.join(', '),
      excludedDomains: stored.excludedDomains.join(', '),
    };
    loaded.value = true;
  });
  let generation = 0;
  const stop = effect(() => {
    const profile = icp.value;
    const id = ++generation;
    void rank(d, profile, () => id === generation);
  });
  return () => {
    generation++;
    stop();
    deps = null;
  };
}

async function rank(d: IcpDeps, profile: Icp, current: () => boolean): Promise<void> {
  if (isEmptyIcp(profile)) {
    ranked.value = null;
    return;
  }
  // The store's fit index (stored fitScore) finds the best ten without reading every lead;
  // their scores and reasons are computed on read, so they are current.
  const scorer = createScorer(profile);
  try {
    const page = await d.repo.query({ sort: 'fit', limit: 10 });
    if (!current()) return;
    const top: Ranked[] = [];
    for (const lead of page.leads) {
      const result = scorer(lead);
      if (result.score === null) continue;
      top.push({
        id: lead.id,
        name: leadName(lead, '(unnamed)'),
        company: lead.companyName || lead.companyDomain || '',
        score: result.score,
        reasons: result.reasons,
      });
    }
    top.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    ranked.value = { top, scored: page.total };
  } catch (err) {
    status.value = `Could not read the leads: ${String(err)}`;
  }
}

/** The user typed into one of the term fields. */
export function setText(field: TermField, value: string): void {
  texts.value = { ...texts.value, [field]: value };
}

/** Checks or unchecks a company size band. */
export function toggleSize(band: CompanySizeBand, on: boolean): void {
  sizes.value = on ? [...sizes.value, band] : sizes.value.filter((s) => s !== band);
}

/** Saves the form as the profile, then stores every lead's fit for it. */
export async function saveProfile(): Promise<void> {
  const d = deps;
  if (!d) return;
  const t = texts.value;
  try {
    const next = await d.setIcp({
      titles: parseTerms(t.titles),
      departments: parseTerms(t.departments),
      industries: parseTerms(t.industries),
      locations: parseTerms(t.locations),
      excludedDomains: parseTerms(t.excludedDomains).map((x) => x.toLowerCase()),
      companySizes: sizes.value,
    });
    status.value = 'Profile saved. Updating the stored fit of every lead…';
    const changed = await d.syncFitScores(next);
    icp.value = next;
    status.value = `Profile saved. ${changed.toLocaleString()} lead scores changed.`;
  } catch (err) {
    status.value = `Could not save the profile: ${err instanceof Error ? err.message : String(err)}`;
  }
}
