/**
 * Stands in for pouchdb-changes-filter in the extension's bundle (wxt.config.ts aliases it).
 * The original evaluates design-document filter and view functions from their source text
 * with `Function()` (pouchdb-utils' scopeEval): addons-linter reports it as DANGEROUS_EVAL and
 * an MV3 extension page may not run it anyway (no 'unsafe-eval'). Team sync filters nothing by
 * name: replication reads every document, and a filter given as a JavaScript function, or
 * `doc_ids`, is applied by pouchdb-core itself. So this keeps the plugin's option handling and
 * answers a named filter, a view or a selector on a local database with an error instead of
 * evaluating anything. A remote database (CouchDB) still runs its own named filters.
 */

interface ChangesOptions {
  filter?: unknown;
  view?: unknown;
  selector?: unknown;
  doc_ids?: unknown;
  complete: (err: unknown, result?: unknown) => void;
}

interface ChangesHandler {
  db: { _remote?: boolean };
}

/** "ddoc/name" from "ddoc/name" or "name" (pouchdb-utils' normalizeDdocFunctionName). */
function normalizeName(name: string): string | null {
  const parts = name.split('/');
  if (parts.length === 2) return name;
  if (parts.length === 1) return `${name}/${name}`;
  return null;
}

function validate(opts: ChangesOptions, callback: (err?: unknown) => void): void {
  if (opts.selector && opts.filter && opts.filter !== '_selector') {
    const name = typeof opts.filter === 'string' ? opts.filter : 'function';
    callback(new Error(`selector invalid for filter "${name}"`));
    return;
  }
  callback();
}

function normalize(opts: ChangesOptions): void {
  if (opts.view && !opts.filter) opts.filter = '_view';
  if (opts.selector && !opts.filter) opts.filter = '_selector';
  if (typeof opts.filter === 'string') {
    if (opts.filter === '_view') opts.view = typeof opts.view === 'string' ? normalizeName(opts.view) : opts.view;
    else if (opts.filter !== '_selector') opts.filter = normalizeName(opts.filter);
  }
}

function shouldFilter(handler: ChangesHandler, opts: ChangesOptions): boolean {
  return typeof opts.filter === 'string' && !opts.doc_ids && handler.db._remote !== true;
}

function filter(_handler: ChangesHandler, opts: ChangesOptions): void {
  const err = Object.assign(
    new Error(
      `The changes filter "${String(opts.filter)}" is not available in Prospector (no code from documents is run).`,
    ),
    { status: 400, name: 'bad_request' },
  );
  opts.complete(err);
}

/** The plugin: PouchDB.plugin(applyChangesFilterPlugin), as pouchdb-core does with the original. */
export default function applyChangesFilterPlugin(PouchDB: { _changesFilterPlugin?: unknown }): void {
  PouchDB._changesFilterPlugin = { validate, normalize, shouldFilter, filter };
}
