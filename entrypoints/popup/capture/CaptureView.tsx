import { useEffect, useRef } from 'preact/hooks';
import { FitBadge } from '@/components/FitBadge';
import { savedStatus } from '@/lib/capture/format';
import type { FormDraft } from '@/lib/capture/schemas';
import { sourceLabel } from '@/lib/capture/sources';
import { addTrim, describeTrim } from '@/lib/lead/limits';
import { leadName } from '@/lib/lead/name';
import { stageLabel } from '@/lib/settings';
import { DetectToggle } from './DetectToggle';
import { captureDeps } from './deps';
import { LeadFields } from './Fields';
import { PickButton, PickedList } from './PickedList';
import { isPicked } from './pick';
import './capture.css';
import { teamLine } from '@/lib/sync/format';
import {
  addByHand,
  type CaptureDeps,
  changes,
  discard,
  draft,
  duplicates,
  error,
  notice,
  phase,
  save,
  saved,
  selectAll,
  selectedCount,
  settings,
  singleForm,
  singleLeadDraft,
  start,
  toggleRow,
} from './model';
import { SaveOptions } from './SaveOptions';
import { useSelectAllBox } from './useSelectAllBox';

/** Capture: what the extractor found on the tab, as an editable lead form or a checklist, saved in one more click. */
export function CaptureView(props: { deps?: CaptureDeps }) {
  useEffect(() => {
    start(props.deps ?? captureDeps).catch((err: unknown) => {
      error.value = err instanceof Error ? err.message : String(err);
    });
  }, [props.deps]);
  useEffect(() => {
    // Escape closes the popup (the browser does not do it for extension popups by itself).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) window.close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (phase.value === 'loading') {
    return (
      <p class="muted" role="status">
        Reading this page…
      </p>
    );
  }
  if (phase.value === 'saved') return <Confirmation />;
  const d = draft.value;
  if (!d) return <ErrorBox />;
  return (
    <form
      class="capture"
      noValidate
      aria-busy={phase.value === 'saving'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        // Enter saves from any input (native), Ctrl/Cmd+Enter also from the notes box.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      {d.mode === 'list' ? isPicked(d) ? <PickedList /> : <PeopleList /> : <SingleLead />}
      <ErrorBox />
      <SaveOptions existingStage={singleForm.value ? duplicates.value[singleForm.value.key]?.stage : undefined} />
      <div class="capture-actions">
        <button type="submit" class="primary" disabled={phase.value === 'saving'}>
          {primaryLabel()}
        </button>
        {d.dirty ? (
          <button type="button" onClick={() => void discard()}>
            Discard changes
          </button>
        ) : null}
        {d.mode === 'list' ? (
          <button type="button" onClick={addByHand}>
            Add someone by hand
          </button>
        ) : null}
      </div>
      {phase.value === 'saving' ? (
        <p role="status" class="muted">
          Saving…
        </p>
      ) : null}
      <PickButton />
      <DetectToggle pageUrl={d.url} />
    </form>
  );
}

function primaryLabel(): string {
  const d = draft.value;
  if (d?.mode === 'list') {
    const n = selectedCount.value;
    return n === 1 ? 'Save 1 lead' : `Save ${n} leads`;
  }
  const form = singleForm.value;
  return form && duplicates.value[form.key] ? 'Update lead' : 'Save lead';
}

function ErrorBox() {
  return error.value ? (
    <p role="alert" class="capture-error">
      {error.value}
    </p>
  ) : null;
}

function SingleLead() {
  const form = singleForm.value;
  if (!form) return null;
  const stored = duplicates.value[form.key];
  const heading =
    form.kind === 'manual' ? 'Add lead' : form.kind === 'company' ? 'Company on this page' : 'Person on this page';
  return (
    <section aria-labelledby="capture-heading">
      <div class="capture-title">
        <h2 id="capture-heading" class="capture-heading">
          {heading}
        </h2>
        {singleLeadDraft.value && form.kind !== 'manual' ? <FitBadge lead={singleLeadDraft.value} compact /> : null}
      </div>
      {notice.value ? (
        <p role="alert" class="capture-notice">
          {notice.value}
        </p>
      ) : form.kind === 'manual' ? (
        <p class="muted">Prospector found no one on this page. Type what you know; the page is kept as a link.</p>
      ) : null}
      {stored ? <AlreadySaved stored={stored} /> : null}
      <LeadFields form={form} lead={singleLeadDraft.value} />
    </section>
  );
}

function AlreadySaved(props: { stored: NonNullable<ReturnType<typeof duplicates.peek>[string]> }) {
  const list = changes.value;
  const team = teamLine(props.stored);
  return (
    <div class="capture-saved" role="status">
      {team ? <p class="capture-team">{team}</p> : null}
      <p>
        <strong>{savedStatus(props.stored, stageLabel(settings.value, props.stored.stage))}</strong>{' '}
        <a href={`/options.html#leads/${encodeURIComponent(props.stored.id)}`} target="_blank" rel="noopener">
          Open
        </a>
      </p>
      {list.length === 0 ? (
        <p class="muted">The page has nothing new for this lead.</p>
      ) : (
        <>
          <p class="muted">Update lead would change:</p>
          <ul class="capture-changes">
            {list.map((c) => (
              <li key={c.field}>
                <span class="capture-change-field">{c.label}</span>{' '}
                {c.kind === 'add' ? (
                  <span>+ {c.added.join(', ')}</span>
                ) : c.kind === 'set' ? (
                  <span>
                    {c.before ? <del>{c.before}</del> : null} → {c.after}
                  </span>
                ) : (
                  <span class="muted">
                    kept “{c.before}” (edited by you; page says “{c.after}”)
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Row(props: { form: FormDraft; checked: boolean }) {
  const { form } = props;
  const stored = duplicates.value[form.key];
  const detail = [form.title, form.companyName].filter(Boolean).join(' · ');
  return (
    <li class="capture-row">
      <label>
        <input type="checkbox" checked={props.checked} onChange={(e) => toggleRow(form.key, e.currentTarget.checked)} />
        <span class="capture-row-text">
          <span class="capture-row-name">{form.fullName || form.companyName}</span>
          {detail ? <span class="muted">{detail}</span> : null}
          {stored ? (
            <span class="capture-row-saved">{savedStatus(stored, stageLabel(settings.value, stored.stage))}</span>
          ) : null}
        </span>
      </label>
    </li>
  );
}

function PeopleList() {
  const d = draft.value;
  const { all, n, total } = useSelectAllBox();
  if (!d) return null;
  const source = sourceLabel(d.forms[0]?.sources.fullName);
  return (
    <section aria-labelledby="capture-heading">
      <h2 id="capture-heading" class="capture-heading">
        {total} people on this page
      </h2>
      {source ? <p class="muted">Source: {source}</p> : null}
      <label class="capture-check capture-all">
        <input ref={all} type="checkbox" checked={n === total} onChange={(e) => selectAll(e.currentTarget.checked)} />
        Select all
      </label>
      <ul class="capture-rows" aria-label="People found">
        {d.forms.map((form) => (
          <Row key={form.key} form={form} checked={d.selected.includes(form.key)} />
        ))}
      </ul>
    </section>
  );
}

function Confirmation() {
  const results = saved.value;
  const first = results[0];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!first) return null;
  const stage = stageLabel(settings.value, first.lead.stage);
  const title =
    results.length === 1
      ? `${first.outcome === 'created' ? 'Saved' : 'Updated'} ${leadName(first.lead, 'lead')}`
      : `Saved ${results.length} leads`;
  const href =
    results.length === 1 ? `/options.html#leads/${encodeURIComponent(first.lead.id)}` : '/options.html#leads';
  const trims = results.filter((r) => r.trimmed && Object.keys(r.trimmed).length > 0);
  const trimmed = trims.reduce((total, r) => addTrim(total, r.trimmed ?? {}), {});
  return (
    <section class="capture-done" aria-labelledby="capture-done-heading">
      <h2 id="capture-done-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p>
        Stage: <strong>{stage}</strong>
      </p>
      {trims.length > 0 && (
        <p class="capture-trimmed" role="status">
          Over the list limits, not kept: {describeTrim(trimmed)}. Values you added by hand were kept first, then the
          newest.
        </p>
      )}
      <p>
        <a href={href} target="_blank" rel="noopener">
          {results.length === 1 ? 'Open the lead in the workspace' : 'Open the leads in the workspace'}
        </a>
      </p>
    </section>
  );
}
