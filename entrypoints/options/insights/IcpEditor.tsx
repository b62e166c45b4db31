import { useEffect, useState } from 'preact/hooks';
import { FitBadge } from '@/components/FitBadge';
import { store } from '@/components/store';
import { createScorer, type FitReason } from '@/lib/intel/fit';
import { syncFitScores } from '@/lib/intel/fit-sync';
import {
  COMPANY_SIZE_BANDS,
  type CompanySizeBand,
  EMPTY_ICP,
  getIcp,
  type Icp,
  isEmptyIcp,
  parseTerms,
  setIcp,
} from '@/lib/intel/icp';
import { leadName } from '@/lib/lead/name';

type TermField = 'titles' | 'departments' | 'industries' | 'locations' | 'excludedDomains';

const FIELDS: Array<{ id: TermField; label: string; hint: string }> = [
  { id: 'titles', label: 'Titles or seniority words', hint: 'e.g. VP, Head of, Founder' },
  { id: 'departments', label: 'Departments', hint: 'e.g. Sales, Marketing (matched in the title)' },
  { id: 'industries', label: 'Industries', hint: 'e.g. SaaS, Fintech' },
  { id: 'locations', label: 'Locations', hint: 'countries, regions or cities, e.g. Germany, Austria' },
  { id: 'excludedDomains', label: 'Excluded domains', hint: 'leads there score 0, e.g. competitor.com' },
];

interface Ranked {
  id: string;
  name: string;
  company: string;
  score: number;
  reasons: FitReason[];
}

/** The ideal customer profile editor and the best-fit leads it finds. */
export function IcpEditor() {
  const [texts, setTexts] = useState<Record<TermField, string>>({
    titles: '',
    departments: '',
    industries: '',
    locations: '',
    excludedDomains: '',
  });
  const [sizes, setSizes] = useState<CompanySizeBand[]>([]);
  const [status, setStatus] = useState('');
  const [icp, setIcpState] = useState<Icp>(EMPTY_ICP);
  const [ranked, setRanked] = useState<{ top: Ranked[]; scored: number } | null>(null);
  // The form stays disabled until the stored profile is in it: typing earlier would be
  // overwritten when it arrives (and saved back unchanged).
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void getIcp().then((stored) => {
      setLoaded(true);
      setIcpState(stored);
      setSizes(stored.companySizes);
      setTexts({
        titles: stored.titles.join(', '),
        departments: stored.departments.join(', '),
        industries: stored.industries.join(', '),
        locations: stored.locations.join(', '),
        excludedDomains: stored.excludedDomains.join(', '),
      });
    });
  }, []);

  useEffect(() => {
    let live = true;
    if (isEmptyIcp(icp)) {
      setRanked(null);
      return;
    }
    // The store's fit index (stored fitScore) finds the best ten without reading every lead;
    // their scores and reasons are computed on read, so they are current.
    const scorer = createScorer(icp);
    void store
      .query({ sort: 'fit', limit: 10 })
      .then((page) => {
        if (!live) return;
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
        setRanked({ top, scored: page.total });
      })
      .catch((err: unknown) => setStatus(`Could not read the leads: ${String(err)}`));
    return () => {
      live = false;
    };
  }, [icp]);

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const next = await setIcp({
        titles: parseTerms(texts.titles),
        departments: parseTerms(texts.departments),
        industries: parseTerms(texts.industries),
        locations: parseTerms(texts.locations),
        excludedDomains: parseTerms(texts.excludedDomains).map((d) => d.toLowerCase()),
        companySizes: sizes,
      });
      setStatus('Profile saved. Updating the stored fit of every lead…');
      const changed = await syncFitScores(next);
      setIcpState(next);
      setStatus(`Profile saved. ${changed.toLocaleString()} lead scores changed.`);
    } catch (err) {
      setStatus(`Could not save the profile: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <section aria-labelledby="icp-heading" class="insights-card">
      <h3 id="icp-heading">Ideal customer profile</h3>
      <p class="muted">
        Who you target. Each lead gets a fit score from 0 to 100 with the reasons. Separate terms with commas.
      </p>
      <form onSubmit={save} class="icp-form" aria-busy={!loaded}>
        {FIELDS.map((f) => (
          <div class="insights-field" key={f.id}>
            <label for={`icp-${f.id}`}>{f.label}</label>
            <input
              id={`icp-${f.id}`}
              type="text"
              disabled={!loaded}
              value={texts[f.id]}
              aria-describedby={`icp-${f.id}-hint`}
              onInput={(e) => setTexts({ ...texts, [f.id]: (e.currentTarget as HTMLInputElement).value })}
            />
            <span id={`icp-${f.id}-hint`} class="muted hint">
              {f.hint}
            </span>
          </div>
        ))}
        <fieldset class="insights-field sizes">
          <legend>Company sizes (employees)</legend>
          {COMPANY_SIZE_BANDS.map((b) => (
            <label key={b.id} class="check">
              <input
                type="checkbox"
                disabled={!loaded}
                checked={sizes.includes(b.id)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setSizes(on ? [...sizes, b.id] : sizes.filter((s) => s !== b.id));
                }}
              />{' '}
              {b.id}
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" disabled={!loaded}>
            Save profile
          </button>
          <span role="status" class="muted">
            {status}
          </span>
        </div>
      </form>

      <h4>Best-fit leads</h4>
      {!ranked ? (
        <p class="muted">Describe your target above to see how your leads fit.</p>
      ) : ranked.top.length === 0 ? (
        <p class="muted">No leads yet. Captured leads are scored as soon as they are saved.</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table" data-table="best-fit">
            <caption>
              Top {ranked.top.length} of {ranked.scored} leads by fit
            </caption>
            <thead>
              <tr>
                <th scope="col">Lead</th>
                <th scope="col">Company</th>
                <th scope="col">Fit and reasons</th>
              </tr>
            </thead>
            <tbody>
              {ranked.top.map((r) => (
                <tr key={r.id} data-lead={r.id}>
                  <th scope="row">
                    <a href={`#leads/${r.id}`}>{r.name}</a>
                  </th>
                  <td>{r.company}</td>
                  <td>
                    <FitBadge score={r.score} reasons={r.reasons} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
