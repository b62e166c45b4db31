/**
 * Small DOM readers shared by the site adapters. They run inside the web page (the
 * injected bundle), so they import nothing heavy: no zod, no tldts, no libphonenumber.
 * Everything here only reads the document.
 */
import { splitName } from '@/lib/normalize/name';
import type { Company, Person } from '../types';

// Work caps: a hostile page must not make an adapter walk or parse without limit.
const MAX_JSON_CHARS = 2_000_000;
const MAX_TEXT = 5000;

/** Text of an element with white space collapsed (textContent: the same in every DOM, no layout needed). */
export function text(el: Element | null | undefined): string {
  if (!el) return '';
  const raw = el.textContent ?? '';
  return (raw.length > MAX_TEXT * 4 ? raw.slice(0, MAX_TEXT * 4) : raw).replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
}

/** The first element matched by an ordered fallback list of selectors (bad selectors are skipped). */
export function pick(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const el = root.querySelector(selector);
      if (el) return el;
    } catch {
      // A selector the DOM implementation cannot parse: try the next one.
    }
  }
  return null;
}

/** The first non-empty text among an ordered list of selectors. */
export function pickText(root: ParentNode, selectors: readonly string[]): string {
  for (const selector of selectors) {
    let list: Element[] = [];
    try {
      list = Array.from(root.querySelectorAll(selector));
    } catch {
      continue;
    }
    for (const el of list) {
      const value = text(el);
      if (value) return value;
    }
  }
  return '';
}

/** All elements for a selector, capped, as an array (never throws). */
export function all(root: ParentNode, selector: string, max = 500): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector)).slice(0, max);
  } catch {
    return [];
  }
}

/** Content of <meta property|name="key">, first match. */
export function meta(doc: Document, key: string): string {
  for (const el of all(doc, 'meta[property],meta[name]', 400)) {
    if (el.getAttribute('property') === key || el.getAttribute('name') === key) {
      const value = (el.getAttribute('content') ?? '').trim();
      if (value) return value;
    }
  }
  return '';
}

/** href of <link rel="canonical">. */
export function canonicalHref(doc: Document): string {
  return pick(doc, ['link[rel="canonical"]'])?.getAttribute('href')?.trim() ?? '';
}

/** Parses JSON without throwing; null for garbage or oversized text. */
export function parseJson(raw: string | null | undefined): unknown {
  if (!raw || raw.length > MAX_JSON_CHARS) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

type JsonObject = Record<string, unknown>;

/** True for a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every JSON-LD node on the page, flattened through arrays and @graph (one level). */
export function jsonLdNodes(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  for (const script of all(doc, 'script[type="application/ld+json"]', 50)) {
    const data = parseJson(script.textContent);
    const queue: unknown[] = Array.isArray(data) ? data : [data];
    for (const item of queue) {
      if (!isObject(item)) continue;
      out.push(item);
      const graph = item['@graph'];
      if (Array.isArray(graph)) for (const node of graph) if (isObject(node)) out.push(node);
    }
  }
  return out;
}

/** True when a JSON-LD node's @type is (or includes) the given type. */
export function hasType(node: JsonObject, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** A string value, the first string of an array, or a nested {name}/{contentUrl}/{url}. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const s = str(item);
      if (s) return s;
    }
    return '';
  }
  if (isObject(value)) return str(value.name ?? value.contentUrl ?? value.url);
  return '';
}

/** The first element of an array (or the value itself). */
export function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** Absolute http(s) URL or ''. */
export function absUrl(raw: string | null | undefined, base: string | URL): string {
  const value = (raw ?? '').trim();
  if (!value || value.startsWith('data:')) return '';
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/** The URL inside a background-image style ("url(&quot;…&quot;)"), as the 2018 LinkedIn photo uses. */
export function styleImage(el: Element | null): string {
  const style = el?.getAttribute('style') ?? '';
  const match = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(style);
  return match?.[1] ?? '';
}

/**
 * Unwraps a site's outbound redirect (linkedin.com/redir/redirect?url=…, /redirect?url=…,
 * t.co and similar keep the target in a query parameter) to the real target.
 */
export function unwrapRedirect(href: string): string {
  try {
    const url = new URL(href);
    if (/(^|\.)linkedin\.com$/.test(url.hostname) && /redirect/.test(url.pathname)) {
      return url.searchParams.get('url') ?? href;
    }
    return href;
  } catch {
    return href;
  }
}

/** Trims decoration that only the layout adds: bullets, middots, surrounding quotes. */
export function tidy(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/^[\s·•|,–—-]+|(?<![\s·•|,–—-])[\s·•|,–—-]+$/g, '')
    .trim();
}

/**
 * Sets key=value and its source when the value is non-empty and the field is still empty:
 * calls are made in fallback order, so the first (most stable) source wins.
 */
export function put<T extends Person | Company>(target: T, key: keyof T & string, value: string, source: string): void {
  const clean = tidy(value);
  if (!clean || (target as unknown as Record<string, unknown>)[key]) return;
  (target as unknown as Record<string, unknown>)[key] = clean;
  target.sources[key] = source;
}

/** A Person with the given name (first/last split) and empty lists, sources marked from the adapter. */
export function newPerson(fullName: string, source: string): Person {
  const person: Person = { fullName, emails: [], phones: [], links: [], sources: { fullName: source } };
  const { firstName, lastName } = splitName(fullName);
  if (firstName) {
    person.firstName = firstName;
    person.sources.firstName = source;
  }
  if (lastName) {
    person.lastName = lastName;
    person.sources.lastName = source;
  }
  return person;
}

/** A Company with the given name and empty lists. */
export function newCompany(name: string, source: string): Company {
  return { name, emails: [], phones: [], links: [], sources: { name: source } };
}

/** Adds a value once to a list field. */
export function addUnique(list: string[], value: string | null | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

/** True when the host is the domain or one of its subdomains. */
export function onHost(url: URL, domain: string): boolean {
  const host = url.hostname.toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}
