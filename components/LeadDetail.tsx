import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { LeadRepository } from '@/lib/db/api';
import { CHANNEL_LABELS } from '@/lib/lead/labels';
import { leadName, roleLine } from '@/lib/lead/name';
import type { Channel, Lead, LeadDraft } from '@/lib/lead/schema';
import { formatDate } from '@/lib/settings';
import { isDue } from './dates';
import { ErrorBoundary } from './ErrorBoundary';
import { FitBadge } from './FitBadge';
import { FollowUpPicker } from './FollowUpPicker';
import { GuessedEmail } from './GuessedEmail';
import { ContactList, EMAILS, LINKS, phones } from './lead-detail/ContactList';
import { DETAIL_FIELDS, type DetailField, FieldEditor } from './lead-detail/fields';
import { hostOf, StoredLink } from './lead-detail/StoredLink';
import { TouchForm } from './lead-detail/TouchForm';
import { ORIGIN_OPTIONS } from './leadOptions';
import { RepairView } from './RepairView';
import { Select } from './Select';
import { StageSelect } from './StageSelect';
import { settings } from './settingsState';
import { TagInput } from './TagInput';

/** Where captured values came from: the newest source's site and extractor. */
function captureSource(lead: Lead): string | undefined {
  const latest = lead.sources[lead.sources.length - 1];
  return latest ? `${latest.url ? hostOf(latest.url) : (latest.file ?? 'a file')} (${latest.extractor})` : undefined;
}

/**
 * One lead, every field editable: contact points, outreach (stage, touches, follow-up),
 * tags, notes, details and where captured values came from. Shared by the popup and the workspace.
 */
export function LeadDetail(props: LeadDetailProps) {
  return (
    <ErrorBoundary label="Lead detail" resetKey={props.id}>
      <LeadDetailBody {...props} />
    </ErrorBoundary>
  );
}

interface LeadDetailProps {
  id: string;
  repo: LeadRepository;
  /** Bumped by the parent when the store says leads changed. */
  changed?: number;
  headingLevel?: 2 | 3;
  onDeleted?: (restoreToken: string) => void;
  workspaceLink?: boolean;
}

/** The detail itself; each section has its own boundary, so one failing part leaves the others usable. */
function LeadDetailBody(props: LeadDetailProps) {
  const lead = useSignal<Lead | null | undefined>(undefined);
  // The stored record fails the schema: the repair view takes over.
  const damaged = useSignal(false);
  const status = useSignal('');
  const error = useSignal('');
  const allTags = useSignal<string[]>([]);
  const { id, repo } = props;

  useEffect(() => {
    let live = true;
    repo.get(id).then(
      (found) => {
        if (!live) return;
        damaged.value = false;
        lead.value = found ?? null;
      },
      (err: unknown) => {
        if (live && (err as { code?: unknown } | null)?.code === 'corrupt') damaged.value = true;
        else if (live) error.value = String(err);
      },
    );
    return () => {
      live = false;
    };
  }, [id, repo, props.changed]);
  useEffect(() => {
    repo.tags().then(
      (tags) => {
        allTags.value = tags;
      },
      () => {},
    );
  }, [repo, props.changed]);

  const run = async (what: string, action: () => Promise<Lead>) => {
    error.value = '';
    try {
      lead.value = await action();
      status.value = `${what} saved`;
    } catch (err) {
      error.value = `${what} not saved: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  const save = (what: string, patch: Partial<LeadDraft>) => run(what, () => repo.update(id, patch));

  const current = lead.value;
  if (damaged.value) {
    const reload = async () => {
      lead.value = (await repo.get(id)) ?? null;
      damaged.value = false;
    };
    return (
      <RepairView
        id={id}
        repo={repo}
        headingLevel={props.headingLevel}
        onRepaired={reload}
        onDeleted={props.onDeleted}
      />
    );
  }
  if (current === undefined) return <p class="muted">Loading lead…</p>;
  if (current === null) return <p class="muted">This lead no longer exists (it may have been deleted).</p>;
  const s = settings.value;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const Sub = props.headingLevel === 3 ? 'h4' : 'h3';
  const name = leadName(current);
  const source = captureSource(current);
  const touches = [...current.touches].sort((a, b) => b.at.localeCompare(a.at));
  const p = `lead-${current.id.slice(0, 8)}`;

  return (
    <article class="lead-detail" aria-labelledby={`${p}-name`}>
      <header class="lead-detail-header">
        <H id={`${p}-name`}>{name}</H>
        {roleLine(current) && <p class="muted">{roleLine(current)}</p>}
        <FitBadge lead={current} />
        <div class="lead-detail-meta">
          <label for={`${p}-stage`}>Stage</label>
          <StageSelect
            id={`${p}-stage`}
            value={current.stage}
            label="Stage"
            onChange={(stage) => run('Stage', () => repo.setStage(id, stage))}
          />
          <Select
            id={`${p}-origin`}
            label="Origin"
            value={current.origin}
            options={ORIGIN_OPTIONS}
            onChange={(origin) => save('Origin', { origin })}
          />
          {props.workspaceLink && (
            <a href={`/options.html#leads/${current.id}`} target="_blank" rel="noopener">
              Open in workspace
            </a>
          )}
          {props.onDeleted && (
            <button
              type="button"
              class="danger"
              onClick={async () => {
                const { restoreToken } = await repo.remove([id]);
                props.onDeleted?.(restoreToken);
              }}
            >
              Delete lead
            </button>
          )}
        </div>
        <p class="status" role="status">
          {error.value ? <span class="error-text">{error.value}</span> : status.value}
        </p>
      </header>

      <ErrorBoundary label="Contact" resetKey={id}>
        <section aria-labelledby={`${p}-contact`}>
          <Sub id={`${p}-contact`}>Contact</Sub>
          <ContactList
            kind={EMAILS}
            items={current.emails}
            prefix={p}
            onSave={(emails) => save('Emails', { emails })}
          />
          {!current.emails.some((e) => e.status !== 'bounced') && (
            <GuessedEmail lead={current} onAccept={(point) => save('Emails', { emails: [...current.emails, point] })} />
          )}
          <ContactList
            kind={phones(s.defaultCountry)}
            items={current.phones}
            prefix={p}
            onSave={(list) => save('Phones', { phones: list })}
          />
          <ContactList kind={LINKS} items={current.links} prefix={p} onSave={(links) => save('Links', { links })} />
        </section>
      </ErrorBoundary>

      <ErrorBoundary label="Outreach" resetKey={id}>
        <section aria-labelledby={`${p}-outreach`}>
          <Sub id={`${p}-outreach`}>Outreach</Sub>
          <FollowUpPicker
            id={`${p}-followup`}
            value={current.nextFollowUpAt}
            // The background re-creates alarms on the change notice of this write (lib/db/changes.ts).
            onChange={(iso) => save('Follow-up', { nextFollowUpAt: iso })}
          />
          {current.nextFollowUpAt && (
            <p class={isDue(current.nextFollowUpAt) ? 'due-marker' : 'muted'}>
              {isDue(current.nextFollowUpAt) ? 'Due: ' : 'Scheduled: '}
              {formatDate(current.nextFollowUpAt, s.dateFormat, true)}
            </p>
          )}
          <TouchForm prefix={p} onLog={(touch) => run('Touch', () => repo.addTouch(id, touch))} />
          <Sub id={`${p}-timeline`}>Timeline</Sub>
          {touches.length === 0 ? (
            <p class="muted">No touches yet. Log a call, an email or a meeting above.</p>
          ) : (
            <ol class="timeline" aria-labelledby={`${p}-timeline`}>
              {touches.map((t) => (
                <li key={t.id}>
                  <span class="timeline-when">{formatDate(t.at, s.dateFormat, true)}</span>{' '}
                  <strong>{CHANNEL_LABELS[t.channel as Channel] ?? t.channel}</strong>{' '}
                  <span class="muted">{t.direction === 'in' ? 'inbound' : 'outbound'}</span>
                  {t.outcome && <span> · {t.outcome}</span>}
                  {t.note && <p class="timeline-note">{t.note}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      </ErrorBoundary>

      <ErrorBoundary label="Tags" resetKey={id}>
        <section aria-labelledby={`${p}-tags`}>
          <Sub id={`${p}-tags`}>Tags</Sub>
          <TagInput
            id={`${p}-tag-input`}
            label="Tags"
            tags={current.tags}
            suggestions={allTags.value}
            onChange={(tags) => save('Tags', { tags })}
          />
        </section>
      </ErrorBoundary>

      <ErrorBoundary label="Notes" resetKey={id}>
        <section aria-labelledby={`${p}-notes-h`}>
          <Sub id={`${p}-notes-h`}>Notes</Sub>
          <FieldEditor
            lead={current}
            field="notes"
            label="Notes"
            kind="textarea"
            prefix={p}
            source={source}
            onSave={(value) => save('Notes', { notes: value })}
          />
        </section>
      </ErrorBoundary>

      <ErrorBoundary label="Details" resetKey={id}>
        <section aria-labelledby={`${p}-details`}>
          <Sub id={`${p}-details`}>Details</Sub>
          <div class="field-grid">
            {(Object.keys(DETAIL_FIELDS) as DetailField[]).map((field) => (
              <FieldEditor
                key={field}
                lead={current}
                field={field}
                label={DETAIL_FIELDS[field].label}
                kind={DETAIL_FIELDS[field].kind}
                prefix={p}
                source={source}
                onSave={(value) => save(DETAIL_FIELDS[field].label, { [field]: value })}
              />
            ))}
          </div>
        </section>
      </ErrorBoundary>

      <ErrorBoundary label="Sources" resetKey={id}>
        <section aria-labelledby={`${p}-sources`}>
          <Sub id={`${p}-sources`}>Sources</Sub>
          {current.sources.length === 0 ? (
            <p class="muted">Typed in by hand.</p>
          ) : (
            <ul class="sources">
              {[...current.sources].reverse().map((src) => (
                <li key={`${src.url ?? src.file}-${src.capturedAt}`}>
                  {src.url ? <StoredLink url={src.url} /> : <span>{src.file ?? 'a file'}</span>}{' '}
                  <span class="muted">
                    {src.extractor} · {formatDate(src.capturedAt, s.dateFormat, true)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p class="muted">
            Created {formatDate(current.createdAt, s.dateFormat, true)} · updated{' '}
            {formatDate(current.updatedAt, s.dateFormat, true)}
          </p>
        </section>
      </ErrorBoundary>
    </article>
  );
}
