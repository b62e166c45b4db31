import { useEffect, useRef } from 'preact/hooks';
import { isDue } from '@/components/dates';
import { ExportButtons } from '@/components/ExportButtons';
import { LeadDetail } from '@/components/LeadDetail';
import { LeadFiltersBar } from '@/components/LeadFiltersBar';
import { ListSummary, NoLeadsYet, NoMatches, useLiveLeadList } from '@/components/LeadListParts';
import { toQuery } from '@/components/leadList';
import { readSnapshot, SNAPSHOT_ROWS, writeSnapshot } from '@/components/leadSnapshot';
import { listKeyAction } from '@/components/listKeys';
import { RepairMarker } from '@/components/RepairView';
import { nextStage, StageSelect, stageByDigit } from '@/components/StageSelect';
import { settings, startSettings } from '@/components/settingsState';
import { store } from '@/components/store';
import { useVirtualWindow } from '@/components/useVirtualWindow';
import { needsRepair } from '@/lib/db/damaged';
import { leadName, roleLine } from '@/lib/lead/name';
import type { Lead } from '@/lib/lead/schema';
import { formatDate, stageLabel } from '@/lib/settings';
import { activeIndex, changed, list, loadTags, openId, scrollTop, tags } from './model';
import './leads.css';

const ROW_HEIGHT = 56;
// Rows are keyed by position in the window so scrolling reuses their elements (see the workspace table).

/** Saved leads: search, filter and work the list. */
export function LeadsView() {
  useEffect(() => void startSettings(), []);
  useLiveLeadList({ list, changed, tags, loadTags }, () => list.loadWithPlaceholder(readSnapshot()));
  const answered = list.resultsFor.value;
  useEffect(() => {
    if (answered !== null && list.previewFor.value === null)
      writeSnapshot(list.filters.value, list.rows.value.prefix(SNAPSHOT_ROWS));
  }, [answered, list.rows.value]);
  return openId.value ? <DetailPane id={openId.value} /> : <ListPane />;
}

function DetailPane(props: { id: string }) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <div class="popup-detail">
      <button
        type="button"
        ref={back}
        class="back"
        onClick={() => {
          openId.value = null;
        }}
      >
        ← All leads
      </button>
      <LeadDetail
        id={props.id}
        repo={store}
        changed={changed.value}
        workspaceLink
        onDeleted={() => {
          openId.value = null;
        }}
      />
    </div>
  );
}

async function changeStage(lead: Lead, stage: string | undefined) {
  if (!stage || stage === lead.stage) return;
  const updated = await store.setStage(lead.id, stage);
  list.patch(updated);
}

function ListPane() {
  const container = useRef<HTMLDivElement>(null);
  const rows = list.rows.value;
  const total = list.total.value;
  const count = total ?? 0;
  const win = useVirtualWindow(container, count, ROW_HEIGHT);
  useEffect(() => {
    void list.ensure(win.end + 20, win.start - 20);
  }, [win.start, win.end, total]);
  useEffect(() => {
    if (container.current && scrollTop.value) container.current.scrollTop = scrollTop.value;
  }, []);

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(count - 1, index));
    activeIndex.value = clamped;
    win.scrollToRow(clamped);
    requestAnimationFrame(() =>
      container.current?.querySelector<HTMLElement>(`[data-index="${clamped}"] .lead-open`)?.focus(),
    );
  };
  const open = (lead: Lead) => {
    scrollTop.value = container.current?.scrollTop ?? 0;
    openId.value = lead.id;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const index = activeIndex.value;
    const lead = rows.at(index);
    const action = listKeyAction(e, index, count);
    if (action?.kind === 'move') focusRow(action.to);
    else if (action?.kind === 'stage' && lead) void changeStage(lead, stageByDigit(action.digit));
    else if (action?.kind === 'next-stage' && lead) void changeStage(lead, nextStage(lead.stage));
    else return;
    e.preventDefault();
  };

  const s = settings.value;
  const empty = total === 0 && list.totalKnown.value;
  return (
    <div class="leads-view">
      <LeadFiltersBar model={list} tags={tags.value} idPrefix="popup-leads" />
      <ListSummary list={list} role="status">
        {list.error.value && <span class="error-text"> · {list.error.value}</span>}
      </ListSummary>
      {empty && !list.isFiltered.value && (
        <NoLeadsYet>
          Open a prospect's page (a LinkedIn profile, a company's team page, an email signature…), click Prospector and
          save it from the <em>This page</em> tab. Saved leads show up here.
        </NoLeadsYet>
      )}
      {empty && list.isFiltered.value && <NoMatches list={list} />}
      <div
        class="lead-scroller"
        ref={container}
        hidden={empty}
        aria-busy={list.loading.value}
        data-results-for={list.resultsFor.value ?? undefined}
        data-preview-for={list.previewFor.value ?? undefined}
      >
        <ul
          class="lead-rows"
          aria-label="Leads"
          aria-describedby="popup-leads-keys"
          onKeyDown={onKeyDown}
          style={{ paddingTop: `${win.before}px`, paddingBottom: `${win.after}px` }}
        >
          {Array.from({ length: Math.max(0, win.end - win.start) }, (_, i) => {
            const index = win.start + i;
            const lead = rows.at(index);
            if (!lead) {
              return (
                <li key={i} class="lead-row placeholder" data-index={index} aria-hidden="true">
                  <span class="muted">Loading…</span>
                </li>
              );
            }
            const due = isDue(lead.nextFollowUpAt);
            const next = nextStage(lead.stage);
            return (
              <li key={i} class="lead-row" data-index={index} aria-setsize={count} aria-posinset={index + 1}>
                <button
                  type="button"
                  class="lead-open"
                  tabIndex={index === activeIndex.value ? 0 : -1}
                  onFocus={() => {
                    activeIndex.value = index;
                  }}
                  onClick={() => open(lead)}
                >
                  <span class="lead-name">
                    {leadName(lead)}
                    {needsRepair(lead) && <RepairMarker />}
                  </span>
                  <span class="lead-role muted">{roleLine(lead)}</span>
                </button>
                {lead.nextFollowUpAt && (
                  <span
                    class={due ? 'due-marker' : 'follow-up-date muted'}
                    title={formatDate(lead.nextFollowUpAt, s.dateFormat, true)}
                  >
                    {due ? 'Due' : formatDate(lead.nextFollowUpAt, s.dateFormat)}
                  </span>
                )}
                <StageSelect
                  value={lead.stage}
                  tabIndex={-1}
                  label={`Stage of ${leadName(lead)}`}
                  onChange={(stage) => changeStage(lead, stage)}
                />
                {next && (
                  <button
                    type="button"
                    class="icon-button next-stage"
                    tabIndex={-1}
                    aria-label={`Move ${leadName(lead)} to ${stageLabel(s, next)}`}
                    title={`Move to ${stageLabel(s, next)}`}
                    onClick={() => changeStage(lead, next)}
                  >
                    →
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <p id="popup-leads-keys" class="muted small keys-hint">
        ↑↓ move · Enter opens · 1–9 set stage · ] next stage
      </p>
      {!empty && total !== null && (
        <details class="export-filter">
          <summary>
            Export {list.isFiltered.value ? 'these' : 'all'} {total.toLocaleString()} leads
          </summary>
          <ExportButtons query={toQuery(list.filters.value)} label="Export the current filter" />
        </details>
      )}
    </div>
  );
}
