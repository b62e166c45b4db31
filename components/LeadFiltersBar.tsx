import type { LeadSort } from '@/lib/db/api';
import { ORIGIN_LABELS } from '@/lib/lead/labels';
import { ORIGINS, type Origin } from '@/lib/lead/schema';
import { stageLabel } from '@/lib/settings';
import type { LeadListModel } from './leadList';
import { settings } from './settingsState';

export const SORT_LABELS: Partial<Record<LeadSort, string>> = {
  updated: 'Recently updated',
  name: 'Name',
  company: 'Company',
  followUp: 'Follow-up date',
  created: 'Recently added',
  fit: 'Best fit',
};

/** Search box, filters (stage, tag, origin, follow-up due) and sort for a lead list. */
export function LeadFiltersBar(props: {
  model: LeadListModel;
  tags: string[];
  idPrefix: string;
  extraSorts?: LeadSort[];
}) {
  const { model, idPrefix: p } = props;
  const f = model.filters.value;
  const s = settings.value;
  const sorts = [...new Set([...(Object.keys(SORT_LABELS) as LeadSort[]), ...(props.extraSorts ?? [])])];
  return (
    <form class="filters" aria-label="Find leads" onSubmit={(e) => e.preventDefault()}>
      <label for={`${p}-search`} class="visually-hidden">
        Search leads
      </label>
      <input
        id={`${p}-search`}
        type="search"
        class="search"
        placeholder="Search leads"
        value={f.text}
        autocomplete="off"
        onInput={(e) => model.setFilters({ text: (e.currentTarget as HTMLInputElement).value })}
      />
      <div class="filter-row">
        <label for={`${p}-stage`} class="visually-hidden">
          Filter by stage
        </label>
        <select
          id={`${p}-stage`}
          value={f.stage}
          onChange={(e) => model.setFilters({ stage: (e.currentTarget as HTMLSelectElement).value })}
        >
          <option value="">All stages</option>
          {s.stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stageLabel(s, stage.id)}
              {stage.archived ? ' (archived)' : ''}
            </option>
          ))}
        </select>
        <label for={`${p}-tag`} class="visually-hidden">
          Filter by tag
        </label>
        <select
          id={`${p}-tag`}
          value={f.tag}
          onChange={(e) => model.setFilters({ tag: (e.currentTarget as HTMLSelectElement).value })}
        >
          <option value="">All tags</option>
          {props.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <label for={`${p}-origin`} class="visually-hidden">
          Filter by origin
        </label>
        <select
          id={`${p}-origin`}
          value={f.origin}
          onChange={(e) => model.setFilters({ origin: (e.currentTarget as HTMLSelectElement).value as '' | Origin })}
        >
          <option value="">Any origin</option>
          {ORIGINS.map((o) => (
            <option key={o} value={o}>
              {ORIGIN_LABELS[o]}
            </option>
          ))}
        </select>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={f.due}
            onChange={(e) => model.setFilters({ due: (e.currentTarget as HTMLInputElement).checked })}
          />
          Follow-up due
        </label>
        <label for={`${p}-sort`} class="visually-hidden">
          Sort by
        </label>
        <select
          id={`${p}-sort`}
          value={f.sort}
          onChange={(e) => model.setFilters({ sort: (e.currentTarget as HTMLSelectElement).value as LeadSort })}
        >
          {sorts.map((sort) => (
            <option key={sort} value={sort}>
              Sort: {SORT_LABELS[sort] ?? sort}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
