import { useSignal } from '@preact/signals';
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { isDue, QUICK_PICKS, quickPickDate } from '@/components/dates';
import { ExportButtons } from '@/components/ExportButtons';
import { LeadDetail } from '@/components/LeadDetail';
import { LeadFiltersBar } from '@/components/LeadFiltersBar';
import { toQuery } from '@/components/leadList';
import { RepairMarker } from '@/components/RepairView';
import { nextStage, StageSelect, stageByDigit } from '@/components/StageSelect';
import { settings } from '@/components/settingsState';
import { store, subscribeLeads } from '@/components/store';
import { cleanTag } from '@/components/TagInput';
import { useVirtualWindow } from '@/components/useVirtualWindow';
import { needsRepair } from '@/lib/db/damaged';
import { ORIGIN_LABELS } from '@/lib/lead/labels';
import { leadName } from '@/lib/lead/name';
import type { Lead } from '@/lib/lead/schema';
import { formatDate, LEAD_COLUMNS, type LeadColumn, selectableStages, updateSettings } from '@/lib/settings';
import { Board } from './Board';
import {
  activeIndex,
  bulkDelete,
  bulkFollowUp,
  bulkSetStage,
  bulkTag,
  changed,
  list,
  loadTags,
  notice,
  progress,
  selectAllMatching,
  selection,
  tags,
  toggle,
  undo,
  undoDelete,
  view,
} from './model';

const ROW_HEIGHT = 40;
// Rows are keyed by their position in the window, not by lead: while scrolling, each row
// element is reused for the lead now at its position, so Preact updates text and values
// instead of building ~20 new rows (each with a stage <select>) every frame.

export const COLUMN_LABELS: Record<LeadColumn, string> = {
  name: 'Name',
  title: 'Title',
  company: 'Company',
  stage: 'Stage',
  followUp: 'Follow-up',
  tags: 'Tags',
  origin: 'Origin',
  email: 'Email',
  phone: 'Phone',
  updated: 'Updated',
  created: 'Added',
  fit: 'Fit',
};

function cell(column: LeadColumn, lead: Lead): JSX.Element | string {
  const s = settings.value;
  switch (column) {
    case 'name':
      return leadName(lead);
    case 'title':
      return lead.title ?? '';
    case 'company':
      return lead.companyName ?? '';
    case 'stage':
      return (
        <StageSelect
          value={lead.stage}
          tabIndex={-1}
          label={`Stage of ${leadName(lead)}`}
          onChange={async (stage) => list.patch(await store.setStage(lead.id, stage))}
        />
      );
    case 'followUp':
      return lead.nextFollowUpAt ? (
        <span class={isDue(lead.nextFollowUpAt) ? 'due-marker' : undefined}>
          {isDue(lead.nextFollowUpAt) ? 'Due ' : ''}
          {formatDate(lead.nextFollowUpAt, s.dateFormat)}
        </span>
      ) : (
        ''
      );
    case 'tags':
      return lead.tags.join(', ');
    case 'origin':
      return ORIGIN_LABELS[lead.origin] ?? lead.origin;
    case 'email':
      return lead.emails[0]?.value ?? '';
    case 'phone':
      return lead.phones[0]?.value ?? '';
    case 'updated':
      return formatDate(lead.updatedAt, s.dateFormat);
    case 'created':
      return formatDate(lead.createdAt, s.dateFormat);
    case 'fit':
      return lead.fitScore === undefined ? '' : String(Math.round(lead.fitScore));
  }
}

/** The workspace's Leads section: table, filters, bulk actions and the detail panel. */
export function LeadsPage(props: { leadId?: string | null }) {
  useEffect(() => {
    // Tags (for the filter) wait for the first rows: both read IndexedDB and rows come first.
    const first = list.total.value === null ? list.reload() : Promise.resolve();
    void first.then(loadTags);
    return subscribeLeads(() => {
      changed.value++;
      void list.refresh();
      void loadTags();
    });
  }, []);
  const detailId = props.leadId ?? null;
  return (
    <section class="leads-page" aria-labelledby="leads-heading">
      <div class="leads-main">
        <div class="section-head">
          <h2 id="leads-heading">Leads</h2>
          <div class="view-switch">
            <fieldset class="radio-row">
              <legend class="visually-hidden">View</legend>
              <label class="checkbox">
                <input
                  type="radio"
                  name="leads-view"
                  checked={view.value === 'table'}
                  onChange={() => {
                    view.value = 'table';
                  }}
                />
                Table
              </label>
              <label class="checkbox">
                <input
                  type="radio"
                  name="leads-view"
                  checked={view.value === 'board'}
                  onChange={() => {
                    view.value = 'board';
                  }}
                />
                Board
              </label>
            </fieldset>
            {view.value === 'table' && <ColumnChooser />}
          </div>
        </div>
        <LeadFiltersBar model={list} tags={tags.value} idPrefix="ws-leads" extraSorts={['fit']} />
        <Notices />
        {view.value === 'table' ? (
          <>
            <BulkBar />
            <LeadTable detailId={detailId} />
          </>
        ) : (
          <Board />
        )}
      </div>
      {detailId && (
        <aside class="detail-panel" aria-label="Lead detail">
          <a class="close-detail" href="#leads">
            Close detail
          </a>
          <LeadDetail
            id={detailId}
            repo={store}
            changed={changed.value}
            headingLevel={3}
            onDeleted={(token) => {
              undo.value = { token, count: 1 };
              location.hash = '#leads';
            }}
          />
        </aside>
      )}
    </section>
  );
}

function ColumnChooser() {
  const columns = settings.value.columns;
  const set = (column: LeadColumn, on: boolean) =>
    updateSettings((s) => ({
      ...s,
      columns: on
        ? LEAD_COLUMNS.filter((c) => c === column || s.columns.includes(c))
        : s.columns.filter((c) => c !== column),
    }));
  return (
    <details class="column-chooser">
      <summary>Columns</summary>
      <fieldset>
        <legend class="visually-hidden">Visible columns</legend>
        {LEAD_COLUMNS.map((c) => (
          <label key={c} class="checkbox">
            <input
              type="checkbox"
              checked={columns.includes(c)}
              disabled={c === 'name'}
              onChange={(e) => set(c, (e.currentTarget as HTMLInputElement).checked)}
            />
            {COLUMN_LABELS[c]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

function Notices() {
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

function BulkBar() {
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
      <label for="bulk-stage" class="visually-hidden">
        Set stage of selected leads
      </label>
      <select
        id="bulk-stage"
        value=""
        onChange={(e) => {
          const stage = (e.currentTarget as HTMLSelectElement).value;
          if (stage) void bulkSetStage(stage);
        }}
      >
        <option value="">Set stage…</option>
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
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
      <label for="bulk-followup" class="visually-hidden">
        Set follow-up of selected leads
      </label>
      <select
        id="bulk-followup"
        value=""
        onChange={(e) => {
          const pick = (e.currentTarget as HTMLSelectElement).value;
          if (pick === 'clear') void bulkFollowUp(undefined);
          else if (pick) void bulkFollowUp(quickPickDate(pick as (typeof QUICK_PICKS)[number]['id']));
        }}
      >
        <option value="">Follow up…</option>
        {QUICK_PICKS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
        <option value="clear">No follow-up</option>
      </select>
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

function LeadTable(props: { detailId: string | null }) {
  const container = useRef<HTMLDivElement>(null);
  const rows = list.rows.value;
  const total = list.total.value;
  const count = total ?? 0;
  const columns = settings.value.columns;
  const win = useVirtualWindow(container, count, ROW_HEIGHT, 10);
  useEffect(() => {
    void list.ensure(win.end + 100);
  }, [win.end, total]);

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(count - 1, index));
    activeIndex.value = clamped;
    win.scrollToRow(clamped);
    requestAnimationFrame(() => container.current?.querySelector<HTMLElement>(`tr[data-index="${clamped}"]`)?.focus());
  };
  const openDetail = (lead: Lead) => {
    location.hash = `#leads/${lead.id}`;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('select, input, button, a')) return;
    const index = activeIndex.value;
    const lead = rows[index];
    if (e.key === 'ArrowDown' || e.key === 'j') {
      if (e.shiftKey && lead) toggle(lead.id, true);
      focusRow(index + 1);
      const next = rows[index + 1];
      if (e.shiftKey && next) toggle(next.id, true);
    } else if (e.key === 'ArrowUp' || e.key === 'k') {
      if (e.shiftKey && lead) toggle(lead.id, true);
      focusRow(index - 1);
      const prev = rows[index - 1];
      if (e.shiftKey && prev) toggle(prev.id, true);
    } else if (e.key === 'PageDown') focusRow(index + 15);
    else if (e.key === 'PageUp') focusRow(index - 15);
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(count - 1);
    else if ((e.key === ' ' || e.key === 'x') && lead) toggle(lead.id);
    else if (e.key === 'Enter' && lead) openDetail(lead);
    else if (/^[1-9]$/.test(e.key) && lead) {
      const stage = stageByDigit(Number(e.key));
      if (stage) void store.setStage(lead.id, stage).then(list.patch);
    } else if (e.key === ']' && lead) {
      const stage = nextStage(lead.stage);
      if (stage) void store.setStage(lead.id, stage).then(list.patch);
    } else if (e.key === 'Delete' && selection.value.size) void bulkDelete();
    else if (e.key === 'Escape' && props.detailId) location.hash = '#leads';
    else return;
    e.preventDefault();
  };

  if (total === 0 && list.totalKnown.value) {
    return list.isFiltered.value ? (
      <div class="empty-state">
        <p>No leads match these filters.</p>
        <button type="button" onClick={() => list.setFilters({ text: '', stage: '', tag: '', origin: '', due: false })}>
          Clear filters
        </button>
      </div>
    ) : (
      <div class="empty-state">
        <p>
          <strong>No leads yet.</strong>
        </p>
        <p>
          Open a prospect's page, click the Prospector button in the toolbar and save the lead, or import a CSV from{' '}
          <a href="#data">Import &amp; export</a>.
        </p>
      </div>
    );
  }
  const allLoadedSelected = count > 0 && selection.value.size >= count;
  return (
    <>
      <p class="list-summary muted">
        {total === null
          ? 'Loading leads…'
          : list.totalKnown.value
            ? `${total.toLocaleString()} ${total === 1 ? 'lead' : 'leads'}`
            : `${total.toLocaleString()}+ leads, searching…`}
        {total !== null && total > 0 && !allLoadedSelected && (
          <>
            {' · '}
            <button type="button" class="link-button" onClick={() => void selectAllMatching()}>
              Select all {total.toLocaleString()}
            </button>
          </>
        )}
      </p>
      <details class="export-filter">
        <summary>Export these {total?.toLocaleString()} leads</summary>
        <ExportButtons query={toQuery(list.filters.value)} label="Export the current filter" />
      </details>
      <div
        class="table-scroller"
        ref={container}
        aria-busy={list.loading.value}
        data-results-for={list.resultsFor.value ?? undefined}
        data-preview-for={list.previewFor.value ?? undefined}
      >
        {/* The sizer gives the scrollbar every row's height; the table holds only the rows in view and is
            moved down to them, so layout and paint cost the same at 50 rows or 50,000 (tall spacer rows
            inside the table made Chromium re-lay and repaint the whole table height on every scroll). */}
        <div
          class="table-sizer"
          style={{ height: `${win.before + win.after + (win.end - win.start) * ROW_HEIGHT + 40}px` }}
        >
          <table
            class="lead-table"
            aria-label="Leads"
            aria-rowcount={count + 1}
            aria-describedby="ws-keys"
            style={{ transform: `translateY(${win.before}px)` }}
          >
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col" class="select-col">
                  <span class="visually-hidden">Selected</span>
                </th>
                {columns.map((c) => (
                  <th key={c} scope="col" class={`col-${c}`}>
                    {COLUMN_LABELS[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody onKeyDown={onKeyDown}>
              {Array.from({ length: Math.max(0, win.end - win.start) }, (_, i) => {
                const index = win.start + i;
                const lead = rows[index];
                if (!lead) {
                  return (
                    <tr key={i} class="placeholder" aria-rowindex={index + 2}>
                      <td colSpan={columns.length + 1} class="muted">
                        Loading…
                      </td>
                    </tr>
                  );
                }
                const selected = selection.value.has(lead.id);
                return (
                  <tr
                    key={i}
                    data-index={index}
                    aria-rowindex={index + 2}
                    class={`${selected ? 'selected' : ''} ${lead.id === props.detailId ? 'open' : ''}`}
                    tabIndex={index === activeIndex.value ? 0 : -1}
                    onFocus={() => {
                      activeIndex.value = index;
                    }}
                    onDblClick={() => openDetail(lead)}
                  >
                    <td class="select-col">
                      <input
                        type="checkbox"
                        tabIndex={-1}
                        aria-label={`Select ${leadName(lead)}`}
                        checked={selected}
                        onChange={(e) => toggle(lead.id, (e.currentTarget as HTMLInputElement).checked)}
                      />
                    </td>
                    {columns.map((c) => (
                      <td key={c} class={`col-${c}`}>
                        {c === 'name' ? (
                          <a
                            href={`#leads/${lead.id}`}
                            tabIndex={-1}
                            onClick={() => {
                              activeIndex.value = index;
                            }}
                          >
                            {leadName(lead)}
                            {needsRepair(lead) && <RepairMarker />}
                          </a>
                        ) : (
                          cell(c, lead)
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
      <p id="ws-keys" class="muted small keys-hint">
        Keys: ↑↓ or j/k move · Space or x select · Shift+↑↓ extend · Enter open · 1–9 set stage · ] next stage · Delete
        deletes the selection · Esc closes the detail
      </p>
    </>
  );
}
