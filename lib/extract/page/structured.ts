import { absUrl, addList, clip, newCompany, newPerson, setField } from './entity';
import { firstRole } from './roles';
import type { RawCompany, RawPerson } from './types';

/**
 * Structured data (JSON-LD, microdata, RDFa Lite) read into one neutral node shape,
 * then interpreted once. Nodes are plain objects read only through `own()`, so keys
 * such as "__proto__" or "constructor" in hostile JSON-LD are inert data.
 */
export type SNode = Record<string, unknown>;
export type StructuredSource = 'json-ld' | 'microdata' | 'rdfa';

// Work caps: a page may carry megabyte scripts or thousands of items.
const MAX_SCRIPT_CHARS = 1_000_000;
const MAX_TOTAL_CHARS = 3_000_000;
const MAX_NODES = 2000;
const MAX_DEPTH = 12;

/** Reads an own property only (never the prototype chain). */
export function own(node: unknown, key: string): unknown {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  if (!Object.hasOwn(node, key)) return undefined;
  const v = (node as Record<string, unknown>)[key];
  if (v !== undefined) return v;
  return undefined;
}

function prop(node: unknown, key: string): unknown {
  const v = own(node, key);
  if (v !== undefined) return v;
  // Prefixed forms ("schema:name", "http://schema.org/name") from RDFa or expanded JSON-LD.
  return own(node, `schema:${key}`) ?? own(node, `http://schema.org/${key}`) ?? own(node, `https://schema.org/${key}`);
}

function list(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.slice(0, 200) : [v];
}

/** The schema.org type names of a node ("Person", "LocalBusiness"), prefixes stripped. */
export function typesOf(node: unknown): string[] {
  return list(own(node, '@type') ?? own(node, 'type'))
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, ''));
}

/** Text of a value: strings, numbers, {"@value"} and {"name"} objects. */
function str(v: unknown): string {
  for (const item of list(v)) {
    if (typeof item === 'string' || typeof item === 'number') {
      const s = clip(item, 2000);
      if (s) return s;
    }
    if (item && typeof item === 'object') {
      const inner = own(item, '@value') ?? prop(item, 'name');
      if (typeof inner === 'string' || typeof inner === 'number') return clip(inner, 2000);
    }
  }
  return '';
}

function strs(v: unknown): string[] {
  return list(v)
    .map((x) => str(x))
    .filter(Boolean);
}

/** A URL-ish value: string, {"@id"}, {"url"} or an ImageObject's contentUrl. */
function urlOf(v: unknown): string {
  for (const item of list(v)) {
    if (typeof item === 'string') return item.trim();
    if (item && typeof item === 'object') {
      const u = prop(item, 'url') ?? prop(item, 'contentUrl') ?? own(item, '@id');
      const s = typeof u === 'string' ? u : Array.isArray(u) && typeof u[0] === 'string' ? u[0] : '';
      if (s) return s.trim();
    }
  }
  return '';
}

// ---------------------------------------------------------------- JSON-LD

/** Parses every JSON-LD script; malformed or oversized blocks are skipped. */
export function jsonLdNodes(doc: Document): SNode[] {
  const out: SNode[] = [];
  let total = 0;
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length && i < 100; i++) {
    const text = scripts[i]?.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS || total + text.length > MAX_TOTAL_CHARS) continue;
    total += text.length;
    const body = text
      .trim()
      .replace(/^<!--|-->$/g, '')
      .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '');
    const parsed = parseLoose(body);
    if (parsed !== undefined) flatten(parsed, out, 0);
  }
  return out;
}

/**
 * A JSON-LD block's value, or undefined. Malformed blocks are common: templates write a description's
 * raw line breaks inside its string (Hugo themes) and leave trailing commas; as JSON allows neither,
 * a block that fails is read again with control characters as spaces and those commas dropped
 * (a string's ", }" is changed too: rare, and only in a block that failed anyway).
 */
function parseLoose(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    try {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is repaired.
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

/** Top-level nodes: arrays and @graph are unwrapped, nested nodes stay nested. */
function flatten(value: unknown, out: SNode[], depth: number): void {
  if (depth > 4 || out.length >= MAX_NODES) return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, MAX_NODES)) flatten(v, out, depth + 1);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const graph = own(value, '@graph');
  if (graph !== undefined) flatten(graph, out, depth + 1);
  if (own(value, '@type') !== undefined) out.push(value as SNode);
}

// ---------------------------------------------------------------- microdata and RDFa

const VALUE_ATTR: Record<string, string> = {
  META: 'content',
  A: 'href',
  LINK: 'href',
  AREA: 'href',
  IMG: 'src',
  AUDIO: 'src',
  VIDEO: 'src',
  SOURCE: 'src',
  IFRAME: 'src',
  EMBED: 'src',
  OBJECT: 'data',
  TIME: 'datetime',
  DATA: 'value',
  METER: 'value',
};

function elementValue(el: Element, rdfa: boolean): string {
  if (el.hasAttribute('content')) return el.getAttribute('content') ?? '';
  if (rdfa) {
    const r = el.getAttribute('resource') ?? el.getAttribute('href') ?? el.getAttribute('src');
    if (r && el.tagName !== 'SPAN') return r;
  }
  const attr = VALUE_ATTR[el.tagName];
  if (attr && el.hasAttribute(attr)) return el.getAttribute(attr) ?? '';
  return clip(el.textContent ?? '', 2000);
}

interface ItemSyntax {
  scope: string; // attribute that starts an item
  type: string;
  prop: string;
  rdfa: boolean;
}
const MICRODATA: ItemSyntax = { scope: 'itemscope', type: 'itemtype', prop: 'itemprop', rdfa: false };
const RDFA: ItemSyntax = { scope: 'typeof', type: 'typeof', prop: 'property', rdfa: true };

function readItem(el: Element, syn: ItemSyntax, depth: number, budget: { n: number }): SNode {
  const node: SNode = Object.create(null);
  node['@type'] = (el.getAttribute(syn.type) ?? '').trim().split(/\s+/).filter(Boolean);
  if (syn.rdfa && el.getAttribute('resource')) node['@id'] = el.getAttribute('resource');
  if (!syn.rdfa && el.getAttribute('itemid')) node['@id'] = el.getAttribute('itemid');
  const add = (name: string, value: unknown) => {
    const key = name.replace(/^.*[/#:]/, '');
    if (!key || key === '__proto__') return;
    const prev = node[key];
    node[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  // Depth-first over descendants, stopping at nested items (they become values).
  const stack: Element[] = Array.from(el.children).reverse();
  while (stack.length && budget.n-- > 0) {
    const child = stack.pop() as Element;
    const names = (child.getAttribute(syn.prop) ?? '').trim().split(/\s+/).filter(Boolean);
    const isItem = child.hasAttribute(syn.scope);
    if (names.length) {
      const value =
        isItem && depth < MAX_DEPTH ? readItem(child, syn, depth + 1, budget) : elementValue(child, syn.rdfa);
      for (const name of names.slice(0, 5)) add(name, value);
    }
    if (!isItem) for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i] as Element);
  }
  return node;
}

/** Outermost items: not inside another item (some pages put a stray itemprop on the root). */
function roots(doc: Document, attr: string): Element[] {
  return Array.from(doc.querySelectorAll(`[${attr}]`))
    .slice(0, 2000)
    .filter((el) => !el.parentElement?.closest(`[${attr}]`))
    .slice(0, 200);
}

/** Top-level microdata items. */
export function microdataNodes(doc: Document): SNode[] {
  const budget = { n: 20_000 };
  return roots(doc, 'itemscope').map((el) => readItem(el, MICRODATA, 0, budget));
}

/** Top-level RDFa Lite items. */
export function rdfaNodes(doc: Document): SNode[] {
  const budget = { n: 20_000 };
  return roots(doc, 'typeof').map((el) => readItem(el, RDFA, 0, budget));
}

// ---------------------------------------------------------------- interpretation

const ORG_TYPES =
  /^(Organization|Corporation|LocalBusiness|NGO|EducationalOrganization|GovernmentOrganization|NewsMediaOrganization|OnlineBusiness|OnlineStore|ProfessionalService|Store|Restaurant|MedicalOrganization|Attorney|LegalService|Dentist|Physician|Hotel|FinancialService|RealEstateAgent|AutomotiveBusiness|HomeAndConstructionBusiness|GeneralContractor|Brand|SportsOrganization|SportsTeam|PerformingGroup|Airline|Consortium|FundingScheme|ResearchOrganization|WorkersUnion|Project|.*(Business|Organization|Store|Service|Agency|Company))$/;
const ARTICLE_TYPES =
  /^(Article|NewsArticle|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|TechArticle|ScholarlyArticle|SocialMediaPosting|LiveBlogPosting|Report|Review)$/;
// Nodes about something else (events, products, media): skipped, the page may still be a prospect page.
const OTHER_TYPES =
  /^(Event|.*Event|Recipe|VideoObject|ImageObject|Product|Offer|BreadcrumbList|ItemList|FAQPage|HowTo|Course|JobPosting)$/;

export const isPersonNode = (n: unknown) => typesOf(n).includes('Person');
export const isOrgNode = (n: unknown) => !isPersonNode(n) && typesOf(n).some((t) => ORG_TYPES.test(t));
export const isArticleNode = (n: unknown) => typesOf(n).some((t) => ARTICLE_TYPES.test(t));

/**
 * The town of a PostalAddress ("Paris" from Paris, Île-de-France, FR; "Seattle, WA"), or a plain
 * string as written; plus its country. A lead's location is the town a rep filters and plans visits by,
 * the same unit the address block and the *Impressum* give (./town): the region and the country
 * code only when no town is named.
 */
export function addressOf(v: unknown): { location: string; country: string } {
  for (const a of list(v)) {
    if (typeof a === 'string') return { location: clip(a, 300), country: '' };
    if (a && typeof a === 'object') {
      // A Place (homeLocation, location) carries its PostalAddress one level down.
      const inner = prop(a, 'address');
      if (inner !== undefined && !typesOf(a).includes('PostalAddress')) {
        const r = addressOf(inner);
        if (r.location) return r;
      }
      const country = str(prop(a, 'addressCountry'));
      const town = str(prop(a, 'addressLocality'));
      const region = str(prop(a, 'addressRegion'));
      // "Seattle, WA": in North America and Australia a state's postal code is read as part of the
      // town's name; "Gelderland" is not, nor Italy's province codes ("Giugliano in Campania, NA").
      const stated =
        /^[A-Z]{2,3}$/.test(region) && (!country || /^(?:US|USA|United States|CA|Canada|AU|Australia)$/i.test(country));
      const place = town && stated ? `${town}, ${region}` : town;
      const location = place || region || str(prop(a, 'name')) || country;
      return { location: clip(location, 300), country };
    }
  }
  return { location: '', country: '' };
}

/** Everything structured data says about the page, before the layers merge it. */
export interface StructuredReading {
  primary: RawPerson | null;
  people: RawPerson[];
  company: RawCompany | null;
  /** The page is an article: its authors are no prospects unless described (./author). */
  isArticle: boolean;
  /** An article's author Person nodes (with their jobTitle, worksFor, sameAs). */
  authors: RawPerson[];
  isProfilePage: boolean;
  countries: string[];
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const hostOf = (url: string) => {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
};

/** Resolves {"@id": "#x"} references against the page's nodes. */
function resolver(nodes: SNode[]) {
  const byId = new Map<string, SNode>();
  for (const n of nodes) {
    const id = own(n, '@id');
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, n);
  }
  return (v: unknown): unknown => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const id = own(v, '@id');
      if (typeof id === 'string' && typesOf(v).length === 0 && byId.has(id)) return byId.get(id);
    }
    return v;
  };
}

/** Interprets the nodes of one syntax into people and a company. */
export function interpret(nodes: SNode[], source: StructuredSource, base: string): StructuredReading {
  const resolve = resolver(nodes);
  const out: StructuredReading = {
    primary: null,
    people: [],
    company: null,
    isArticle: false,
    authors: [],
    isProfilePage: false,
    countries: [],
  };
  const objs = (v: unknown) => list(v).map(resolve);

  const toCompany = (node: unknown): RawCompany | null => {
    let name = str(prop(node, 'name')) || str(prop(node, 'legalName')) || str(prop(node, 'alternateName'));
    // An organisation known only by its URL (schema.org contactPoint examples): name it by its host.
    if (!name) name = hostOf(absUrl(urlOf(prop(node, 'url')), base));
    const c = newCompany(name, source);
    if (!c) return null;
    setField(c, 'website', absUrl(urlOf(prop(node, 'url')), base), source);
    setField(c, 'logoUrl', absUrl(urlOf(prop(node, 'logo')) || urlOf(prop(node, 'image')), base), source);
    setField(c, 'description', str(prop(node, 'description')), source);
    setField(c, 'industry', str(prop(node, 'industry')) || str(prop(node, 'knowsAbout')), source);
    const emp = list(prop(node, 'numberOfEmployees'))[0];
    const size =
      typeof emp === 'object' && emp
        ? str(prop(emp, 'value')) || [str(prop(emp, 'minValue')), str(prop(emp, 'maxValue'))].filter(Boolean).join('-')
        : str(emp);
    setField(c, 'size', size, source);
    const addr = addressOf(objs(prop(node, 'address'))[0] ?? prop(node, 'location'));
    setField(c, 'location', addr.location, source);
    if (addr.country) {
      c.country = addr.country;
      out.countries.push(addr.country);
    }
    contactsInto(c, node);
    addList(
      c,
      'links',
      strs(prop(node, 'sameAs'))
        .map((u) => absUrl(u, base))
        .filter(Boolean),
      source,
    );
    return c;
  };

  const contactsInto = (e: RawPerson | RawCompany, node: unknown) => {
    const points = [node, ...objs(prop(node, 'contactPoint')).slice(0, 20)];
    for (const p of points) {
      addList(e, 'emails', strs(prop(p, 'email')), source);
      addList(e, 'phones', strs(prop(p, 'telephone')), source);
    }
  };

  const toPerson = (node: unknown): RawPerson | null => {
    const given = str(prop(node, 'givenName'));
    const family = str(prop(node, 'familyName'));
    const name = str(prop(node, 'name')) || [given, family].filter(Boolean).join(' ');
    const p = newPerson(name, source);
    if (!p) return null;
    setField(p, 'firstName', given, source);
    setField(p, 'lastName', family, source);
    let title = str(prop(node, 'jobTitle'));
    let employer: unknown = objs(prop(node, 'worksFor'))[0] ?? objs(prop(node, 'affiliation'))[0];
    // OrganizationRole: {"@type":"OrganizationRole","roleName":..., "worksFor": {...}}.
    if (employer && typesOf(employer).some((t) => /Role$/.test(t))) {
      title ||= str(prop(employer, 'roleName'));
      employer = objs(prop(employer, 'worksFor'))[0] ?? objs(prop(employer, 'affiliation'))[0];
    }
    setField(p, 'title', firstRole(title), source);
    setField(p, 'companyName', typeof employer === 'string' ? employer : str(prop(employer, 'name')), source);
    const addr = addressOf(objs(prop(node, 'address'))[0] ?? objs(prop(node, 'homeLocation'))[0]);
    setField(p, 'location', addr.location, source);
    if (addr.country) {
      p.country = addr.country;
      out.countries.push(addr.country);
    }
    setField(p, 'photoUrl', absUrl(urlOf(prop(node, 'image')), base), source);
    contactsInto(p, node);
    const links = [...strs(prop(node, 'sameAs')), urlOf(prop(node, 'url'))];
    addList(p, 'links', links.map((u) => absUrl(u, base)).filter(Boolean), source);
    return p;
  };

  const employerNode = (node: unknown): unknown => {
    const e = objs(prop(node, 'worksFor'))[0];
    if (e && typesOf(e).some((t) => /Role$/.test(t))) return objs(prop(e, 'worksFor'))[0];
    return e;
  };

  const topPersons: unknown[] = [];
  let siteName = '';
  let orgNode: unknown = null;
  let mainEntity: unknown = null;
  for (const node of nodes.slice(0, MAX_NODES)) {
    const types = typesOf(node);
    // A Review without a headline is a testimonial on a business page, not the page's article.
    if (isArticleNode(node) && !(types.includes('Review') && !prop(node, 'headline'))) {
      out.isArticle = true;
      for (const a of objs(prop(node, 'author')).slice(0, 5))
        if (isPersonNode(a)) out.authors.push(toPerson(a) as RawPerson);
      continue; // authors and publishers of an article are not the page's prospects
    }
    if (types.some((t) => OTHER_TYPES.test(t))) continue;
    if (types.includes('ProfilePage') || types.includes('AboutPage') || types.includes('WebPage')) {
      if (types.includes('ProfilePage')) out.isProfilePage = true;
      const me = objs(prop(node, 'mainEntity'))[0] ?? objs(prop(node, 'about'))[0];
      if (me && typeof me === 'object') {
        if (isPersonNode(me)) mainEntity ??= me;
        else if (isOrgNode(me)) orgNode ??= me;
      }
      continue;
    }
    if (types.includes('WebSite')) {
      // A personal site names its owner as author/publisher; a company site its organisation.
      siteName = str(prop(node, 'name'));
      for (const who of [...objs(prop(node, 'publisher')), ...objs(prop(node, 'author'))]) {
        if (isPersonNode(who)) topPersons.push(who);
        else if (isOrgNode(who)) orgNode ??= who;
      }
      continue;
    }
    if (isPersonNode(node)) topPersons.push(node);
    else if (isOrgNode(node)) {
      orgNode ??= node;
      for (const key of ['employee', 'employees', 'founder', 'founders', 'member', 'members']) {
        for (const m of objs(prop(node, key)).slice(0, 200)) {
          const inner = typesOf(m).some((t) => /Role$/.test(t)) ? (objs(prop(m, key.replace(/s$/, '')))[0] ?? m) : m;
          if (isPersonNode(inner)) {
            const person = toPerson(inner);
            if (person) {
              if (!person.companyName) setField(person, 'companyName', str(prop(node, 'name')), source);
              if (!person.title && inner !== m) setField(person, 'title', str(prop(m, 'roleName')), source);
              out.people.push(person);
            }
          }
        }
      }
    }
  }

  // A site often names its owner twice (a Person node and the WebSite's author stub): one person.
  const one = new Set(topPersons.map((n) => squash(str(prop(n, 'name'))))).size === 1;
  const richest = topPersons.toSorted((a, b) => Object.keys(b as SNode).length - Object.keys(a as SNode).length);
  const primaryNode = mainEntity ?? (one || (topPersons.length > 1 && out.isProfilePage) ? richest[0] : null);
  if (primaryNode) out.primary = toPerson(primaryNode);
  // Jekyll/Hugo SEO tags name the author by handle ("kikobeats") and the site by name ("Kiko Beats").
  if (
    out.primary &&
    siteName &&
    !out.primary.fullName.includes(' ') &&
    squash(siteName) === squash(out.primary.fullName)
  )
    out.primary.fullName = siteName;
  else
    for (const n of topPersons) {
      const p = toPerson(n);
      if (p) out.people.push(p);
    }
  const org = orgNode ?? (primaryNode ? employerNode(primaryNode) : null);
  if (org && typeof org === 'object') out.company = toCompany(org);
  else if (typeof org === 'string') out.company = newCompany(org, source);
  return out;
}
