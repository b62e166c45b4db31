import { computed, signal } from '@preact/signals';
import { diffLead, type FieldChange, updateDraft } from '@/lib/capture/diff';
import {
  defaultOptions,
  draftFromExtraction,
  formToLeadDraft,
  hasIdentity,
  linkProblem,
  mainSource,
  manualDraft,
} from '@/lib/capture/draft';
import { applyPending, takePending } from '@/lib/capture/pending';
import type { CaptureDraft, CaptureOptions, FormDraft, ListField, ScalarField } from '@/lib/capture/schemas';
import { clearDraft, loadDraft, saveDraft } from '@/lib/capture/session';
import { toAppError } from '@/lib/errors';
import type { Extraction } from '@/lib/extract/types';
import type { TrimReport } from '@/lib/lead/limits';
import type { EmailPoint, Lead, LeadDraft } from '@/lib/lead/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

/**
 * The capture screen's model (signals + actions). Browser and store access come in
 * through CaptureDeps so the flow is testable with fakes; ./deps.ts wires the real ones.
 */

export interface SavedLead {
  lead: Lead;
  outcome: 'created' | 'merged' | 'unchanged';
  /** Values dropped to keep the lead within the list limits (lib/lead/limits.ts). */
  trimmed?: TrimReport | undefined;
}

export interface CaptureDeps {
  /** The tab to act on. */
  targetTab(): Promise<{ id: number; url?: string | undefined }>;
  /** Reads the tab and returns a validated extraction (throws AppError when the page cannot be read). */
  read(tabId: number): Promise<Extraction>;
  findDuplicates(draft: LeadDraft): Promise<Lead[]>;
  /** Saves through the background (a closed popup cannot abort it). */
  save(drafts: LeadDraft[], tabId: number): Promise<SavedLead[]>;
  settings(): Promise<Settings>;
  /**
   * The tab's people picked by example: a confirmed pick, or a site recipe run on the
   * page; null to read the page with the extractor instead.
   */
  byExample?(tab: { id: number; url?: string | undefined }, options: CaptureOptions): Promise<CaptureDraft | null>;
  /** Called after a save succeeded (a pick's save stores its site recipe). */
  afterSave?(saved: CaptureDraft): Promise<void>;
  /** Tells the background the page's stored lead (null: none), which it shows on the tab's badge. */
  markTab?(tabId: number, url: string, leadId: string | null): Promise<void>;
  now?(): Date;
}

export type Phase = 'loading' | 'ready' | 'saving' | 'saved';

export const phase = signal<Phase>('loading');
export const tabId = signal<number | null>(null);
export const draft = signal<CaptureDraft | null>(null);
export const settings = signal<Settings>(DEFAULT_SETTINGS);
/** Why the page could not be read (shown above the manual form). */
export const notice = signal<string | null>(null);
/** The last failed save or load, shown in an alert; the draft stays as typed. */
export const error = signal<string | null>(null);
/** Stored lead each form would merge into, by form key. */
export const duplicates = signal<Record<string, Lead>>({});
export const saved = signal<SavedLead[]>([]);

let deps: CaptureDeps | null = null;

const now = () => deps?.now?.() ?? new Date();

/** Number of rows checked in list mode. */
export const selectedCount = computed(() => draft.value?.selected.length ?? 0);

/** The single form (person, company or manual), when not in list mode. */
export const singleForm = computed(() =>
  draft.value && draft.value.mode !== 'list' ? draft.value.forms[0] : undefined,
);

function leadDraftOf(form: FormDraft, d: CaptureDraft): LeadDraft {
  return formToLeadDraft(form, d.options, {
    pageUrl: d.url,
    extractor: form.kind === 'manual' ? 'manual' : d.mode === 'list' ? d.extractor : mainSource(form.sources),
    now: now(),
    defaultCountry: settings.value.defaultCountry,
  });
}

/** The single form as the lead it would save (fit score and email guess read it). */
export const singleLeadDraft = computed<LeadDraft | undefined>(() => {
  const d = draft.value;
  const form = singleForm.value;
  return d && form ? leadDraftOf(form, d) : undefined;
});

/** What "Update lead" would change on the stored duplicate of the single form. */
export const changes = computed<FieldChange[]>(() => {
  const d = draft.value;
  const form = singleForm.value;
  const stored = form ? duplicates.value[form.key] : undefined;
  if (!d || !form || !stored || !hasIdentity(form)) return [];
  return diffLead(stored, leadDraftOf(form, d));
});

/** Opens the capture for the target tab: the kept draft when there is one for this page, else a fresh reading. */
export async function start(d: CaptureDeps): Promise<void> {
  deps = d;
  phase.value = 'loading';
  error.value = null;
  notice.value = null;
  saved.value = [];
  try {
    // Everything after the tab id runs at once: the page read is the long pole.
    const settingsLoad = d.settings().catch(() => DEFAULT_SETTINGS);
    const tab = await d.targetTab();
    tabId.value = tab.id;
    if (await startByExample(d, tab, settingsLoad)) return;
    const [s, kept, reading] = await Promise.all([
      settingsLoad,
      loadDraft(tab.id).catch(() => null),
      d.read(tab.id).then(
        (x) => ({ ok: true as const, x }),
        (e: unknown) => ({ ok: false as const, e }),
      ),
    ]);
    settings.value = s;
    const options = defaultOptions(s);
    if (reading.ok) {
      // A page that changed without reloading (LinkedIn) has a new URL: the old draft is not for it.
      draft.value = kept?.dirty && kept.url === reading.x.url ? kept : draftFromExtraction(reading.x, options);
    } else {
      notice.value = toAppError(reading.e).message;
      const url = tab.url ?? '';
      draft.value = kept?.dirty && (kept.url === url || !url) ? kept : manualDraft(url, options);
    }
    await applyPendingSelections(tab.id);
    phase.value = 'ready';
    await findSaved();
  } catch (err) {
    error.value = toAppError(err).message;
    draft.value ??= manualDraft('', defaultOptions(settings.value));
    phase.value = 'ready';
  }
}

/** Shows the tab's picked people (or a recipe's) when there are any; false to read the page instead. */
async function startByExample(
  d: CaptureDeps,
  tab: { id: number; url?: string | undefined },
  settingsLoad: Promise<Settings>,
): Promise<boolean> {
  if (!d.byExample) return false;
  const s = await settingsLoad;
  const picked = await d.byExample(tab, defaultOptions(s)).catch(() => null);
  if (!picked) return false;
  settings.value = s;
  const kept = await loadDraft(tab.id).catch(() => null);
  draft.value = kept?.dirty && kept.url === picked.url && kept.extractor === picked.extractor ? kept : picked;
  phase.value = 'ready';
  await findSaved();
  return true;
}

/** Replaces the list's rows (a line of every picked card taken as another field), keeping the options. */
export function replaceRows(forms: FormDraft[], selected: string[]): void {
  const d = draft.value;
  if (d) persist({ ...d, dirty: true, forms, selected });
}

/** Puts values sent from the page's context menu ("Add selection to lead") into the form. */
async function applyPendingSelections(id: number): Promise<void> {
  const d = draft.value;
  const form = d?.mode === 'list' ? undefined : d?.forms[0];
  if (!d || !form) return;
  const items = await takePending(id, d.url).catch(() => []);
  if (items.length > 0) persist({ ...d, dirty: true, forms: [applyPending(form, items)] });
}

/** Looks up stored leads matching each form (dedupe keys of the store), so "already saved" shows at once. */
async function findSaved(): Promise<void> {
  const d = draft.value;
  if (!d || !deps) return;
  const found: Record<string, Lead> = {};
  await Promise.all(
    d.forms.map(async (form) => {
      if (!hasIdentity(form) || form.kind === 'manual') return;
      const [match] = (await deps?.findDuplicates(leadDraftOf(form, d)).catch(() => [])) ?? [];
      if (match) found[form.key] = match;
    }),
  );
  duplicates.value = found;
  const id = tabId.value;
  if (id !== null && d.mode !== 'list') {
    const lead = d.forms[0] ? found[d.forms[0].key] : undefined;
    await deps.markTab?.(id, d.url, lead?.id ?? null).catch(() => {});
  }
}

function persist(next: CaptureDraft): void {
  draft.value = next;
  const id = tabId.value;
  if (id !== null) saveDraft(id, next).catch(() => {});
}

function updateForm(key: string, change: (form: FormDraft) => FormDraft): void {
  const d = draft.value;
  if (!d) return;
  persist({ ...d, dirty: true, forms: d.forms.map((f) => (f.key === key ? change(f) : f)) });
}

function markEdited(form: FormDraft, field: string): FormDraft {
  return form.edited.includes(field)
    ? form
    : { ...form, edited: [...form.edited, field], sources: { ...form.sources, [field]: 'user' } };
}

/** The user typed into a single-value field. */
export function setField(key: string, field: ScalarField, value: string): void {
  updateForm(key, (f) => markEdited({ ...f, [field]: value }, field));
}

/** The user changed, added or removed one value of a list field (index === length adds). */
export function setListValue(key: string, field: ListField, index: number, value: string | null): void {
  updateForm(key, (f) => {
    const list = [...f[field]];
    if (value === null) list.splice(index, 1);
    else list[index] = value;
    return markEdited({ ...f, [field]: list }, field);
  });
}

/** Adds an address guessed from the company's email pattern; it stays marked as a guess when saved. */
export function acceptGuessedEmail(key: string, point: EmailPoint): void {
  updateForm(key, (f) =>
    f.emails.includes(point.value)
      ? f
      : {
          ...f,
          emails: [...f.emails.filter((e) => e.trim()), point.value],
          guessed: [...f.guessed, point],
          sources: { ...f.sources, emails: f.sources.emails ?? 'guessed' },
        },
  );
}

/** Reveals an empty field the user wants to fill by hand ("Add field"). */
export function showField(key: string, field: ScalarField | ListField): void {
  updateForm(key, (f) => {
    const next = { ...f, shown: f.shown.includes(field) ? f.shown : [...f.shown, field] };
    return Array.isArray(next[field as ListField])
      ? { ...next, [field]: [...(next[field as ListField] as string[]), ''] }
      : next;
  });
}

/** Changes the save options (origin, stage, channel, first touch, follow-up). */
export function setOptions(change: Partial<CaptureOptions>): void {
  const d = draft.value;
  if (d) persist({ ...d, dirty: true, options: { ...d.options, ...change } });
}

/** Checks or unchecks a row of the people list. */
export function toggleRow(key: string, on: boolean): void {
  const d = draft.value;
  if (!d) return;
  const selected = on ? [...new Set([...d.selected, key])] : d.selected.filter((k) => k !== key);
  persist({ ...d, dirty: true, selected: d.forms.map((f) => f.key).filter((k) => selected.includes(k)) });
}

/** Checks every row, or none. */
export function selectAll(on: boolean): void {
  const d = draft.value;
  if (d) persist({ ...d, dirty: true, selected: on ? d.forms.map((f) => f.key) : [] });
}

/** Switches a list page to the manual form (the user wants someone the extractor did not list). */
export function addByHand(): void {
  const d = draft.value;
  if (d) persist({ ...manualDraft(d.url, d.options), dirty: true });
}

/** Drops the kept draft and reads the page again. */
export async function discard(): Promise<void> {
  const id = tabId.value;
  if (id !== null) await clearDraft(id).catch(() => {});
  if (deps) await start(deps);
}

/** Saves the lead (or the checked leads) through the background; on failure everything typed stays. */
export async function save(): Promise<void> {
  const d = draft.value;
  const id = tabId.value;
  if (!d || !deps || id === null || phase.value === 'saving') return;
  const forms = d.mode === 'list' ? d.forms.filter((f) => d.selected.includes(f.key)) : d.forms.slice(0, 1);
  if (forms.length === 0) {
    error.value = 'Select at least one person to save.';
    return;
  }
  if (forms.some((f) => !hasIdentity(f))) {
    error.value = 'A lead needs at least a name, a company, an email or a link.';
    return;
  }
  const badLink = forms.map(linkProblem).find((problem) => problem !== null);
  if (badLink) {
    error.value = badLink;
    return;
  }
  error.value = null;
  phase.value = 'saving';
  try {
    const drafts = forms.map((form) => {
      const leadDraft = leadDraftOf(form, d);
      const stored = duplicates.value[form.key];
      return stored ? updateDraft(stored, leadDraft) : leadDraft;
    });
    // The background clears the tab's draft and marks its badge after the save (it owns both).
    saved.value = await deps.save(drafts, id);
    await deps.afterSave?.(d).catch(() => {});
    phase.value = 'saved';
  } catch (err) {
    error.value = toAppError(err).message;
    phase.value = 'ready';
  }
}
