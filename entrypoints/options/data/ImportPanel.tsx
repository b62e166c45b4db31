import { useRef } from 'preact/hooks';
import { duplicateHeaders, FORMAT_LABELS, IMPORT_TARGETS, type ImportTarget, targetLabel } from '@/lib/import';
import { describeTrim } from '@/lib/lead/limits';
import { ORIGINS, type Origin } from '@/lib/lead/schema';
import { CheckboxRow } from './CheckboxRow';
import {
  batch,
  checkRows,
  chooseFile,
  commitImport,
  error,
  fileOrigin,
  mapping,
  phase,
  prepared,
  progress,
  replaceNewer,
  resetImport,
  restored,
  restoreSettings,
  summary,
} from './model';

const MAX_LISTED = 500;

function Progress(props: { label: string }) {
  const value = progress.value;
  return (
    <div class="data-progress">
      <label for="import-progress">{props.label}</label>
      {value === null ? (
        <progress id="import-progress" />
      ) : (
        <progress id="import-progress" max={1} value={value}>
          {Math.round(value * 100)}%
        </progress>
      )}
    </div>
  );
}

function MappingStep() {
  const file = prepared.value;
  if (file?.kind !== 'csv') return null;
  const { shape } = file;
  const dupes = duplicateHeaders(shape.header);
  const originMapped = mapping.value.includes('origin');
  const setTarget = (index: number, value: string) => {
    const next = [...mapping.value];
    next[index] = value ? (value as ImportTarget) : null;
    mapping.value = next;
  };
  return (
    <div>
      <p>
        <strong>{file.fileName}</strong>: {FORMAT_LABELS[shape.format]}, {shape.header.length} columns
        {shape.delimiter === ';' ? ', separated by semicolons' : shape.delimiter === '\t' ? ', separated by tabs' : ''}.
        {shape.headerLine > 1 ? ` The header is on line ${shape.headerLine}; the lines above it are skipped.` : ''}
      </p>
      {file.note && <p class="warning">{file.note}</p>}
      {dupes.map((d) => (
        <p class="warning" key={d.header}>
          The header "{d.header}" appears in columns {d.columns.join(', ')}; check which one to import.
        </p>
      ))}
      <div class="table-scroll">
        <table class="mapping-table">
          <caption>Map each column of the file to a lead field (first rows shown as a preview)</caption>
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Imported as</th>
              {shape.preview.map((row) => (
                <th scope="col" key={row.line}>
                  Line {row.line}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shape.header.map((h, i) => (
              <tr key={i}>
                <th scope="row">{h || `(column ${i + 1})`}</th>
                <td>
                  <select
                    aria-label={`Import column "${h || i + 1}" as`}
                    value={mapping.value[i] ?? ''}
                    onChange={(e) => setTarget(i, (e.currentTarget as HTMLSelectElement).value)}
                  >
                    <option value="">Do not import</option>
                    {IMPORT_TARGETS.map((t) => (
                      <option key={t} value={t}>
                        {targetLabel(t)}
                      </option>
                    ))}
                  </select>
                </td>
                {shape.preview.map((row) => (
                  <td key={row.line} class="preview-cell">
                    {row.cells[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset class="data-row">
        <legend>Origin of these leads{originMapped ? ' (when the Origin column is empty)' : ''}</legend>
        {ORIGINS.map((o) => (
          <label key={o}>
            <input
              type="radio"
              name="import-origin"
              value={o}
              checked={fileOrigin.value === o}
              onChange={() => (fileOrigin.value = o as Origin)}
            />{' '}
            {o === 'inbound' ? 'Inbound (they came to you: a webinar list, a form)' : 'Outbound (you reached out)'}
          </label>
        ))}
      </fieldset>
      <div class="data-row">
        <button type="button" class="primary" onClick={() => void checkRows()} disabled={!mapping.value.some(Boolean)}>
          Check rows
        </button>
        <button type="button" onClick={resetImport}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function BackupStep() {
  const file = prepared.value;
  if (file?.kind !== 'json') return null;
  const { backup } = file;
  return (
    <div>
      <p>
        <strong>{file.fileName}</strong>: a Prospector backup
        {backup.exportedAt ? ` from ${backup.exportedAt.slice(0, 10)}` : ''} with {backup.leads.length} valid lead
        {backup.leads.length === 1 ? '' : 's'}. A stored lead with the same id is replaced by the backup's copy, unless
        it was changed after the backup; leads not in the backup stay as they are.
      </p>
      <RejectedList rows={backup.rejected.map((r) => ({ line: r.index, reason: r.reason }))} unit="Lead" />
      {backup.settings && (
        <CheckboxRow
          id="restore-settings"
          checked={restoreSettings.value}
          onChange={(checked) => (restoreSettings.value = checked)}
        >
          Also restore settings, the pipeline stages and export columns
        </CheckboxRow>
      )}
      <CheckboxRow
        id="replace-newer"
        checked={replaceNewer.value}
        onChange={(checked) => (replaceNewer.value = checked)}
      >
        Also replace leads changed since the backup (their later edits are lost)
      </CheckboxRow>
      <div class="data-row">
        <button
          type="button"
          class="primary"
          onClick={() => void commitImport()}
          disabled={backup.leads.length === 0 && !backup.settings}
        >
          Restore {backup.leads.length} lead{backup.leads.length === 1 ? '' : 's'}
        </button>
        <button type="button" onClick={resetImport}>
          Import nothing
        </button>
      </div>
    </div>
  );
}

function RejectedList(props: { rows: { line: number; reason: string }[]; unit: 'Line' | 'Lead' }) {
  if (props.rows.length === 0) return null;
  return (
    <details open={props.rows.length <= 20} class="rejected">
      <summary>
        {props.rows.length} rejected {props.unit === 'Line' ? 'row' : 'lead'}
        {props.rows.length === 1 ? '' : 's'}
      </summary>
      <ul aria-label="Rejected rows">
        {props.rows.slice(0, MAX_LISTED).map((r) => (
          <li key={r.line}>
            {props.unit} {r.line}: {r.reason}
          </li>
        ))}
        {props.rows.length > MAX_LISTED && <li>…and {props.rows.length - MAX_LISTED} more.</li>}
      </ul>
    </details>
  );
}

function ReviewStep() {
  const result = batch.value;
  if (!result) return null;
  const valid = result.drafts.length;
  return (
    <div>
      <h4>Check report</h4>
      <p role="status">
        {result.rows} rows read: {valid} valid, {result.rejected.length} rejected.
      </p>
      {result.issues.map((i) => (
        <p class="warning" key={`${i.line}-${i.message}`}>
          Near line {i.line}: {i.message}
        </p>
      ))}
      <RejectedList rows={result.rejected} unit="Line" />
      <div class="data-row">
        <button type="button" class="primary" onClick={() => void commitImport()} disabled={valid === 0}>
          Import {valid} valid row{valid === 1 ? '' : 's'}
        </button>
        <button type="button" onClick={resetImport}>
          Import nothing
        </button>
        <button type="button" onClick={() => (phase.value = 'mapping')}>
          Change the mapping
        </button>
      </div>
    </div>
  );
}

function DoneStep() {
  const s = summary.value;
  const r = restored.value;
  return (
    <div>
      <h4>Import report</h4>
      {s && (
        <ul aria-label="Import report" class="report">
          <li>Created: {s.created}</li>
          <li>Merged into existing leads: {s.merged}</li>
          <li>Unchanged (already known): {s.unchanged}</li>
          <li>Rejected: {s.rejected}</li>
          {s.trimmed && (
            <li>
              Over the list limits, dropped from {s.trimmed.leads} {s.trimmed.leads === 1 ? 'lead' : 'leads'}:{' '}
              {describeTrim(s.trimmed.fields)}. Values added by hand were kept first, then the newest.
            </li>
          )}
        </ul>
      )}
      {r && (
        <ul aria-label="Import report" class="report">
          <li>Leads restored: {r.leads}</li>
          <li>Kept as stored (changed since the backup): {r.kept}</li>
          <li>Rejected: {r.rejected}</li>
          <li>Settings restored: {r.settings ? 'yes' : 'no'}</li>
        </ul>
      )}
      <button type="button" onClick={resetImport}>
        Import another file
      </button>
    </div>
  );
}

/** Import: our CSV and JSON backup, LinkedIn Connections.csv, HubSpot / Salesforce / Apollo exports. */
export function ImportPanel() {
  const input = useRef<HTMLInputElement>(null);
  const p = phase.value;
  return (
    <section aria-labelledby="import-heading" class="data-card">
      <h3 id="import-heading">Import</h3>
      <p class="muted">
        A Prospector CSV or JSON backup, LinkedIn's Connections.csv, or a CSV from HubSpot, Salesforce or Apollo.
        Nothing is written until you confirm, and then in one step: a failure leaves your leads as they were.
      </p>
      <input
        ref={input}
        id="import-file"
        type="file"
        accept=".csv,.tsv,.txt,.json,text/csv,application/json"
        class="visually-hidden"
        aria-label="Import a file"
        // The visible Import button opens it; one tab stop, not two.
        tabIndex={-1}
        onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          (e.currentTarget as HTMLInputElement).value = '';
          if (file) void chooseFile(file);
        }}
      />
      {(p === 'idle' || p === 'done') && (
        <button type="button" class="primary" onClick={() => input.current?.click()}>
          Import
        </button>
      )}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {p === 'reading' && <Progress label="Reading the file…" />}
      {p === 'mapping' && prepared.value?.kind === 'csv' && <MappingStep />}
      {p === 'mapping' && prepared.value?.kind === 'json' && <BackupStep />}
      {p === 'checking' && (
        <>
          <Progress label="Checking rows…" />
          <button type="button" onClick={resetImport}>
            Cancel
          </button>
        </>
      )}
      {p === 'review' && <ReviewStep />}
      {p === 'writing' && <Progress label="Importing…" />}
      {p === 'done' && <DoneStep />}
    </section>
  );
}
