import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { isDue } from '@/components/dates';
import { ExportButtons } from '@/components/ExportButtons';
import { ListSummary, NoLeadsYet, NoMatches } from '@/components/LeadListParts';
import { toQuery } from '@/components/leadList';
import { listKeyAction } from '@/components/listKeys';
import { RepairMarker } from '@/components/RepairView';
import { nextStage, StageSelect, stageByDigit } from '@/components/StageSelect';
import { settings } from '@/components/settingsState';
import { store } from '@/components/store';
import { useVirtualWindow } from '@/components/useVirtualWindow';
import { needsRepair } from '@/lib/db/damaged';
import { ORIGIN_LABELS } from '@/lib/lead/labels';
import { leadName } from '@/lib/lead/name';
import type { Lead } from '@/lib/lead/schema';
import { formatDate, LEAD_COLUMNS, type LeadColumn, updateSettings } from '@/lib/settings';
import { activeIndex, bulkDelete, list, selectAllMatching, selection, toggle } from './model';

const ROW_HEIGHT = 40;
// Rows are keyed by their position in the window, not by lead: while scrolling, each row
// element is reused for the lead now at its position, so Preact updates text and values
// instead of building ~20 new rows (each with a stage <select>) every frame.

/** The table's column headings. */
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

/** The table's column picker (the name column always shows). */
export function ColumnChooser() {
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

/** The leads as a virtual table: only the rows in view are in the DOM; the keyboard works the list. */
export function LeadTable(props: { detailId: string | null }) {
  const container = useRef<HTMLDivElement>(null);
  const rows = list.rows.value;
  const total = list.total.value;
  const count = total ?? 0;
  const columns = settings.value.columns;
  const win = useVirtualWindow(container, count, ROW_HEIGHT, 10);
  useEffect(() => {
    void list.ensure(win.end + 100, win.start - 100);
  }, [win.start, win.end, total]);

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(count - 1, index));
    activeIndex.value = clamped;
    win.scrollToRow(clamped);
    requestAnimationFrame(() => container.current?.querySelector<HTMLElement>(`tr[data-index="${clamped}"]`)?.focus());
  };
  const openDetail = (lead: Lead) => {
    location.hash = `#leads/${lead.id}`;
  };
  const setStage = (lead: Lead, stage: string | undefined) => {
    if (stage) void store.setStage(lead.id, stage).then(list.patch);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('select, input, button, a')) return;
    const index = activeIndex.value;
    const lead = rows.at(index);
    const action = listKeyAction(e, index, count, { letters: true });
    if (action?.kind === 'move') {
      if (action.extend && lead) toggle(lead.id, true);
      focusRow(action.to);
      const reached = rows.at(action.to);
      if (action.extend && reached) toggle(reached.id, true);
    } else if (action?.kind === 'stage' && lead) setStage(lead, stageByDigit(action.digit));
    else if (action?.kind === 'next-stage' && lead) setStage(lead, nextStage(lead.stage));
    else if ((e.key === ' ' || e.key === 'x') && lead) toggle(lead.id);
    else if (e.key === 'Enter' && lead) openDetail(lead);
    else if (e.key === 'Delete' && selection.value.size) void bulkDelete();
    else if (e.key === 'Escape' && props.detailId) location.hash = '#leads';
    else return;
    e.preventDefault();
  };

  if (total === 0 && list.totalKnown.value) {
    return list.isFiltered.value ? (
      <NoMatches list={list} />
    ) : (
      <NoLeadsYet>
        Open a prospect's page, click the Prospector button in the toolbar and save the lead, or import a CSV from{' '}
        <a href="#data">Import &amp; export</a>.
      </NoLeadsYet>
    );
  }
  const allLoadedSelected = count > 0 && selection.value.size >= count;
  return (
    <>
      <ListSummary list={list}>
        {total !== null && total > 0 && !allLoadedSelected && (
          <>
            {' · '}
            <button type="button" class="link-button" onClick={() => void selectAllMatching()}>
              Select all {total.toLocaleString()}
            </button>
          </>
        )}
      </ListSummary>
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
                const lead = rows.at(index);
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
