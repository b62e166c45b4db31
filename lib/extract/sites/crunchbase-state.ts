/**
 * Crunchbase's embedded page state, shared by the organization and person adapters.
 *
 * Crunchbase is an Angular app that ships the API answers it rendered with as JSON in the page
 * (Angular TransferState): <script id="client-app-state" type="application/json"> with its
 * quotes escaped as &q; (&a; & , &s; ' , &l; < , &g; >), or, since Angular 16, <script
 * id="ng-state"> with plain JSON. Inside, HttpState["GET/v4/data/entities/<collection>/<slug>…"]
 * .body holds `properties` (identifier, short_description…) and `cards` (groups of fields such
 * as company_about_fields2 or overview_fields). The field names are the API's, which have been
 * stable for years; the card names change, so every card is merged into one flat map.
 */
import { isObject, parseJson, pick, str } from './dom';

type Fields = Record<string, unknown>;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Undoes Angular TransferState's escaping (&q; → "). */
function unescapeState(raw: string): string {
  return raw.replace(/&(q|a|s|l|g);/g, (_, c: string) => ({ q: '"', a: '&', s: "'", l: '<', g: '>' })[c] ?? '');
}

/** The state object embedded in the page, or null. */
function pageState(doc: Document): Record<string, unknown> | null {
  const script = pick(doc, ['script#client-app-state', 'script#ng-state', 'script#serverApp-state']);
  const raw = script?.textContent ?? '';
  const data = parseJson(raw.includes('&q;') ? unescapeState(raw) : raw);
  return isObject(data) ? data : null;
}

/**
 * The entity body whose identifier is of the given kind ("organization", "person"), preferring the
 * one whose permalink is the page's slug; its properties and every card flattened into one map.
 */
export function crunchbaseFields(doc: Document, kind: 'organization' | 'person', slug: string): Fields | null {
  const state = pageState(doc);
  const http = state && isObject(state.HttpState) ? state.HttpState : state;
  if (!http) return null;
  let best: Fields | null = null;
  for (const entry of Object.values(http).slice(0, 200)) {
    const body = isObject(entry) && isObject(entry.body) ? entry.body : null;
    const props = body && isObject(body.properties) ? body.properties : null;
    const id = props && isObject(props.identifier) ? props.identifier : null;
    if (!body || !props || !id || id.entity_def_id !== kind) continue;
    // No prototype: a "__proto__" key in the page's JSON stays an ordinary (ignored) entry.
    const fields: Fields = Object.create(null);
    const cards = isObject(body.cards) ? Object.values(body.cards) : [];
    for (const group of [props, ...cards]) {
      if (!isObject(group)) continue;
      for (const [key, value] of Object.entries(group))
        if (!(key in fields) && !UNSAFE_KEYS.has(key)) fields[key] = value;
    }
    if (id.permalink === slug) return fields;
    best ??= fields;
  }
  return best;
}

/** A field's display value: strings as they are, {value} objects by their value. */
export function fieldValue(value: unknown): string {
  return isObject(value) ? str(value.value ?? value.name) : str(value);
}

/** "City, Region, Country" from location_identifiers (continents and groups left out). */
export function locationOf(value: unknown): string {
  if (!Array.isArray(value)) return '';
  const parts = value
    .filter((item) => isObject(item) && ['city', 'region', 'country'].includes(String(item.location_type)))
    .map((item) => fieldValue(item));
  return [...new Set(parts.filter(Boolean))].join(', ');
}

/** num_employees_enum "c_00051_00100" → "51-100", "c_10001_max" → "10001+". */
export function sizeOfEnum(value: unknown): string {
  const match = /^c_0*(\d+)_(?:0*(\d+)|max)$/.exec(str(value));
  if (!match) return '';
  return match[2] ? `${match[1]}-${match[2]}` : `${match[1]}+`;
}
