import type { Company, Extraction, NameHint, Person } from '@/lib/extract/types';
import { EDITABLE_FIELDS, type EmailPoint, type LeadDraft, type Touch } from '@/lib/lead/schema';
import { canonicalLink, normalizeEmail, normalizePhone, registrableDomain, splitName } from '@/lib/normalize';
import type { Settings } from '@/lib/settings';
import type { CaptureDraft, CaptureOptions, FormDraft } from './schemas';

/**
 * Extraction → capture form → lead draft. Pure functions: the popup renders their
 * output and the background saves what formToLeadDraft returns.
 */

/** The save options a new capture starts with, from the user's settings. */
export function defaultOptions(settings: Pick<Settings, 'defaultOrigin' | 'defaultStage' | 'defaultChannel'>) {
  return {
    origin: settings.defaultOrigin,
    stage: settings.defaultStage,
    channel: settings.defaultChannel ?? '',
    touch: { enabled: false, note: '' },
    followUp: '',
  } satisfies CaptureOptions;
}

function emptyForm(key: string, kind: FormDraft['kind']): FormDraft {
  return {
    key,
    kind,
    fullName: '',
    title: '',
    companyName: '',
    companyDomain: '',
    location: '',
    notes: '',
    emails: [],
    phones: [],
    links: [],
    tags: [],
    sources: {},
    edited: [],
    shown: [],
    guessed: [],
  };
}

/** A company's name guessed from its domain: "acme-labs.co.uk" → "Acme Labs". */
export function companyFromDomain(domain: string): string {
  const label = domain.split('.')[0] ?? '';
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join(' ');
}

// Profile and social sites host people and companies; their domain is never the prospect's company
// (a LinkedIn company URL in worksFor gives "linkedin.com", which is not Acme's domain).
const HOSTING_DOMAINS = new Set([
  'linkedin.com',
  'github.com',
  'x.com',
  'twitter.com',
  'facebook.com',
  'instagram.com',
  'youtube.com',
  'crunchbase.com',
  'wellfound.com',
  'angel.co',
  'xing.com',
  'medium.com',
  'bsky.app',
]);

/** A company domain worth keeping: not a profile or social site hosting the company's page. */
export function ownDomain(domain: string | undefined | null): string {
  return domain && !HOSTING_DOMAINS.has(domain.toLowerCase()) ? domain : '';
}

function uniq(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

function personForm(person: Person, company: Company | null, key: string): FormDraft {
  const form = emptyForm(key, 'person');
  form.fullName = person.fullName;
  form.title = person.title ?? '';
  form.location = person.location ?? '';
  form.emails = uniq(person.emails);
  form.phones = uniq(person.phones);
  form.links = uniq(person.links);
  if (person.photoUrl) form.photoUrl = person.photoUrl;
  form.sources = { ...person.sources };
  // The page's company is the person's employer only when the person does not name another one
  // (a team page lists its own people; a profile names the employer itself).
  const companyName = person.companyName ?? company?.name ?? '';
  form.companyName = companyName;
  if (!person.companyName && company?.name) form.sources.companyName = 'company';
  const sameCompany = company && (!person.companyName || person.companyName === company.name);
  if (sameCompany && ownDomain(company.domain)) {
    form.companyDomain = ownDomain(company.domain);
    form.sources.companyDomain = company.sources.domain ?? 'company';
  }
  return form;
}

function companyForm(company: Company, key: string): FormDraft {
  const form = emptyForm(key, 'company');
  form.companyName = company.name;
  form.companyDomain = ownDomain(company.domain);
  form.location = company.location ?? '';
  form.emails = uniq(company.emails);
  form.phones = uniq(company.phones);
  form.links = uniq([...(company.website ? [company.website] : []), ...company.links]);
  form.sources = {
    ...company.sources,
    companyName: company.sources.name ?? 'page',
    ...(form.companyDomain ? { companyDomain: company.sources.domain ?? 'url' } : {}),
  };
  return form;
}

/**
 * The manual "Add lead" form for a page where nothing was found: the page as a link, the company from
 * the domain, and the name the page's heading or title shows when it reads as a person's (the
 * extractor's nameHint). The name is never made from the URL.
 */
export function manualForm(pageUrl: string, hint?: NameHint): FormDraft {
  const form = emptyForm('manual', 'manual');
  if (hint?.fullName.trim()) {
    form.fullName = hint.fullName.trim();
    form.sources.fullName = hint.source;
  }
  let url: URL | null = null;
  try {
    url = new URL(pageUrl);
  } catch {
    url = null;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
    form.links = [canonicalLink(url.href) ?? url.href];
    form.sources.links = 'url';
    const domain = ownDomain(registrableDomain(url.hostname));
    if (domain) {
      form.companyDomain = domain;
      form.companyName = companyFromDomain(domain);
      form.sources.companyDomain = 'url';
      form.sources.companyName = 'url';
    }
  }
  return form;
}

/**
 * The main source of a form, stored as the lead's provenance: the site adapter when one read
 * the page (it names the site, e.g. "site:linkedin-profile"), else the name's source ("json-ld", ...).
 */
export function mainSource(sources: Record<string, string>): string {
  const site = Object.values(sources).find((s) => s.startsWith('site:'));
  return site ?? sources.fullName ?? sources.companyName ?? Object.values(sources)[0] ?? 'page';
}

/** Turns what the extractor read into the popup's starting state: one form, a checklist, or the manual form. */
export function draftFromExtraction(extraction: Extraction, options: CaptureOptions): CaptureDraft {
  const base = { url: extraction.url, selected: [] as string[], options, dirty: false };
  const people = extraction.people;
  if (people.length > 1 || (extraction.pageKind === 'people-list' && people.length > 0)) {
    const forms = people.map((p, i) => personForm(p, extraction.company, `p${i}`));
    return {
      ...base,
      mode: 'list',
      forms,
      selected: forms.map((f) => f.key),
      extractor: 'people-list',
    };
  }
  const [person] = people;
  if (person) {
    const form = personForm(person, extraction.company, 'p0');
    return { ...base, mode: 'single', forms: [form], extractor: mainSource(form.sources) };
  }
  if (extraction.company) {
    const form = companyForm(extraction.company, 'c0');
    return { ...base, mode: 'single', forms: [form], extractor: mainSource(form.sources) };
  }
  return { ...base, mode: 'manual', forms: [manualForm(extraction.url, extraction.nameHint)], extractor: 'manual' };
}

/** The manual-mode draft for a tab Prospector could not read (e.g. a browser page), so the user can still type a lead. */
export function manualDraft(pageUrl: string, options: CaptureOptions): CaptureDraft {
  return {
    url: pageUrl,
    mode: 'manual',
    forms: [manualForm(pageUrl)],
    selected: [],
    options,
    extractor: 'manual',
    dirty: false,
  };
}

/** Local yyyy-mm-dd → ISO timestamp at 09:00 local time (a follow-up is a day, reminded in the morning). */
export function followUpIso(day: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 9, 0, 0);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export interface ToLeadContext {
  pageUrl: string;
  extractor: string;
  now: Date;
  defaultCountry?: string | undefined;
  /** Touch ids: injectable for tests. */
  newId?: () => string;
}

/**
 * The lead draft to save for a form: values normalised (lower-case emails, E.164 phones,
 * canonical links), the first touch and follow-up from the options, and the fields the
 * user typed marked as hand edits so later captures never overwrite them.
 */
export function formToLeadDraft(form: FormDraft, options: CaptureOptions, ctx: ToLeadContext): LeadDraft {
  const typed = new Set(form.edited);
  const guessed = new Map(form.guessed.map((g) => [g.value.toLowerCase(), g]));
  const emails = uniq(form.emails.map((e) => normalizeEmail(e) ?? '')).map(
    (value): EmailPoint =>
      (guessed.get(value) as EmailPoint | undefined) ?? {
        value,
        source: typed.has('emails') ? 'user' : 'page',
        status: typed.has('emails') ? 'verified-by-user' : 'found',
      },
  );
  const phones = uniqBy(
    form.phones
      .map((p) => normalizePhone(p, ctx.defaultCountry))
      .filter((p) => p !== null)
      .map((p) => ({
        value: p.value,
        ...(p.raw ? { raw: p.raw } : {}),
        source: typed.has('phones') ? ('user' as const) : ('page' as const),
      })),
    (p) => p.value,
  );
  const links = uniq(form.links.map((l) => canonicalLink(l) ?? '').filter(Boolean));
  const draft: LeadDraft = {
    emails,
    phones,
    links,
    tags: uniq(form.tags).map((t) => t.slice(0, 60)),
    origin: options.origin,
    stage: options.stage,
    sources: [{ url: ctx.pageUrl, capturedAt: ctx.now.toISOString(), extractor: ctx.extractor }],
    edited: form.edited.filter((f) => (EDITABLE_FIELDS as readonly string[]).includes(f)),
  };
  const name = form.fullName.trim();
  if (name) {
    draft.fullName = name;
    Object.assign(draft, splitName(name));
  }
  for (const field of ['title', 'companyName', 'location', 'notes'] as const) {
    const value = form[field].trim();
    if (value) draft[field] = value;
  }
  const domain = registrableDomain(form.companyDomain.replace(/^https?:\/\//i, '').split('/')[0] ?? '');
  if (domain) draft.companyDomain = domain;
  if (form.photoUrl) draft.photoUrl = form.photoUrl;
  if (options.channel) draft.channel = options.channel;
  if (options.touch.enabled) {
    const touch: Touch = {
      id: ctx.newId?.() ?? crypto.randomUUID(),
      at: ctx.now.toISOString(),
      channel: options.channel || 'other',
      direction: 'out',
      ...(options.touch.note.trim() ? { note: options.touch.note.trim() } : {}),
    };
    draft.touches = [touch];
  }
  const followUp = followUpIso(options.followUp);
  if (followUp) draft.nextFollowUpAt = followUp;
  return draft;
}

function uniqBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** True when the form says who or what it is about (the lead schema's identity rule). */
export function hasIdentity(form: FormDraft): boolean {
  return Boolean(
    form.fullName.trim() ||
      form.companyName.trim() ||
      form.emails.some((e) => normalizeEmail(e)) ||
      form.links.some((l) => canonicalLink(l)),
  );
}

/**
 * Why a form's links cannot be saved, or null: only http(s) links are stored, so a link
 * typed as "javascript:…", "ftp://…" or "not a url" is refused with a message instead of
 * being dropped on save without a word.
 */
export function linkProblem(form: FormDraft): string | null {
  const bad = form.links.find((l) => l.trim() && !canonicalLink(l.trim()));
  if (bad === undefined) return null;
  const shown = bad.trim().length > 60 ? `${bad.trim().slice(0, 60)}…` : bad.trim();
  return `“${shown}” is not a web link: only links starting with http:// or https:// can be saved.`;
}
