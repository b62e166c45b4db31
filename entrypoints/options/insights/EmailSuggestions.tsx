import { useEffect } from 'preact/hooks';
import { GuessedEmail } from '@/components/GuessedEmail';
import { leads, onLeadsChanged } from '@/lib/db';
import { MIN_EXAMPLES } from '@/lib/intel/email-pattern';
import { forEachStoredLead } from '@/lib/intel/source';
import { leadName } from '@/lib/lead/name';
import type { Lead } from '@/lib/lead/schema';
import {
  acceptGuess,
  type EmailDeps,
  requested,
  requestSuggestions,
  SHOWN,
  startEmailSuggestions,
  status,
  suggestions,
} from './email-model';

/** The real dependencies: every stored lead, and the store's update. */
export const emailDeps: EmailDeps = {
  forEachLead: (each) => forEachStoredLead((value) => each(value as Lead)),
  addEmail: async (lead, point) => {
    await leads.update(lead.id, { emails: [...(lead.emails ?? []), point] });
  },
  onLeadsChanged: (cb) => onLeadsChanged(() => cb()),
};

/**
 * Leads without an address at a company whose address pattern is learned,
 * with the guess (GuessedEmail) and a button to keep it as a guessed address.
 */
export function EmailSuggestions() {
  useEffect(() => startEmailSuggestions(emailDeps), []);
  const state = suggestions.value;
  return (
    <section aria-labelledby="emails-heading" class="insights-card">
      <h3 id="emails-heading">Email patterns</h3>
      <p class="muted">
        Learned from the addresses you already have: a domain needs {MIN_EXAMPLES} people whose addresses follow the
        same pattern, and most of its addresses must agree. Guesses stay marked "guessed" until you mark them verified
        or bounced, and are exported in their own column.
      </p>
      <p role="status" class="muted">
        {status.value}
      </p>
      {!requested.value ? (
        <button type="button" onClick={() => void requestSuggestions()}>
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
                    <GuessedEmail lead={lead} onAccept={(point) => void acceptGuess(lead, point)} />
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
