import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { LeadListModel } from './leadList';
import { store, subscribeLeads } from './store';
import { createTagRefresh } from './tagRefresh';

/**
 * Pieces the popup's lead list and the workspace table share: the live subscription to
 * the store, the result line and the two empty states.
 */

/** A screen's list state as the shared pieces need it. */
export interface LiveListModel {
  list: LeadListModel;
  /** Bumped on every store change, so an open detail reloads. */
  changed: { value: number };
  /** The tags the filter offers, and how to re-read them. */
  tags: { readonly value: readonly string[] };
  loadTags(): Promise<void>;
}

/**
 * Loads the list once (`first` when it has no rows yet), then tags; afterwards any change
 * to the store (this page, the popup, the background, another tab) refreshes the rows in
 * view, and the tags when the change may have changed them (./tagRefresh.ts).
 */
export function useLiveLeadList(model: LiveListModel, first: () => Promise<void>): void {
  useEffect(() => {
    // Tags (for the filter) wait for the first rows: both read IndexedDB and rows come first.
    const loaded = model.list.total.value === null ? first() : Promise.resolve();
    void loaded.then(model.loadTags);
    const tags = createTagRefresh(store, model.tags, model.loadTags);
    const off = subscribeLeads((change) => {
      model.changed.value++;
      void model.list.refresh();
      tags.onChange(change);
    });
    return () => {
      off();
      tags.stop();
    };
  }, []);
}

/** "12 leads", "Loading leads…" or, while a search narrows a preview, "40+ leads, searching…". */
export function resultSummary(total: number | null, totalKnown: boolean): string {
  if (total === null) return 'Loading leads…';
  if (!totalKnown) return `${total.toLocaleString()}+ leads, searching…`;
  return `${total.toLocaleString()} ${total === 1 ? 'lead' : 'leads'}`;
}

/** The line above a lead list: how many leads it shows, and whatever the screen adds after it. */
export function ListSummary(props: { list: LeadListModel; role?: 'status'; children?: ComponentChildren }) {
  return (
    <p class="list-summary muted" role={props.role}>
      {resultSummary(props.list.total.value, props.list.totalKnown.value)}
      {props.children}
    </p>
  );
}

/** The empty state of a list whose filters match nothing, with the way out. */
export function NoMatches(props: { list: LeadListModel }) {
  return (
    <div class="empty-state">
      <p>No leads match these filters.</p>
      <button
        type="button"
        onClick={() => props.list.setFilters({ text: '', stage: '', tag: '', origin: '', due: false })}
      >
        Clear filters
      </button>
    </div>
  );
}

/** The empty state of a store with no leads: how to get the first one (the screen says where). */
export function NoLeadsYet(props: { children: ComponentChildren }) {
  return (
    <div class="empty-state">
      <p>
        <strong>No leads yet.</strong>
      </p>
      <p>{props.children}</p>
    </div>
  );
}
