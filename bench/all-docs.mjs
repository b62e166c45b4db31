// `_all_docs?include_docs=true` in pages, as `npm run bench sync` reads its raw baseline (limit
// size + 1, the extra row's id the next startkey), in Node and in a bench page alike.

/** The documents of `dbUrl`, one page of `size` at a time (fetched, JSON parsed). */
export async function* allDocsPages(dbUrl, headers, size = 500) {
  let startkey = null;
  for (;;) {
    const q = new URLSearchParams({ include_docs: 'true', limit: String(size + 1) });
    if (startkey) q.set('startkey', JSON.stringify(startkey));
    const res = await (await fetch(`${dbUrl}/_all_docs?${q}`, { headers })).json();
    yield res.rows.slice(0, size).map((r) => r.doc);
    if (res.rows.length <= size) return;
    startkey = res.rows[size].id;
  }
}

/** `pages` with the next page fetched while the caller works on this one (as lib/sync/first-pull reads them). */
export async function* ahead(pages) {
  const it = pages[Symbol.asyncIterator]();
  let next = it.next();
  for (;;) {
    const r = await next;
    if (r.done) return;
    next = it.next();
    yield r.value;
  }
}
