import type { LeadSort } from '@/lib/db/api';
import type { Origin } from '@/lib/lead/schema';
import { stageLabel } from '@/lib/settings';
import type { LeadListModel } from './leadList';
import { ORIGIN_OPTIONS } from './leadOptions';
import { Select } from './Select';
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
        <Select
          id={`${p}-stage`}
          label="Filter by stage"
          hideLabel
          value={f.stage}
          options={[
            { value: '', label: 'All stages' },
            ...s.stages.map((stage) => ({
              value: stage.id,
              label: `${stageLabel(s, stage.id)}${stage.archived ? ' (archived)' : ''}`,
            })),
          ]}
          onChange={(stage) => model.setFilters({ stage })}
        />
        <Select
          id={`${p}-tag`}
          label="Filter by tag"
          hideLabel
          value={f.tag}
          options={[{ value: '', label: 'All tags' }, ...props.tags.map((tag) => ({ value: tag, label: tag }))]}
          onChange={(tag) => model.setFilters({ tag })}
        />
        <Select<'' | Origin>
          id={`${p}-origin`}
          label="Filter by origin"
          hideLabel
          value={f.origin}
          options={[{ value: '', label: 'Any origin' }, ...ORIGIN_OPTIONS]}
          onChange={(origin) => model.setFilters({ origin })}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={f.due}
            onChange={(e) => model.setFilters({ due: (e.currentTarget as HTMLInputElement).checked })}
          />
          Follow-up due
        </label>
        <Select
          id={`${p}-sort`}
          label="Sort by"
          hideLabel
          value={f.sort}
          options={sorts.map((sort) => ({ value: sort, label: `Sort: ${SORT_LABELS[sort] ?? sort}` }))}
          onChange={(sort) => model.setFilters({ sort })}
        />
      </div>
    </form>
  );
}
