import { useState } from 'preact/hooks';
import { store } from '@/components/store';
import type { LeadQuery } from '@/lib/db/api';
import type { ExportFormat } from '@/lib/export/files';
import { exportAndDownload } from '@/lib/export/run';

const LABELS: Record<ExportFormat, string> = { csv: 'Export CSV', json: 'Export JSON', vcf: 'Export vCard' };

export interface ExportButtonsProps {
  /** Export these leads (the selection). */
  ids?: string[];
  /** Export the leads matching this filter (limit and cursor are ignored). Neither ids nor query: all leads. */
  query?: LeadQuery;
  /** Which buttons; default CSV and JSON, plus vCard when ids are given. */
  formats?: ExportFormat[];
  /** Accessible name of the button group, e.g. "Export the current filter". */
  label?: string;
}

/**
 * Export buttons for the popup's Leads view and the workspace table: they read the
 * leads themselves (read-only) and download the file through an anchor and a Blob URL.
 */
export function ExportButtons(props: ExportButtonsProps) {
  const formats = props.formats ?? (props.ids ? ['csv', 'json', 'vcf'] : ['csv', 'json']);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const empty = props.ids !== undefined && props.ids.length === 0;

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError('');
    setStatus('Exporting…');
    try {
      const scope = { ...(props.ids ? { ids: props.ids } : {}), ...(props.query ? { query: props.query } : {}) };
      // Progress per 1000 leads read (a status region, so screen readers hear it too).
      const count = await exportAndDownload(store, format, scope, (done) =>
        setStatus(`Exporting… ${done.toLocaleString()} leads read`),
      );
      setStatus(
        count === 0 ? 'Nothing to export: no leads match.' : `Exported ${count} lead${count === 1 ? '' : 's'}.`,
      );
    } catch (err) {
      setStatus('');
      setError(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="export-buttons">
      {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form fieldset. */}
      <div role="group" aria-label={props.label ?? 'Export'} class="export-buttons-row">
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            disabled={busy !== null || empty}
            aria-busy={busy === format}
            onClick={() => void run(format)}
          >
            {LABELS[format]}
          </button>
        ))}
      </div>
      <p class="muted" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
