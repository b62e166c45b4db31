import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { RepairMarker } from '@/components/RepairView';
import { StageSelect } from '@/components/StageSelect';
import { settings } from '@/components/settingsState';
import { store } from '@/components/store';
import { needsRepair } from '@/lib/db/damaged';
import { leadName, roleLine } from '@/lib/lead/name';
import type { Lead } from '@/lib/lead/schema';
import { selectableStages } from '@/lib/settings';
import { changed, list } from './model';

const PER_COLUMN = 50;
const DRAG_TYPE = 'application/x-prospector-lead';

interface Column {
  leads: Lead[];
  total: number;
}

/**
 * The pipeline as a board: one column per live stage with its most recently updated leads.
 * Drag a card to another column to change its stage; each card's stage picker does the
 * same from the keyboard. Search and filters (except stage) apply.
 */
export function Board() {
  const columns = useSignal<Record<string, Column>>({});
  const over = useSignal<string | null>(null);
  const error = useSignal('');
  const stages = selectableStages(settings.value);
  const filters = list.filters.value;
  const load = async () => {
    try {
      const entries = await Promise.all(
        stages.map(async (stage) => {
          const page = await store.query({
            ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
            ...(filters.tag ? { tag: filters.tag } : {}),
            ...(filters.origin ? { origin: filters.origin } : {}),
            stage: stage.id,
            sort: 'updated',
            limit: PER_COLUMN,
          });
          return [stage.id, { leads: page.leads, total: page.total }] as const;
        }),
      );
      columns.value = Object.fromEntries(entries);
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    }
  };
  useEffect(() => {
    void load();
  }, [stages.map((s) => s.id).join(), filters.text, filters.tag, filters.origin, changed.value]);

  const move = async (id: string, stage: string) => {
    await store.setStage(id, stage);
    await load();
  };
  return (
    <div class="board">
      {error.value && <p class="error-text">{error.value}</p>}
      {stages.map((stage) => {
        const column = columns.value[stage.id];
        const headingId = `board-${stage.id}`;
        return (
          <section
            key={stage.id}
            class={`board-column ${over.value === stage.id ? 'drop-target' : ''}`}
            aria-labelledby={headingId}
            data-stage={stage.id}
            onDragOver={(e) => {
              if (!e.dataTransfer?.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              over.value = stage.id;
            }}
            onDragLeave={() => {
              if (over.value === stage.id) over.value = null;
            }}
            onDrop={(e) => {
              e.preventDefault();
              over.value = null;
              const id = e.dataTransfer?.getData(DRAG_TYPE);
              if (id) void move(id, stage.id);
            }}
          >
            <h3 id={headingId}>
              {stage.label} <span class="muted small">{column ? column.total.toLocaleString() : '…'}</span>
            </h3>
            <ul class="board-cards" aria-labelledby={headingId}>
              {column?.leads.map((lead) => (
                <li
                  key={lead.id}
                  class="board-card"
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer?.setData(DRAG_TYPE, lead.id);
                    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                  }}
                >
                  <a href={`#leads/${lead.id}`} class="board-card-name">
                    {leadName(lead)}
                    {needsRepair(lead) && <RepairMarker />}
                  </a>
                  <span class="muted small">{roleLine(lead)}</span>
                  <StageSelect
                    value={lead.stage}
                    label={`Stage of ${leadName(lead)}`}
                    onChange={(next) => void move(lead.id, next)}
                  />
                </li>
              ))}
            </ul>
            {column && column.total > column.leads.length && (
              <p class="muted small">
                {(column.total - column.leads.length).toLocaleString()} more: use the table to see them all.
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
