import { useEffect } from 'preact/hooks';
import { FitBadge } from '@/components/FitBadge';
import { leads } from '@/lib/db';
import { syncFitScores } from '@/lib/intel/fit-sync';
import { COMPANY_SIZE_BANDS, getIcp, setIcp } from '@/lib/intel/icp';
import {
  type IcpDeps,
  loaded,
  ranked,
  saveProfile,
  setText,
  sizes,
  startIcp,
  status,
  type TermField,
  texts,
  toggleSize,
} from './icp-model';

const FIELDS: Array<{ id: TermField; label: string; hint: string }> = [
  { id: 'titles', label: 'Titles or seniority words', hint: 'e.g. VP, Head of, Founder' },
  { id: 'departments', label: 'Departments', hint: 'e.g. Sales, Marketing (matched in the title)' },
  { id: 'industries', label: 'Industries', hint: 'e.g. SaaS, Fintech' },
  { id: 'locations', label: 'Locations', hint: 'countries, regions or cities, e.g. Germany, Austria' },
  { id: 'excludedDomains', label: 'Excluded domains', hint: 'leads there score 0, e.g. competitor.com' },
];

/** The real ICP dependencies: the lead store and the stored profile. */
export const icpDeps: IcpDeps = { repo: leads, getIcp, setIcp, syncFitScores: (icp) => syncFitScores(icp) };

/** The ideal customer profile editor and the best-fit leads it finds. */
export function IcpEditor() {
  useEffect(() => startIcp(icpDeps), []);
  const best = ranked.value;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void saveProfile();
  };
  return (
    <section aria-labelledby="icp-heading" class="insights-card">
      <h3 id="icp-heading">Ideal customer profile</h3>
      <p class="muted">
        Who you target. Each lead gets a fit score from 0 to 100 with the reasons. Separate terms with commas.
      </p>
      <form onSubmit={onSubmit} class="icp-form" aria-busy={!loaded.value}>
        {FIELDS.map((f) => (
          <div class="insights-field" key={f.id}>
            <label for={`icp-${f.id}`}>{f.label}</label>
            <input
              id={`icp-${f.id}`}
              type="text"
              disabled={!loaded.value}
              value={texts.value[f.id]}
              aria-describedby={`icp-${f.id}-hint`}
              onInput={(e) => setText(f.id, (e.currentTarget as HTMLInputElement).value)}
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
                disabled={!loaded.value}
                checked={sizes.value.includes(b.id)}
                onChange={(e) => toggleSize(b.id, (e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {b.id}
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" disabled={!loaded.value}>
            Save profile
          </button>
          <span role="status" class="muted">
            {status.value}
          </span>
        </div>
      </form>

      <h4>Best-fit leads</h4>
      {!best ? (
        <p class="muted">Describe your target above to see how your leads fit.</p>
      ) : best.top.length === 0 ? (
        <p class="muted">No leads yet. Captured leads are scored as soon as they are saved.</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table" data-table="best-fit">
            <caption>
              Top {best.top.length} of {best.scored} leads by fit
            </caption>
            <thead>
              <tr>
                <th scope="col">Lead</th>
                <th scope="col">Company</th>
                <th scope="col">Fit and reasons</th>
              </tr>
            </thead>
            <tbody>
              {best.top.map((r) => (
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
