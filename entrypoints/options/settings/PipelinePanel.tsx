import { effect, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { settings } from '@/components/settingsState';
import { store, subscribeLeads } from '@/components/store';
import { addStage, MAX_STAGES, moveStage, renameStage, setStageArchived } from '@/lib/settings';
import { saveSetting } from './model';
import { createStageCounts } from './stage-counts';

/** The pipeline's stages: rename, reorder, archive and add, with each stage's lead count. */
export function PipelinePanel() {
  const s = settings.value;
  const counts = useSignal<Record<string, number>>({});
  const newStage = useSignal('');
  useEffect(() => {
    // Counted once, then kept by each change's own leads (stage-counts.ts says why).
    const model = createStageCounts(
      store,
      s.stages.map((x) => x.id),
    );
    const stop = effect(() => {
      counts.value = model.counts.value;
    });
    const off = subscribeLeads(model.apply);
    return () => {
      off();
      stop();
    };
  }, [s.stages.map((x) => x.id).join()]);
  return (
    <fieldset>
      <legend>Pipeline stages</legend>
      <p class="muted small">
        Renaming keeps every lead on its stage. Archived stages leave the pickers, but their leads keep the stage and
        stay listed and filterable.
      </p>
      <ol class="stage-list">
        {s.stages.map((stage, i) => (
          <li key={stage.id} class={stage.archived ? 'archived' : undefined}>
            <label for={`stage-${stage.id}`} class="visually-hidden">
              Name of stage {i + 1}
            </label>
            <input
              id={`stage-${stage.id}`}
              value={stage.label}
              maxLength={60}
              onBlur={(e) => {
                const label = (e.currentTarget as HTMLInputElement).value;
                if (label.trim() && label !== stage.label)
                  void saveSetting('Stage name', (x) => renameStage(x, stage.id, label));
              }}
            />
            <span class="muted small">
              {counts.value[stage.id] ?? '…'} {counts.value[stage.id] === 1 ? 'lead' : 'leads'}
              {stage.archived ? ' · archived' : ''}
            </span>
            <button
              type="button"
              aria-label={`Move ${stage.label} up`}
              disabled={i === 0}
              onClick={() => saveSetting('Stage order', (x) => moveStage(x, stage.id, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${stage.label} down`}
              disabled={i === s.stages.length - 1}
              onClick={() => saveSetting('Stage order', (x) => moveStage(x, stage.id, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              onClick={() => saveSetting('Stage', (x) => setStageArchived(x, stage.id, !stage.archived))}
              disabled={!stage.archived && s.stages.filter((x) => !x.archived).length === 1}
            >
              {stage.archived ? `Restore ${stage.label}` : `Archive ${stage.label}`}
            </button>
          </li>
        ))}
      </ol>
      <form
        class="add-value"
        onSubmit={(e) => {
          e.preventDefault();
          const label = newStage.value;
          newStage.value = '';
          if (label.trim()) void saveSetting('New stage', (x) => addStage(x, label));
        }}
      >
        <label for="new-stage">New stage</label>
        <input
          id="new-stage"
          maxLength={60}
          value={newStage.value}
          onInput={(e) => {
            newStage.value = (e.currentTarget as HTMLInputElement).value;
          }}
        />
        <button type="submit" disabled={s.stages.length >= MAX_STAGES}>
          Add stage
        </button>
        {s.stages.length >= MAX_STAGES && (
          <p class="muted">The pipeline holds at most {MAX_STAGES} stages; archive or rename one instead.</p>
        )}
      </form>
    </fieldset>
  );
}
