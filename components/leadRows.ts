import type { Lead } from '@/lib/lead/schema';

/**
 * The rows a windowed lead list holds, as pages by page number: row i is in page
 * ⌊i / pageSize⌋. A list scrolled to row 49,900 of 50,000 holds the ~20 pages near the view,
 * not an array of 50,000 slots, so putting a page in place copies the page map (a few dozen
 * entries), never every slot above it: placing a page costs the same at any depth.
 * Values are immutable (each change returns a new one), as the list's signal needs.
 */
export class LeadRows {
  private constructor(
    /** Rows per page; page p holds rows [p·pageSize, (p+1)·pageSize). */
    readonly pageSize: number,
    private readonly pages: ReadonlyMap<number, readonly Lead[]>,
    /** One past the last row held (0 when none): rows before it may still be placeholders. */
    readonly length: number,
  ) {}

  /** No rows yet, in pages of `pageSize`. */
  static empty(pageSize: number): LeadRows {
    return new LeadRows(pageSize, new Map(), 0);
  }

  /** Rows [0, leads.length) from a plain list (a search preview, the popup's snapshot), cut into pages. */
  static of(leads: readonly Lead[], pageSize: number): LeadRows {
    const pages = new Map<number, readonly Lead[]>();
    for (let p = 0; p * pageSize < leads.length; p++) pages.set(p, leads.slice(p * pageSize, (p + 1) * pageSize));
    return new LeadRows(pageSize, pages, leads.length);
  }

  /** The lead at row `index`, or undefined when its page is not held (the view shows a placeholder). */
  at(index: number): Lead | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Row slots held, placeholders in held pages included: what a change copies at most (tests check it stays flat). */
  get held(): number {
    return this.pages.size * this.pageSize;
  }

  /**
   * These rows with page `p` replaced by `leads`, the list cut at `total` rows, and only
   * the pages in [keepFrom, keepTo] kept (`p` too: a page read on the way to a far jump is
   * dropped at once; rows of an earlier query outside them go as well).
   * Costs O(pages held + page size), whatever `p` is.
   */
  withPage(p: number, leads: readonly Lead[], total: number, keepFrom: number, keepTo: number): LeadRows {
    const size = this.pageSize;
    const kept = (q: number) => q >= keepFrom && q <= keepTo && q * size < total;
    const pages = new Map<number, readonly Lead[]>();
    if (leads.length > 0 && kept(p)) pages.set(p, leads);
    for (const [q, rows] of this.pages) {
      if (q === p || !kept(q)) continue;
      pages.set(q, q * size + rows.length > total ? rows.slice(0, total - q * size) : rows);
    }
    let end = 0;
    for (const [q, rows] of pages) end = Math.max(end, q * size + rows.length);
    return new LeadRows(size, pages, end);
  }

  /** These rows with the lead of the same id replaced (an edit), or these rows when it is not held. */
  patched(lead: Lead): LeadRows {
    for (const [p, rows] of this.pages) {
      const i = rows.findIndex((l) => l.id === lead.id);
      if (i < 0) continue;
      const pages = new Map(this.pages);
      const next = rows.slice();
      next[i] = lead;
      pages.set(p, next);
      return new LeadRows(this.pageSize, pages, this.length);
    }
    return this;
  }

  /** The rows before the first one not held, at most `max`: a sorted prefix of the result. */
  prefix(max = Number.POSITIVE_INFINITY): Lead[] {
    const out: Lead[] = [];
    for (let p = 0; out.length < max; p++) {
      const rows = this.pages.get(p);
      if (!rows) break;
      out.push(...rows.slice(0, max - out.length));
      if (rows.length < this.pageSize) break;
    }
    return out;
  }

  /** Every lead held, in row order (pages far from the view are not held). */
  loaded(): Lead[] {
    return [...this.pages.keys()].sort((a, b) => a - b).flatMap((p) => this.pages.get(p) ?? []);
  }
}
