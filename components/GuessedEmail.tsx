import { useEffect, useState } from 'preact/hooks';
import { subscribeLeads } from '@/components/store';
import { acceptGuess, type EmailGuess, type GuessSubject, guessEmail } from '@/lib/intel/email-pattern';
import { learnDomain } from '@/lib/intel/source';
import type { EmailPoint } from '@/lib/lead/schema';

/**
 * A guessed address for a lead without one, from the pattern its company
 * domain's known addresses follow (lib/intel/email-pattern). Shows the
 * confidence and the examples it came from; "Use this guess" hands the host an
 * EmailPoint marked guessed (status and source 'guessed'), which stays guessed
 * until the user marks it verified or bounced. Renders nothing without a guess.
 *
 * The host decides how to store it: the popup through the background, the
 * workspace with leads.update.
 */
export function GuessedEmail(props: { lead: GuessSubject; onAccept?: (point: EmailPoint) => void }) {
  const { lead } = props;
  const domain = lead.companyDomain?.trim().toLowerCase() ?? '';
  const [guess, setGuess] = useState<EmailGuess | null>(null);
  const [version, setVersion] = useState(0);
  const needsGuess = Boolean(domain) && !(lead.emails ?? []).some((e) => e.status !== 'bounced');

  useEffect(() => subscribeLeads(() => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    if (!needsGuess) {
      setGuess(null);
      return;
    }
    learnDomain(domain, lead.id)
      .then((verdict) => {
        if (!live) return;
        const patterns = new Map(verdict.pattern ? [[verdict.domain, verdict.pattern]] : []);
        setGuess(guessEmail(lead, patterns));
      })
      .catch((err: unknown) => {
        console.warn('email pattern lookup failed', err);
        if (live) setGuess(null);
      });
    return () => {
      live = false;
    };
  }, [domain, needsGuess, lead.id, lead.firstName, lead.lastName, lead.fullName, version]);

  if (!guess) return null;
  const percent = Math.round(guess.confidence * 100);
  return (
    <div
      class="guessed-email"
      style={{
        border: '1px dashed var(--border)',
        borderRadius: 'var(--radius)',
        padding: '6px 8px',
        display: 'grid',
        gap: '4px',
      }}
    >
      <div>
        <span class="muted">Guessed email: </span>
        <code class="guessed-email-value">{guess.value}</code>{' '}
        <span class="guessed-email-confidence">({percent}% confidence)</span>
      </div>
      <div class="muted" style={{ fontSize: '0.9em' }}>
        Pattern {guess.pattern} at {guess.domain}, from {guess.examples.join(', ')}.
        {guess.alternative ? ` The domain's habit for hyphens is unknown: it may be ${guess.alternative}.` : ''} Not
        verified: it is marked "guessed" until you mark it verified or bounced.
      </div>
      {props.onAccept && (
        <div>
          <button type="button" onClick={() => props.onAccept?.(acceptGuess(guess))}>
            Use this guess
          </button>
        </div>
      )}
    </div>
  );
}
