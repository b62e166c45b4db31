import { useEffect, useState } from 'preact/hooks';
import { GuessedEmail } from '@/components/GuessedEmail';
import { store, subscribeLeads } from '@/components/store';
import { type DomainPattern, guessEmail, MIN_EXAMPLES, PatternLearner } from '@/lib/intel/email-pattern';
import { forEachStoredLead } from '@/lib/intel/source';
import { leadName } from '@/lib/lead/name';
import type { EmailPoint, Lead } from '@/lib/lead/schema';

const SHOWN = 20;

/**
 * Leads without an address at a company whose address pattern is learned,
 * with the guess (GuessedEmail) and a button to keep it as a guessed address.
 * One pass over the stored leads learns every domain's pattern.
 */
export function EmailSuggestions() {
  const [state, setState] = useState<{ candidates: Lead[]; total: number; patterns: DomainPattern[] } | null>(null);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState('');
  // A pass over every lead: run when asked (at 50,000 leads it takes seconds), then after each change.
  const [requested, setRequested] = useState(false);

  useEffect(() => subscribeLeads(() => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    if (!requested) return;
    const learner = new PatternLearner();
    const without: Lead[] = [];
    void forEachStoredLead((value) => {
      const lead = value as Lead;
      learner.add(lead);
      if (lead.companyDomain && !(lead.emails ?? []).some((e) => e.status !== 'bounced')) without.push(lead);
    }).then(() => {
      if (!live) return;
      const patterns = learner.patterns();
      const candidates = without.filter((lead) => guessEmail(lead, patterns) !== null);
      setState({
        candidates: candidates.slice(0, SHOWN),
        total: candidates.length,
        patterns: [...patterns.values()].sort((a, b) => b.agreeing.length - a.agreeing.length),
      });
    });
    return () => {
      live = false;
    };
  }, [version, requested]);

  const accept = async (lead: Lead, point: EmailPoint) => {
    try {
      await store.update(lead.id, { emails: [...(lead.emails ?? []), point] });
      setStatus(`${point.value} added to ${leadName(lead, 'the lead')} as a guessed address.`);
    } catch (err) {
      setStatus(`Could not add the address: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <section aria-labelledby="emails-heading" class="insights-card">
      <h3 id="emails-heading">Email patterns</h3>
      <p class="muted">
        Learned from the addresses you already have: a domain needs {MIN_EXAMPLES} people whose addresses follow the
        same pattern, and most of its addresses must agree. Guesses stay marked "guessed" until you mark them verified
        or bounced, and are exported in their own column.
      </p>
      <p role="status" class="muted">
        {status}
      </p>
      {!requested ? (
        <button type="button" onClick={() => setRequested(true)}>
          Learn patterns and suggest addresses
        </button>
      ) : !state ? (
        <p class="muted">Learning from your leads…</p>
      ) : (
        <>
          {state.patterns.length === 0 ? (
            <p class="muted">
              No domain has a pattern yet: save at least {MIN_EXAMPLES} people with addresses at the same company.
            </p>
          ) : (
            <div class="table-wrap">
              <table class="data-table" data-table="patterns">
                <caption>Learned patterns</caption>
                <thead>
                  <tr>
                    <th scope="col">Domain</th>
                    <th scope="col">Pattern</th>
                    <th scope="col">Confidence</th>
                    <th scope="col">Agreeing</th>
                    <th scope="col">Conflicting</th>
                  </tr>
                </thead>
                <tbody>
                  {state.patterns.slice(0, 50).map((p) => (
                    <tr key={p.domain}>
                      <th scope="row">{p.domain}</th>
                      <td>{p.pattern}</td>
                      <td>{Math.round(p.confidence * 100)}%</td>
                      <td>{p.agreeing.length}</td>
                      <td>{p.conflicting.length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {state.candidates.length > 0 && (
            <>
              <h4>Suggested addresses ({state.total > SHOWN ? `${SHOWN} of ${state.total}` : state.total})</h4>
              <ul class="suggestions">
                {state.candidates.map((lead) => (
                  <li key={lead.id} data-lead={lead.id}>
                    <a href={`#leads/${lead.id}`}>{leadName(lead)}</a>
                    <GuessedEmail lead={lead} onAccept={(point) => void accept(lead, point)} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
