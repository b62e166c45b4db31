import { z } from 'zod';
import { registrableDomain } from '@/lib/normalize/domain';
import { isFreeMailDomain } from '@/lib/normalize/mailboxes';
import { foldText } from '@/lib/normalize/name';
import { SHARED_HOST } from './abstain';
import { institutionIn } from './affiliation';
import { mark } from './evidence';
import { personNameScore } from './names';
import { LEGAL } from './page/company';
import { splitTitle } from './page/meta';
import type { RawCompany } from './page/types';
import { sectionTitle } from './section-title';

/**
 * The name a site gives itself, judged again in the extension: readPage takes the first
 * plausible of og:site_name, the <title> part that matches the domain, the header logo's alt
 * text and the copyright holder; here, with the given-names data at hand, each candidate is
 * cleaned ("Acme | Tagline", "Acme Team", "site-logo") and the name is taken only from a
 * source that vouches for it: the domain, og:site_name, two sources agreeing, or a title or
 * heading that pairs the name with the page's own label ("Team | Acme", "Acme – People").
 * A name no source vouches for is none: on a team page it would become every member's
 * employer, and a wrong employer is worse than none.
 */

// What a page of the site is called: never the site's name ("Team | Acme", "Acme – People").
const PAGE_LABEL =
  /^(?:(?:meet|discover|découvrez|decouvrez|conoce|conheça|scopri|lernen sie)\s{1,3})?(?:(?:our|the|notre|nos|nuestro|nuestra|nuestros|il|la|le|les|l'|el|los|las|ons|onze|unser|unsere|das|die|der|het|de|o|os|a|as|i|gli|nasz|nasze|nasi|who|qui)\s{1,3})?(?:team|teams|people|members|staff|about|about us|we are|are we\??|contact|contact us|speakers|invited speakers|keynotes?|keynote speakers|organi[sz]ers|(?:organi[sz]ing |program(?:me)? )?committee|board|faculty|authors|home|impressum|imprint|legal notice|privacy|equipo|équipe|equipe|sommes[- ]nous\??|à propos|a propos|mentions légales|contatti|chi siamo|squadra|über uns|vorstand|mitwirkende|mitarbeiter(?:innen)?|kontakt|bestuur|over ons|prelegenci|zespół|o nas|equipa|sobre(?: nós)?|palestrantes|ponentes|expositores|intervenants|orateurs|referenten|sprecher|redner|aviso legal|note legali|colofon|membres|membri|miembros|mitglieder|leden|persone|personas|personen|pessoas|personnes|alumni|home ?page|startseite|accueil|inicio|willkommen|welcome)$/i;
// Alt texts that name no one: the image's role, not the brand; a template's stand-in ("Company", Tailwind UI's "Your Company").
const GENERIC =
  /^(?:site|logo|logotype|home|image|img|menu|avatar|brand|header|banner|icon|picture|photo|homepage|startseite|(?:your )?company)$/i;
// A name ending in what an organisation is ("Agape Bible Church", "Sint-Jan Kerk") is no person's, whatever its first word.
const ORG_TAIL =
  /\s(?:church|chapel|parish|ministries|school|academy|club|society|association|institute|foundation|cent(?:er|re)|clinic|hospital|hotel|restaurant|bakery|gallery|museum|theat(?:re|er)|kirche|gemeinde|schule|verein|stiftung|(?:é|e)glise|iglesia|parroquia|chiesa|parrocchia|kerk|stichting|vereniging)$/i;
// The kinds of organisation a name follows ("Asociación X", "Verein X", "Stichting X", "Club X"), as
// ORG_TAIL's words end it; up to two words between ("Asociación proyecto X", "Association of the X").
const KIND_HEAD =
  /(?:^|[\s("“])(?:associa(?:tion|zione|ção|cao)|asociaci[oó]n|assoc\.|verein|vereniging|stichting|stiftung|fundaci[oó]n|funda[cç][aã]o|fondazione|fondation|foundation|society|soci[eé]t[eé]|sociedad|club|cooperative|cooperativa|coop[eé]rative|genossenschaft|federa(?:tion|ción|zione|ção)|union|uni[oó]n|collectif|kollektiv|yhdistys|forening|förening|stowarzyszenie|fundacja)(?:\s\S+){0,2}\s$/i;

/** True when `text` writes `name` right after the kind of organisation it is ("Asociación proyecto Primitiva Complutum"). */
export function kindBefore(text: string, name: string): boolean {
  const at = text.toLowerCase().indexOf(name.toLowerCase());
  return at > 0 && KIND_HEAD.test(text.slice(Math.max(0, at - 60), at));
}

// Articles before a name, which the name goes without ("The Bruna Lab" is the Bruna Lab).
const ARTICLE = /^(?:the|a|an|der|die|das|le|la|les|l'|el|los|las|il|lo|gli|de|het|een|o|os|as)$/i;

const TEAM_WORD =
  /^(?:team|équipe|equipo|equipe|staff)\s{1,3}|(?<!\s)\s{1,3}(?:team|équipe|equipo|equipe|staff|speakers|palestrantes|ponentes|intervenants|referenten)$/i;
// "Webpage of the Resendis Lab", "Site officiel de …": the words before the name.
const SITE_OF =
  /^(?:(?:the\s{1,3})?(?:official\s{1,3})?(?:web\s?page|website|web\s?site|home\s?page|site)\s{1,3}of\s{1,3}(?:the\s{1,3})?|site\s{1,3}officiel\s{1,3}d[eu]\s{1,3}(?:la\s{1,3}|l')?)/i;

const fold = (s: string) => foldText(s).replace(/[^a-z0-9]/g, '');

// The last page's label: finalize asks it of one page per listed person (abstain, name evidence),
// and each answer parses the URL and the public suffix list again (npm run bench extract: 60 a page).
let lastLabel = { url: '', label: '' };

/** The domain's own label ("acme" for www.acme.co.uk, "strudel" for strudel.github.io). */
export function domainLabel(url: string): string {
  if (url === lastLabel.url) return lastLabel.label;
  let label = '';
  try {
    const host = new URL(url).hostname;
    const domain = registrableDomain(host) ?? host;
    label = fold(domain.split('.')[0] ?? '');
  } catch {
    label = '';
  }
  lastLabel = { url, label };
  return label;
}

// A company writes its registration number after its name wherever it names itself (a copyright line,
// an invoice's header, a legal notice): "Acme S.A., RIF J-30339150-8", "Acme Srl – P.IVA 01234567890",
// "Acme BV · KvK 12345678". The name ends before the register's abbreviation and its number (a digit
// within a few characters, so a word such as "Nip" in a name is left alone).
const REGISTRATION =
  /(?<![\s,;·•|–—-])[\s,;·•|–—-]*(?<![\p{L}\p{N}])(?:RIF|CIF|NIF|NIPC|P\.\s?IVA|[Pp]artita\s[Ii][Vv][Aa]|VAT(?:\s?(?:[Nn]o|[Nn]r|[Nn]umber|ID|[Rr]eg)\.?)?|TVA|USt-?Id(?:Nr)?\.?|KvK|KBO|BTW|SIRE[NT]|RCS|REGON|NIP|KRS|I[ČC]O|DI[ČC]|OIB|CUIT|CUIL|RUT|RUC|RFC|NIT|ABN|ACN|CNPJ|CVR|EIN|GSTIN|UEN|Y-tunnus|[Oo]rg\.?\s?nr\.?|HRB)(?!\p{L})[\s.:#°º№-]{0,4}(?:[Nn][°º.]\s?)?[A-Z]{0,3}[\s-]?\d[\s\S]*$/u;

/**
 * `name` without a registration number's tail ("Acme, RIF J-1234" → "Acme") and without the brackets
 * of an acronym written alone ("(ACME)" → "ACME"). Full name and acronym ("Acme Limited (ACL)") are
 * one company, and the full name is kept.
 */
export function withoutRegistration(name: string): string {
  let n = name.replace(REGISTRATION, '').trim();
  n = n.replace(/^\(([^()]+)\)$/, '$1');
  // An acronym in brackets after the full name: the same company, the full name kept.
  const spelled = /^(.*\S)\s*\((\p{Lu}[\p{Lu}\p{N}&.-]{1,11})\)$/u.exec(n);
  if (spelled?.[1] && spelled[1].split(/\s+/).length >= 2) n = spelled[1];
  return n.replace(/(?<![\s,;·•|–—-])[\s,;·•|–—-]+$/, '') || name;
}

/** True when a candidate is what a page or an image is called ("Team", "Logo", "Hakkımda"), never a site's name. */
const labelOnly = (name: string) => GENERIC.test(name) || PAGE_LABEL.test(name) || sectionTitle(name);

/** A candidate as a name, or '' when it is none: separators, marks and team words trimmed. */
function cleanCandidate(raw: string, label: string): string {
  let name = withoutRegistration(raw)
    .replace(/[™®©℠]/g, '')
    .replace(/^[-–—|·•:→\s]+|(?<![-–—|·•:→\s])[-–—|·•:→\s]+$/g, '')
    .replace(/(?<!\s)\s*(?:logo|logotype|logotipo)$/i, '')
    // "Logo IJT", "Logo de l'association": the image's role before the name.
    .replace(/^(?:logo|logotype|logotipo)(?:\s(?:of|de|du|des|von|di|del|do|da)(?: la| l'|')?)?\s(?=\S)/i, '')
    .trim();
  // The site's own host as its name ("teamtomo.org"): the label is the name.
  if (/^[a-z0-9-]+\.[a-z]{2,6}$/i.test(name) && fold(name.split('.')[0] ?? '') === label)
    name = name.split('.')[0] ?? '';
  // A person's name is the page's author or subject ("Nikolai Matni – People", "Jane Doe, Consultant"),
  // not the organisation (a firm named after its founder carries a business word: "… Abogados").
  const personal = (n: string) => !ORG_TAIL.test(n) && personNameScore(n.split(/\s?,\s/)[0] as string) >= 0.8;
  const site = name.replace(SITE_OF, '');
  const bare = site.replace(TEAM_WORD, '');
  // "Acme Team" is Acme; but "AI Validation Team" without its team word reads as a person's name
  // ("Ai" is a given name), so there the team word is part of the organisation's own name.
  const named = bare !== site && personal(bare) && !personal(site) ? site : bare;
  if (named !== name && named.length >= 2) name = named;
  if (name.length < 2 || name.length > 60 || name.split(/\s+/).length > 6) return '';
  if (labelOnly(name) || /^\d+$|@|:\/\//.test(name)) return '';
  if (personal(name)) return '';
  return name;
}

const matchesLabel = (name: string, label: string) => fold(name.replace(LEGAL, '')) === label;
const containsLabel = (name: string, label: string) => {
  const f = fold(name.replace(LEGAL, ''));
  return (
    label.length >= 3 && f.length >= 3 && (f.includes(label) || (label.includes(f) && f.length * 2 >= label.length))
  );
};

/** The brand of a title or heading that pairs it with the page's label: "Team | Acme" → "Acme". */
function brandBesideLabel(text: string | undefined, label: string): string {
  const parts = splitTitle(text ?? '');
  const at = parts.findIndex((p) => PAGE_LABEL.test(p));
  if (at < 0 || parts.length < 2) return '';
  // "Page | Site | Tagline" and "Site | Page": the part next to the label.
  const next = cleanCandidate(parts[at + 1] ?? parts[at - 1] ?? '', label);
  // Nothing else vouches for it: a plain "Panos Patrinos" (a name the given-names data may not know) is
  // more likely the person whose site it is than an organisation.
  const plain = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}$/u.test(next) && personNameScore(next) >= 0.5;
  return plain ? '' : next;
}

/**
 * True when `name`'s words, the first whole and each next one whole or cut short, spell the domain's
 * label in order: "Santolaya Ingenieros Consultores" for santolayaing.cl. Domains are made so from the
 * name they stand for, so such a line vouches for itself as the site's name.
 */
export function spellsDomain(name: string, label: string): boolean {
  const words = name.split(/\s+/).map(fold).filter(Boolean);
  const first = words[0] ?? '';
  if (words.length < 2 || first.length < 3 || label.length < 6 || !label.startsWith(first)) return false;
  const from = (i: number, at: number): boolean => {
    if (at === label.length) return true;
    const word = words[i];
    if (!word) return false;
    for (let k = Math.min(word.length, label.length - at); k >= 1; k--)
      if (label.startsWith(word.slice(0, k), at) && from(i + 1, at + k)) return true;
    return false;
  };
  return from(1, first.length);
}

/**
 * The first of `lines` that is a name spelling the domain's label (spellsDomain): an address block's
 * addressee line ("Santolaya Ingenieros Consultores" over "Padre Mariano 181"), a footer's entity line.
 */
function spelledInLines(lines: string[], url: string): string {
  const label = domainLabel(url);
  for (const line of lines.slice(0, 400)) {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t.length > 60 || /\d|@|\/\//.test(t) || !/^\p{Lu}/u.test(t)) continue;
    const name = cleanCandidate(t, label);
    if (name && spellsDomain(name, label)) return name;
  }
  return '';
}

/**
 * The site's name for a company read from the site's identity, or null when no source vouches
 * for any candidate. `hints` carries the page's <title> and first <h1>.
 */
export function judgeSiteName(
  company: Pick<RawCompany, 'name' | 'siteNames'>,
  hints: { title?: string; heading?: string },
  url: string,
  why: { by?: string } = {},
): string | null {
  const by = (rule: string, name: string) => {
    why.by = rule;
    return name;
  };
  const label = domainLabel(url);
  const site = company.siteNames;
  const own = !!site && site.chosen === company.name;
  // Structured data or a legal notice named the company: it stands, unless it is only a host name.
  if (!own && !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(company.name))
    return by('markup', withoutRegistration(company.name));
  const list: { from: string; name: string; host?: boolean }[] = [];
  const add = (from: string, raw: string) => {
    // "Acme | Tagline" in og:site_name or a logo's alt: each part is a candidate, the first one first.
    for (const part of splitTitle(raw)) {
      // "Cala dei Balcani, Santa Cesarea Terme" on caladeibalcani.it: the town after the domain's name is no part of it.
      // ("ADVOKA, s.r.o." keeps its legal form: the company's legal name, not a town.)
      const head = LEGAL.test(part) ? part : (part.split(/(?<!\s),\s/)[0] ?? part);
      const name = cleanCandidate(head !== part && matchesLabel(head, label) ? head : part, label);
      if (name) list.push({ from, name, host: /^[a-z0-9-]+\.[a-z]{2,6}$/i.test(part.trim()) });
      if (from !== 'title') break;
    }
  };
  let headingBrand = '';
  for (const [from, name] of site?.candidates ?? []) {
    if (from !== 'h1') add(from, name);
    else headingBrand ||= brandBesideLabel(name, label);
  }
  add('title', hints.title ?? '');
  const titleBrand = brandBesideLabel(hints.title, label);
  headingBrand ||= brandBesideLabel(hints.heading, label);
  if (headingBrand) list.push({ from: 'heading', name: headingBrand });
  // "IJT" in the logo and the title, "© Inclusion des Jeunes au Travail": the acronym's expansion
  // (from a copyright line, not when the domain spells the acronym: "IBM" on ibm.com, the site goes
  // by it). The site's own title or og:site_name spelling it out ("Sociedad Colombiana de Pediatría |
  // SCP") gives the full name as the site's name even then: a site writes both when the long one is
  // what it is called.
  const spelledOut = (name: string) =>
    /^\p{Lu}{2,6}$/u.test(name)
      ? list.find(
          (c) =>
            (c.from === '©' ? fold(name) !== label : c.from === 'meta' || c.from === 'title') &&
            c.name
              .split(/\s+/)
              .filter((w) => /^\p{Lu}/u.test(w))
              .map((w) => w[0])
              .join('') === name,
        )?.name
      : undefined;
  // "Hop" in the title, "Apache Hop" in og:site_name; "Agora" in the title, "Udruga za mlade Agora" in the
  // logo: the site's own marks write the name whole, with the words a short form leaves out before it
  // (its parent, its kind of organisation). Not a copyright line's (a parent's or a theme's holder).
  const headed = (name: string) => {
    const words = name.split(/\s+/).length;
    const whole = list.find((c) => {
      const extra = c.name.split(/\s+/).length - words;
      return (
        (c.from === 'meta' || c.from === 'logo' || c.from === 'title') &&
        extra >= 1 &&
        extra <= 3 &&
        c.name.toLowerCase().endsWith(` ${name.toLowerCase()}`) &&
        // A proper name's first word: not a page's word ("over pedicuresalon Farla") nor an article ("The Bruna Lab").
        /^\p{Lu}/u.test(c.name) &&
        !ARTICLE.test(c.name.split(' ')[0] ?? '')
      );
    });
    return whole?.name ?? name;
  };
  const fuller = (short: string) => {
    const name = headed(spelledOut(short) ?? short);
    // "Acme" and "Acme GmbH" in the logo: the legal form belongs to the name. A copyright line's
    // legal form is left out ("© Acme, Inc."), but a German association's e.V. is part of its name.
    for (const c of list) {
      const legal = LEGAL.exec(c.name)?.[0];
      if (c.from === '©' && !/e\.\s?v/i.test(legal ?? '')) continue;
      if (legal && !LEGAL.test(name) && fold(c.name.slice(0, c.name.length - legal.length)).endsWith(fold(name)))
        return `${name}${legal}`;
    }
    return name;
  };
  // A name in a non-Latin script cannot be matched against the domain: og:site_name is trusted then.
  const native = list.find((c) => c.from === 'meta' && !/[a-z]/i.test(c.name));
  if (native) return by('meta', native.name);
  const exact = list.find((c) => matchesLabel(c.name, label));
  // "AgapeBibleChurchDetroit(.com)" in the copyright only spells the host: a candidate written as words
  // that the domain holds ("Agape Bible Church" in the header) is the name as the site writes it.
  const hostLike =
    !!exact && (exact.host || (!/\s/.test(exact.name) && (exact.name.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0) >= 2));
  const spelled = hostLike
    ? list.find((c) => /\s/.test(c.name) && containsLabel(c.name, label) && label.includes(fold(c.name)))
    : undefined;
  if (spelled) return by('domain', fuller(spelled.name));
  if (exact) return by('domain', fuller(exact.name));
  const meta = list.find((c) => c.from === 'meta');
  if (meta) return by('meta', fuller(meta.name));
  // Two sources agreeing ("Bioinformatics" in the logo, "Bioinformatics Group – Members" as the heading): the fuller.
  // (A header text is read only when it names the domain: it vouches for nothing the domain does not.)
  for (const a of list)
    for (const b of list) {
      const [fa, fb] = [fold(a.name), fold(b.name)];
      if (
        a.from === b.from ||
        a.from === 'brand' ||
        b.from === 'brand' ||
        fb.length < 3 ||
        a.name.length < b.name.length ||
        !fa.startsWith(fb)
      )
        continue;
      if (fa === fb || a.from === 'heading' || a.from === 'title') return by('agreeing', fuller(a.name));
    }
  // "© AZ Jan Palfijn Gent AV" under the title's "AZ Jan Palfijn Gent": the copyright line adds a legal
  // form's abbreviation the site leaves out of its name, as it does for "© Acme, Inc.".
  for (const a of list)
    for (const b of list)
      if (a.from === '©' && b.from === 'title' && /^ \p{Lu}{2,4}$/u.test(a.name.slice(b.name.length)))
        if (a.name.toLowerCase().startsWith(b.name.toLowerCase())) return by('title', b.name);
  // A domain that holds two candidates' names ("lightved-prhlt": LightVed, PRHLT) vouches for neither.
  const held = new Set(
    list.map((c) => fold(c.name)).filter((f) => f.length >= 3 && (label.includes(f) || f.includes(label))),
  );
  const tie = held.size > 1;
  // readPage's own choice, cleaned ("Acme | Tagline" → "Acme", "Acme Team" → "Acme"), stands next.
  const chosen = site ? cleanCandidate(site.chosen, label) : '';
  // Only a footer's copyright line names it, not the <title>: a theme's or a parent's holder as often as the site's.
  const footer =
    !list.some((c) => c.from !== '©' && fold(c.name) === fold(chosen)) &&
    !fold(hints.title ?? '').includes(fold(chosen));
  if (own && chosen && !(tie && held.has(fold(chosen))))
    return by(footer ? 'chosen from the copyright line only' : 'chosen', fuller(chosen));
  // readPage's choice was the page's own label (a Hugo theme's logo alt and <title> are the page's
  // title, "Vorstand"): its next candidate stands as it would have without that one.
  const next = own && !chosen && site?.chosen ? list.find((c) => c.from === '©') : undefined;
  if (next && !tie && list.every((c) => c.from === '©' || c === next))
    return by('chosen from the copyright line only', fuller(next.name));
  // A domain that holds one candidate's name ("strudel" in cmustrudel).
  const near = tie ? undefined : list.find((c) => containsLabel(c.name, label));
  if (near) return by('near-domain', fuller(near.name));
  // "Team | Acme": the part beside the page's label, when the title has only those two parts.
  const brand = (splitTitle(hints.title ?? '').length === 2 && titleBrand) || headingBrand;
  return brand ? by('beside-label', fuller(brand)) : null;
}

/**
 * An unnamed company named after the domain of its own mailbox, or null: the one domain its mailboxes
 * (no free-mail provider's) share, not the page's host, vouches for the title's part that spells it, as
 * judgeSiteName lets a host vouch. On a shared host (a github.io page) that domain is also its website.
 */
export function mailboxName(
  company: Record<string, unknown>,
  hints: { title?: string; heading?: string },
  url: string,
): Record<string, unknown> | null {
  const emails = Array.isArray(company.emails) ? company.emails.filter((e): e is string => typeof e === 'string') : [];
  const domains = new Set(
    emails.map((e) => registrableDomain(e.split('@')[1] ?? '') ?? '').filter((d) => d && !isFreeMailDomain(d)),
  );
  const [domain = ''] = domains;
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  if (domains.size !== 1 || registrableDomain(host) === domain) return null;
  const why: { by?: string } = {};
  const name = judgeSiteName({ name: '', siteNames: { chosen: '', candidates: [] } }, hints, `https://${domain}/`, why);
  if (!name) return null;
  const out: Record<string, unknown> = { ...company, name };
  mark(out, 'name', `the site's name, vouched for by its mailbox's domain (${why.by})`);
  if (SHARED_HOST.test(host)) {
    out.website = `https://${domain}`;
    out.sources = { ...(out.sources as Record<string, unknown>), website: 'email' };
  }
  return out;
}

// Companies named only by a footer's copyright line: the page's company, but no one's employer by default.
const footerOnly = new WeakSet<object>();

/**
 * True when the page's company may be its listed members' default employer: a copyright holder
 * alone ("© High-dimentional ML Team" on a lab's page under a RIKEN subdomain) does not vouch for that.
 */
export function employsMembers(company: Record<string, unknown>): boolean {
  return !footerOnly.has(company);
}

// The names a site gives itself, as readPage collected them (RawCompany.siteNames): untrusted.
const SiteNames = z.object({
  chosen: z.string().max(300),
  candidates: z.array(z.tuple([z.string().max(20), z.string().max(300)])).max(12),
});

/**
 * The page's company as finalize keeps it (a loose record, validated by finishCompany later):
 * renamed to the judged site name; on a people list dropped when no source vouches for a name,
 * or, for a list the generic reader found, made from the title's brand when readPage found
 * none ("Ons Bestuur | Vereniging X").
 */
export function pageCompany(
  company: Record<string, unknown> | null,
  hints: { title?: string; heading?: string; subtitle?: string },
  url: string,
  kind: string,
  people: Record<string, unknown>[],
  lines: string[] = [],
): Record<string, unknown> | null {
  // A group page on an academic's own site ("Jane Doe – People"): the institution its heading's subtitle names.
  const institution = () => {
    const name = kind === 'people-list' ? institutionIn(hints.subtitle ?? '') : '';
    return name ? { name, emails: [], phones: [], links: [], sources: { name: 'page' } } : null;
  };
  // No name read, but the site's mailbox is on a domain of its own (info@optinex.org on a github.io page):
  // the title's part that spells that domain is the organisation's name, as a host's would be.
  const byMail = company && company.name === '' ? mailboxName(company, hints, url) : null;
  if (byMail) return byMail;
  if (company && typeof company.name === 'string') {
    const site = SiteNames.safeParse(company.siteNames);
    const why: { by?: string } = {};
    const name = judgeSiteName(
      { name: company.name, siteNames: site.success ? site.data : undefined },
      hints,
      url,
      why,
    );
    if (name) {
      const out = { ...company, name };
      mark(out, 'name', `the site's name, vouched for by ${why.by}`);
      if (why.by === 'chosen from the copyright line only') footerOnly.add(out);
      return out;
    }
    // readPage's choice is no name at all (the site's title is its address, "https://www.santolayaing.cl"):
    // a line of the page spelling the domain vouches for itself.
    const own = site.success && site.data.chosen === company.name;
    const noName = /:\/\/|^www\./i.test(company.name) || GENERIC.test(company.name) || PAGE_LABEL.test(company.name);
    const spelled = own && noName ? spelledInLines(lines, url) : '';
    if (spelled) {
      const out = { ...company, name: spelled };
      mark(out, 'name', "a line of the page spelling the site's domain");
      return out;
    }
    if (kind === 'people-list') return institution();
    // readPage's choice was the page's own label ("Buket Özensoy - Hakkımda": the section, not the site).
    // (An image's role, "site", stays: a name only badly read, the company's contacts are still the page's.)
    const read = company.name.trim();
    if (own && (PAGE_LABEL.test(read) || sectionTitle(read))) return null;
    // readPage's own choice, which nothing vouches for, written as a person's name ("Contatti - Federico
    // Albano" on federicoalbano.com: each word capitalised, a given name the data knows): the site's owner,
    // not a company (a firm named after its founder carries a business word or a legal form: "ACE Conseil").
    // Unless the site's description writes it after the kind of organisation it is ("Asociación proyecto
    // Primitiva Complutum"): a person's name never follows such a word.
    const written = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}$/u.test(company.name);
    const described = typeof company.description === 'string' && kindBefore(company.description, company.name);
    return own && written && !described && !cleanCandidate(company.name, domainLabel(url)) ? null : company;
  }
  // Only for a list the generic reader found: a site adapter's "company: null" means none.
  const generic = people.some((p) => (p.sources as Record<string, unknown> | undefined)?.fullName === 'people-list');
  if (company || kind !== 'people-list' || !generic) return company;
  const name = judgeSiteName({ name: '', siteNames: { chosen: '', candidates: [] } }, hints, url);
  if (!name) return institution();
  let website = '';
  try {
    website = new URL(url).origin;
  } catch {
    // no URL, no website
  }
  return { name, website, emails: [], phones: [], links: [], sources: { name: 'title', website: 'url' } };
}
