import { useEffect } from 'preact/hooks';
import { type FitReason, type FitSubject, fitBand, scoreLead } from '@/lib/intel/fit';
import { icpSignal, startIcp } from '@/lib/intel/live';

/**
 * The fit of a lead (or of the person on the page, before saving) against the
 * user's ideal customer profile: the score and the reasons. Pass `lead` and it
 * scores with the stored profile (and re-scores when the profile changes), or
 * pass a precomputed `score` and `reasons`. Renders nothing without a profile.
 *
 * `compact` shows only "Fit 82" with the reasons for screen readers and as a
 * tooltip (lists); the default also lists the reasons visibly (form, detail).
 */
export function FitBadge(props: {
  lead?: FitSubject;
  score?: number | null;
  reasons?: FitReason[];
  compact?: boolean;
}) {
  useEffect(() => {
    if (props.lead) void startIcp();
  }, [props.lead]);
  const result = props.lead ? scoreLead(props.lead, icpSignal.value) : null;
  const score = result ? result.score : props.score;
  const reasons = result ? result.reasons : (props.reasons ?? []);
  if (score === null || score === undefined) return null;
  const band = fitBand(score);
  const colour = band === 'high' ? 'var(--success)' : band === 'medium' ? 'var(--warning)' : 'var(--danger)';
  const reasonText = reasons.map((r) => r.text).join(', ');
  const isCompact = props.compact === true;
  const bandText = band === 'high' ? 'good fit' : band === 'medium' ? 'partial fit' : 'poor fit';
  return (
    <span class="fit-badge" data-fit={score} title={reasonText || undefined}>
      <span
        style={{
          display: 'inline-block',
          minWidth: '3.2em',
          padding: '0 6px',
          border: `1px solid ${colour}`,
          borderRadius: 'var(--radius)',
          color: 'var(--fg)',
          fontWeight: 600,
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        <span aria-hidden="true" style={{ color: colour }}>
          ●{' '}
        </span>
        Fit {score}
        <span class="visually-hidden">
          {' '}
          of 100, {bandText}
          {isCompact && reasonText ? `: ${reasonText}` : ''}
        </span>
      </span>
      {!isCompact && reasons.length > 0 && (
        <span class="fit-reasons muted" style={{ marginLeft: '6px', fontSize: '0.9em' }}>
          {reasonText}
        </span>
      )}
    </span>
  );
}
