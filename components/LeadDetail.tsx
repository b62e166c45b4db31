import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { LeadRepository, NewTouch } from '@/lib/db/api';
import { CHANNEL_LABELS, ORIGIN_LABELS } from '@/lib/lead/labels';
import { leadName, roleLine } from '@/lib/lead/name';
import {
  CHANNELS,
  type Channel,
  type EditableField,
  type Lead,
  type LeadDraft,
  ORIGINS,
  type Origin,
} from '@/lib/lead/schema';
import { mailtoHref, normalizeEmail, normalizePhone, parseHttpUrl, registrableDomain } from '@/lib/normalize';
import { formatDate } from '@/lib/settings';
import { CopyButton } from './CopyButton';
import { fromLocalInput, isDue, toLocalInput } from './dates';
import { ErrorBoundary } from './ErrorBoundary';
import { FitBadge } from './FitBadge';
import { FollowUpPicker } from './FollowUpPicker';
import { GuessedEmail } from './GuessedEmail';
import { RepairView } from './RepairView';
import { StageSelect } from './StageSelect';
import { settings } from './settingsState';
import { TagInput } from './TagInput';

type FieldKind = 'text' | 'url' | 'domain' | 'textarea';
const FIELDS: { key: EditableField; label: string; kind: FieldKind }[] = [
  { key: 'fullName', label: 'Full name', kind: 'text' },
  { key: 'firstName', label: 'First name', kind: 'text' },
  { key: 'lastName', label: 'Last name', kind: 'text' },
  { key: 'title', label: 'Title', kind: 'text' },
  { key: 'location', label: 'Location', kind: 'text' },
  { key: 'companyName', label: 'Company', kind: 'text' },
  { key: 'companyDomain', label: 'Company domain', kind: 'domain' },
  { key: 'companyWebsite', label: 'Company website', kind: 'url' },
  { key: 'industry', label: 'Industry', kind: 'text' },
  { key: 'companySize', label: 'Company size', kind: 'text' },
  { key: 'companyLocation', label: 'Company location', kind: 'text' },
  { key: 'photoUrl', label: 'Photo URL', kind: 'url' },
];

/**
 * A web address a user typed, or null. Chrome's URL parser percent-encodes spaces in a
 * host ("https://not a url" parses), so the host is checked for a real domain name too.
 */
export function webAddress(raw: string): URL | null {
  const text = raw.trim();
  const url = parseHttpUrl(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  return url && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname) ? url : null;
}

/** Validates one scalar field; returns the value to store or an error message. */
export function validateField(kind: FieldKind, raw: string): { value: string | undefined } | { error: string } {
  const text = raw.trim();
  if (!text) return { value: undefined };
  if (kind === 'url') {
    const url = webAddress(text);
    return url ? { value: url.href } : { error: linkError(text) };
  }
  if (kind === 'domain') {
    const host = text.replace(/^https?:\/\//i, '').split(/[/?#]/)[0] ?? '';
    const domain = registrableDomain(host);
    return domain ? { value: domain } : { error: 'Enter a domain such as example.com' };
  }
  return { value: text };
}

/** Why a typed link is refused: only http(s) links are stored (issue 13). */
export function linkError(raw: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw.trim())?.[1]?.toLowerCase();
  return scheme && scheme !== 'http' && scheme !== 'https'
    ? `Only http:// and https:// links can be saved, not “${scheme}:”`
    : 'Enter a web address (https://…)';
}

// Stored data may hold anything an older version or a restored backup let in, so nothing
// that renders it may throw: URLs are parsed with parseHttpUrl (null, never an exception).
function hostOf(url: string): string {
  return parseHttpUrl(url)?.hostname.replace(/^www\./, '') ?? url;
}

/** A stored link: a link when it is http(s), else its text (a `javascript:` URL is never a link). */
function StoredLink(props: { url: string; children?: ComponentChildren }) {
  const url = parseHttpUrl(props.url);
  if (!url) return <span class="muted">{props.url.slice(0, 200)} (not a web link)</span>;
  return (
    <a href={url.href} target="_blank" rel="noopener noreferrer">
      {props.children ?? hostOf(props.url)}
    </a>
  );
}

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
          <label for={`${p}-origin`}>Origin</label>
          <select
            id={`${p}-origin`}
            value={current.origin}
            onChange={(e) => save('Origin', { origin: (e.currentTarget as HTMLSelectElement).value as Origin })}
          >
            {ORIGINS.map((o) => (
              <option key={o} value={o}>
                {ORIGIN_LABELS[o]}
              </option>
            ))}
          </select>
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
          <EmailList lead={current} prefix={p} onSave={(emails) => save('Emails', { emails })} />
          {!current.emails.some((e) => e.status !== 'bounced') && (
            <GuessedEmail lead={current} onAccept={(point) => save('Emails', { emails: [...current.emails, point] })} />
          )}
          <PhoneList lead={current} prefix={p} onSave={(phones) => save('Phones', { phones })} />
          <LinkList lead={current} prefix={p} onSave={(links) => save('Links', { links })} />
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
            {FIELDS.map((f) => (
              <FieldEditor
                key={f.key}
                lead={current}
                field={f.key}
                label={f.label}
                kind={f.kind}
                prefix={p}
                source={source}
                onSave={(value) => save(f.label, { [f.key]: value })}
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

/** One scalar field with inline validation; saves on blur or Enter, marks hand edits and captured values. */
function FieldEditor(props: {
  lead: Lead;
  field: EditableField;
  label: string;
  kind: FieldKind;
  prefix: string;
  source: string | undefined;
  onSave: (value: string | undefined) => Promise<void>;
}) {
  const stored = (props.lead[props.field] as string | undefined) ?? '';
  const draft = useSignal(stored);
  const error = useSignal('');
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) draft.value = stored;
  }, [stored]);
  const id = `${props.prefix}-${props.field}`;
  const edited = props.lead.edited.includes(props.field);
  const commit = async () => {
    if (draft.value.trim() === stored.trim()) {
      error.value = '';
      return;
    }
    const result = validateField(props.kind, draft.value);
    if ('error' in result) {
      error.value = result.error;
      return;
    }
    error.value = '';
    await props.onSave(result.value);
  };
  const common = {
    id,
    value: draft.value,
    'aria-invalid': error.value ? true : undefined,
    'aria-describedby': `${id}-hint`,
    onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      draft.value = e.currentTarget.value;
    },
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      void commit();
    },
  };
  return (
    <div class={`field ${props.kind === 'textarea' ? 'field-wide' : ''}`}>
      <label for={id} class={props.kind === 'textarea' ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {props.kind === 'textarea' ? (
        <textarea {...common} rows={4} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={props.kind === 'url' ? 'url' : 'text'}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit();
          }}
        />
      )}
      <span id={`${id}-hint`} class={error.value ? 'field-hint error-text' : 'field-hint muted'}>
        {error.value || hint(edited, props.lead.captured?.[props.field], stored, props.source)}
      </span>
    </div>
  );
}

/** Where a field's value came from: the user's hand (and what a later capture said instead), or a capture. */
function hint(edited: boolean, capturedLater: string | undefined, stored: string, source: string | undefined): string {
  if (edited)
    return capturedLater ? `Edited by hand (a later capture said “${capturedLater.slice(0, 80)}”)` : 'Edited by hand';
  return stored && source ? `Captured from ${source}` : '';
}

function AddValue(props: {
  id: string;
  label: string;
  type: 'email' | 'tel' | 'url';
  validate: (raw: string) => { ok: true } | { error: string };
  onAdd: (raw: string) => Promise<void> | void;
}) {
  const value = useSignal('');
  const error = useSignal('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!value.value.trim()) return;
    const result = props.validate(value.value);
    if ('error' in result) {
      error.value = result.error;
      return;
    }
    error.value = '';
    await props.onAdd(value.value);
    value.value = '';
  };
  return (
    <form class="add-value" onSubmit={submit}>
      <label for={props.id} class="visually-hidden">
        {props.label}
      </label>
      <input
        id={props.id}
        type="text"
        inputMode={props.type}
        placeholder={props.label}
        value={value.value}
        aria-invalid={error.value ? true : undefined}
        aria-describedby={`${props.id}-error`}
        onInput={(e) => {
          value.value = (e.currentTarget as HTMLInputElement).value;
          error.value = '';
        }}
      />
      <button type="submit">Add</button>
      <span id={`${props.id}-error`} class="error-text field-hint">
        {error.value}
      </span>
    </form>
  );
}

function EmailList(props: { lead: Lead; prefix: string; onSave: (emails: Lead['emails']) => Promise<void> }) {
  const { emails } = props.lead;
  return (
    <div class="contact-group">
      <p class="contact-label" id={`${props.prefix}-emails`}>
        Emails
      </p>
      <ul class="contact-list" aria-labelledby={`${props.prefix}-emails`}>
        {emails.map((e) => (
          <li key={e.value}>
            <a href={mailtoHref(e.value)}>{e.value}</a>
            <span class="muted small">
              {e.source === 'user' ? 'edited by hand' : e.source === 'guessed' ? 'guessed' : 'captured'}
              {e.status !== 'found' ? ` · ${e.status}` : ''}
            </span>
            <CopyButton text={e.value} label={`Copy email ${e.value}`} />
            <button
              type="button"
              class="icon-button"
              aria-label={`Remove email ${e.value}`}
              onClick={() => props.onSave(emails.filter((x) => x.value !== e.value))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <AddValue
        id={`${props.prefix}-add-email`}
        label="Add email"
        type="email"
        validate={(raw) => (normalizeEmail(raw) ? { ok: true } : { error: 'Not an email address' })}
        onAdd={(raw) => {
          const value = normalizeEmail(raw);
          if (!value || emails.some((e) => e.value === value)) return;
          return props.onSave([...emails, { value, source: 'user', status: 'verified-by-user' }]);
        }}
      />
    </div>
  );
}

function PhoneList(props: { lead: Lead; prefix: string; onSave: (phones: Lead['phones']) => Promise<void> }) {
  const { phones } = props.lead;
  const country = settings.value.defaultCountry;
  return (
    <div class="contact-group">
      <p class="contact-label" id={`${props.prefix}-phones`}>
        Phones
      </p>
      <ul class="contact-list" aria-labelledby={`${props.prefix}-phones`}>
        {phones.map((ph) => (
          <li key={ph.value}>
            <a href={`tel:${ph.value.replace(/[^\d+]/g, '')}`}>{ph.value}</a>
            <span class="muted small">{ph.source === 'user' ? 'edited by hand' : 'captured'}</span>
            <CopyButton text={ph.value} label={`Copy phone ${ph.value}`} />
            <button
              type="button"
              class="icon-button"
              aria-label={`Remove phone ${ph.value}`}
              onClick={() => props.onSave(phones.filter((x) => x.value !== ph.value))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <AddValue
        id={`${props.prefix}-add-phone`}
        label="Add phone"
        type="tel"
        validate={(raw) =>
          normalizePhone(raw, country)?.valid
            ? { ok: true }
            : {
                error: country
                  ? `Not a phone number (national numbers are read as ${country})`
                  : 'Not a phone number: add the country code (+44 …) or set a default country in Settings',
              }
        }
        onAdd={(raw) => {
          const parsed = normalizePhone(raw, country);
          if (!parsed?.valid || phones.some((x) => x.value === parsed.value)) return;
          return props.onSave([
            ...phones,
            { value: parsed.value, ...(parsed.raw ? { raw: parsed.raw } : {}), source: 'user' },
          ]);
        }}
      />
    </div>
  );
}

function LinkList(props: { lead: Lead; prefix: string; onSave: (links: string[]) => Promise<void> }) {
  const { links } = props.lead;
  return (
    <div class="contact-group">
      <p class="contact-label" id={`${props.prefix}-links`}>
        Links
      </p>
      <ul class="contact-list" aria-labelledby={`${props.prefix}-links`}>
        {links.map((link) => (
          <li key={link}>
            <StoredLink url={link}>
              {hostOf(link)}
              <span class="muted small"> {parseHttpUrl(link)?.pathname.slice(0, 40)}</span>
            </StoredLink>
            <button
              type="button"
              class="icon-button"
              aria-label={`Remove link ${link}`}
              onClick={() => props.onSave(links.filter((x) => x !== link))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <AddValue
        id={`${props.prefix}-add-link`}
        label="Add link"
        type="url"
        validate={(raw) => (webAddress(raw) ? { ok: true } : { error: linkError(raw) })}
        onAdd={(raw) => {
          const url = webAddress(raw);
          if (!url || links.includes(url.href)) return;
          return props.onSave([...links, url.href]);
        }}
      />
    </div>
  );
}

/** Log touch: channel, direction, date (defaults to now), note, outcome. */
function TouchForm(props: { prefix: string; onLog: (touch: NewTouch) => Promise<void> }) {
  const s = settings.value;
  const channel = useSignal<Channel>(s.defaultChannel ?? 'email');
  const direction = useSignal<'out' | 'in'>('out');
  const at = useSignal('');
  const note = useSignal('');
  const outcome = useSignal('');
  const open = useSignal(false);
  const id = `${props.prefix}-touch`;
  if (!open.value) {
    return (
      <button
        type="button"
        class="primary"
        onClick={() => {
          channel.value = settings.value.defaultChannel ?? 'email';
          at.value = toLocalInput(new Date().toISOString());
          open.value = true;
        }}
      >
        Log touch
      </button>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    const touch: NewTouch = {
      at: fromLocalInput(at.value) ?? new Date().toISOString(),
      channel: channel.value,
      direction: direction.value,
      ...(note.value.trim() ? { note: note.value.trim() } : {}),
      ...(outcome.value.trim() ? { outcome: outcome.value.trim() } : {}),
    };
    await props.onLog(touch);
    note.value = '';
    outcome.value = '';
    open.value = false;
  };
  return (
    <form class="touch-form" onSubmit={submit} aria-label="Log touch">
      <div class="field">
        <label for={`${id}-channel`}>Channel</label>
        <select
          id={`${id}-channel`}
          value={channel.value}
          onChange={(e) => {
            channel.value = (e.currentTarget as HTMLSelectElement).value as Channel;
          }}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-direction`}>Direction</label>
        <select
          id={`${id}-direction`}
          value={direction.value}
          onChange={(e) => {
            direction.value = (e.currentTarget as HTMLSelectElement).value as 'out' | 'in';
          }}
        >
          <option value="out">Outbound (we reached out)</option>
          <option value="in">Inbound (they reached us)</option>
        </select>
      </div>
      <div class="field">
        <label for={`${id}-at`}>When</label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          value={at.value}
          onInput={(e) => {
            at.value = (e.currentTarget as HTMLInputElement).value;
          }}
        />
      </div>
      <div class="field">
        <label for={`${id}-outcome`}>Outcome</label>
        <input
          id={`${id}-outcome`}
          value={outcome.value}
          maxLength={200}
          placeholder="e.g. left voicemail"
          onInput={(e) => {
            outcome.value = (e.currentTarget as HTMLInputElement).value;
          }}
        />
      </div>
      <div class="field field-wide">
        <label for={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note.value}
          onInput={(e) => {
            note.value = (e.currentTarget as HTMLTextAreaElement).value;
          }}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="primary">
          Save touch
        </button>
        <button
          type="button"
          onClick={() => {
            open.value = false;
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
