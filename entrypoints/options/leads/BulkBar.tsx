import { useSignal } from '@preact/signals';
import { QUICK_PICKS, quickPickDate } from '@/components/dates';
import { ExportButtons } from '@/components/ExportButtons';
import { Select } from '@/components/Select';
import { settings } from '@/components/settingsState';
import { cleanTag } from '@/components/TagInput';
import { selectableStages } from '@/lib/settings';
import {
  bulkDelete,
  bulkFollowUp,
  bulkSetStage,
  bulkTag,
  list,
  notice,
  progress,
  selection,
  tags,
  undo,
  undoDelete,
} from './model';

type QuickPick = (typeof QUICK_PICKS)[number]['id'];

/** Progress of a bulk action, its undo, and the list's last notice or error. */
export function BulkNotices() {
  return (
    <div class="notices" role="status" aria-live="polite">
      {progress.value && (
        <p>
          <label for="bulk-progress">{progress.value.label}…</label>{' '}
          <progress id="bulk-progress" max={progress.value.total || 1} value={progress.value.done} />{' '}
          {progress.value.done} / {progress.value.total}
        </p>
      )}
      {undo.value && (
        <p class="undo-notice">
          Deleted {undo.value.count} {undo.value.count === 1 ? 'lead' : 'leads'}.{' '}
          <button type="button" onClick={() => void undoDelete()}>
            Undo
          </button>
        </p>
      )}
      {notice.value && <p>{notice.value}</p>}
      {list.error.value && <p class="error-text">{list.error.value}</p>}
    </div>
  );
}

/** Actions on the selected leads: stage, tag, follow-up, export, delete. */
export function BulkBar() {
  const count = selection.value.size;
  const tag = useSignal('');
  const confirmDelete = useSignal(false);
  if (count === 0) return null;
  const stages = selectableStages(settings.value);
  return (
    <section class="bulk-bar" aria-label="Bulk actions">
      <strong>{count.toLocaleString()} selected</strong>
      <button
        type="button"
        onClick={() => {
          selection.value = new Set();
        }}
      >
        Clear selection
      </button>
      <Select
        id="bulk-stage"
        label="Set stage of selected leads"
        hideLabel
        value=""
        options={[{ value: '', label: 'Set stage…' }, ...stages.map((s) => ({ value: s.id, label: s.label }))]}
        onChange={(stage) => {
          if (stage) void bulkSetStage(stage);
        }}
      />
      <span class="bulk-tag">
        <label for="bulk-tag-input" class="visually-hidden">
          Tag for selected leads
        </label>
        <input
          id="bulk-tag-input"
          list="bulk-tag-suggestions"
          placeholder="Tag"
          value={tag.value}
          onInput={(e) => {
            tag.value = cleanTag((e.currentTarget as HTMLInputElement).value);
          }}
        />
        <datalist id="bulk-tag-suggestions">
          {tags.value.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="button" disabled={!tag.value} onClick={() => void bulkTag(tag.value, false)}>
          Add tag
        </button>
        <button type="button" disabled={!tag.value} onClick={() => void bulkTag(tag.value, true)}>
          Remove tag
        </button>
      </span>
      <Select<QuickPick | 'clear' | ''>
        id="bulk-followup"
        label="Set follow-up of selected leads"
        hideLabel
        value=""
        options={[
          { value: '', label: 'Follow up…' },
          ...QUICK_PICKS.map((p) => ({ value: p.id, label: p.label })),
          { value: 'clear', label: 'No follow-up' },
        ]}
        onChange={(pick) => {
          if (pick === 'clear') void bulkFollowUp(undefined);
          else if (pick) void bulkFollowUp(quickPickDate(pick));
        }}
      />
      <ExportButtons ids={[...selection.value]} label="Export the selection" />
      {confirmDelete.value ? (
        <span>
          <button
            type="button"
            class="danger"
            onClick={() => {
              confirmDelete.value = false;
              void bulkDelete();
            }}
          >
            Delete {count} {count === 1 ? 'lead' : 'leads'}
          </button>
          <button
            type="button"
            onClick={() => {
              confirmDelete.value = false;
            }}
          >
            Keep
          </button>
        </span>
      ) : (
        <button
          type="button"
          class="danger"
          onClick={() => {
            confirmDelete.value = true;
          }}
        >
          Delete…
        </button>
      )}
    </section>
  );
}
