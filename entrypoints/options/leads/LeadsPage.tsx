import { LeadDetail } from '@/components/LeadDetail';
import { LeadFiltersBar } from '@/components/LeadFiltersBar';
import { useLiveLeadList } from '@/components/LeadListParts';
import { store } from '@/components/store';
import { Board } from './Board';
import { BulkBar, BulkNotices } from './BulkBar';
import { ColumnChooser, LeadTable } from './LeadTable';
import { changed, list, loadTags, tags, undo, view } from './model';
import { TeamBar } from './TeamBar';

/** The workspace's Leads section: table, filters, bulk actions and the detail panel. */
export function LeadsPage(props: { leadId?: string | null }) {
  useLiveLeadList({ list, changed, tags, loadTags }, () => list.reload());
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
        <TeamBar />
        <BulkNotices />
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
