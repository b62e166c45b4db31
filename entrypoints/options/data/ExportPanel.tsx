import { useEffect, useState } from 'preact/hooks';
import { ExportButtons } from '@/components/ExportButtons';
import { Select } from '@/components/Select';
import {
  COLUMN_HEADERS,
  COLUMN_IDS,
  type ColumnId,
  DEFAULT_COLUMN_IDS,
  PRESET_IDS,
  PRESETS,
  resolveColumns,
} from '@/lib/export/columns';
import { DEFAULT_EXPORT_PREFS, type ExportPrefs, getExportPrefs, setExportPrefs } from '@/lib/export/prefs';
import { CheckboxRow } from './CheckboxRow';

/** Export of all leads, with the column choice and presets (remembered for every export, popup included). */
export function ExportPanel() {
  const [prefs, setPrefs] = useState<ExportPrefs | null>(null);
  const [toAdd, setToAdd] = useState<ColumnId | ''>('');
  useEffect(() => {
    void getExportPrefs().then(setPrefs);
  }, []);
  if (!prefs) return <p class="muted">Loading export settings…</p>;

  const save = (next: ExportPrefs) => {
    setPrefs(next);
    void setExportPrefs(next);
  };
  const move = (index: number, delta: -1 | 1) => {
    const columns = [...prefs.columns];
    const [item] = columns.splice(index, 1);
    if (!item) return;
    columns.splice(index + delta, 0, item);
    save({ ...prefs, columns });
  };
  const remove = (index: number) => {
    if (prefs.columns.length <= 1) return;
    save({ ...prefs, columns: prefs.columns.filter((_, i) => i !== index) });
  };
  const unused = COLUMN_IDS.filter((c) => !prefs.columns.includes(c));
  const fixed = PRESETS[prefs.preset].columns;

  return (
    <section aria-labelledby="export-heading" class="data-card">
      <h3 id="export-heading">Export</h3>
      <p class="muted">
        Files are named prospector-leads-YYYY-MM-DD and saved to your downloads. CSV opens in Excel, Google Sheets and
        LibreOffice (UTF-8); JSON is a full backup you can import back.
      </p>
      <div class="data-row">
        <Select
          id="export-preset"
          label="Columns"
          value={prefs.preset}
          options={PRESET_IDS.map((id) => ({ value: id, label: PRESETS[id].label }))}
          onChange={(preset) => save({ ...prefs, preset })}
        />
      </div>
      {fixed ? (
        <p class="muted">
          Columns for this preset:{' '}
          {resolveColumns(prefs.preset, [])
            .map((c) => c.header)
            .join(', ')}
          .
        </p>
      ) : (
        <div class="column-picker">
          <ol aria-label="Exported columns, in order">
            {prefs.columns.map((id, i) => (
              <li key={id}>
                <span>{COLUMN_HEADERS[id]}</span>
                <button
                  type="button"
                  aria-label={`Move ${COLUMN_HEADERS[id]} up`}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${COLUMN_HEADERS[id]} down`}
                  disabled={i === prefs.columns.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${COLUMN_HEADERS[id]}`}
                  disabled={prefs.columns.length <= 1}
                  onClick={() => remove(i)}
                >
                  ×
                </button>
              </li>
            ))}
          </ol>
          <div class="data-row">
            <Select<ColumnId | ''>
              id="export-add-column"
              label="Add a column"
              value={toAdd}
              options={[
                { value: '', label: 'Choose…' },
                ...unused.map((id) => ({ value: id, label: COLUMN_HEADERS[id] })),
              ]}
              onChange={setToAdd}
            />
            <button
              type="button"
              disabled={!toAdd}
              onClick={() => {
                if (toAdd) save({ ...prefs, columns: [...prefs.columns, toAdd] });
                setToAdd('');
              }}
            >
              Add
            </button>
            <button
              type="button"
              onClick={() => save({ ...prefs, columns: [...DEFAULT_COLUMN_IDS] })}
              disabled={prefs.columns.join() === DEFAULT_EXPORT_PREFS.columns.join()}
            >
              Reset columns
            </button>
          </div>
        </div>
      )}
      <CheckboxRow
        id="export-include-guessed"
        checked={prefs.includeGuessed}
        onChange={(includeGuessed) => save({ ...prefs, includeGuessed })}
      >
        Put guessed emails in Email / Other emails (otherwise only in their own "Guessed emails" column)
      </CheckboxRow>
      <ExportButtons label="Export all leads" />
    </section>
  );
}
