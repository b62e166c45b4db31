import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { LeadRepository } from '@/lib/db/api';

/**
 * The view of a stored lead that fails the schema: what is wrong, the record as
 * stored shown as JSON text (never as HTML), an editor to fix it and a way to delete it.
 * Nothing here changes the record until the user saves a version that passes the schema.
 */
export function RepairView(props: {
  id: string;
  repo: Pick<LeadRepository, 'inspect' | 'repair' | 'remove'>;
  headingLevel?: 2 | 3;
  /** Called after a repair that passed the schema (the parent shows the lead again). */
  onRepaired?: () => void;
  onDeleted?: (restoreToken: string) => void;
}) {
  const problems = useSignal<string | null>(null);
  const text = useSignal('');
  const error = useSignal('');
  const { id, repo } = props;
  useEffect(() => {
    let live = true;
    repo.inspect(id).then(
      (found) => {
        if (!live) return;
        problems.value = found?.problems ?? '';
        text.value = found ? JSON.stringify(found.record, null, 2) : '';
      },
      (err: unknown) => {
        if (live) error.value = err instanceof Error ? err.message : String(err);
      },
    );
    return () => {
      live = false;
    };
  }, [id, repo]);

  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const save = async () => {
    error.value = '';
    let record: unknown;
    try {
      record = JSON.parse(text.value);
    } catch (err) {
      error.value = `Not saved: this is not valid JSON (${(err as Error).message}).`;
      return;
    }
    try {
      await repo.repair(id, record);
      props.onRepaired?.();
    } catch (err) {
      error.value = `Not saved: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  const field = `repair-${id.slice(0, 8)}`;
  return (
    <article class="lead-detail repair-view" aria-labelledby={`${field}-heading`}>
      <H id={`${field}-heading`}>This lead needs repair</H>
      <p>
        The stored record does not pass Prospector's checks, so it cannot be shown as a lead. It is kept exactly as it
        is and included in backups; your other leads are not affected.
      </p>
      {problems.value === null ? (
        <p class="muted">Loading the record…</p>
      ) : (
        <>
          {problems.value && (
            <p>
              What is wrong: <code>{problems.value}</code>
            </p>
          )}
          <label for={`${field}-json`}>The record as stored (JSON); fix it and save</label>
          <textarea
            id={`${field}-json`}
            class="repair-json"
            rows={16}
            spellcheck={false}
            value={text.value}
            onInput={(e) => {
              text.value = (e.currentTarget as HTMLTextAreaElement).value;
            }}
          />
          <div class="row">
            <button type="button" onClick={save}>
              Save repaired lead
            </button>
            {props.onDeleted && (
              <button
                type="button"
                class="danger"
                onClick={async () => {
                  try {
                    const { restoreToken } = await repo.remove([id]);
                    props.onDeleted?.(restoreToken);
                  } catch (err) {
                    error.value = `Not deleted: ${err instanceof Error ? err.message : String(err)}`;
                  }
                }}
              >
                Delete lead
              </button>
            )}
          </div>
        </>
      )}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
    </article>
  );
}

/** The "needs repair" mark next to a damaged lead's name in lists. */
export function RepairMarker() {
  return <span class="repair-marker">needs repair</span>;
}
