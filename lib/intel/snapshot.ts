import { foldText } from '@/lib/normalize/name';
import {
  type Dashboard,
  DashboardBuilder,
  type DashboardLead,
  type DashboardOptions,
  type LeadFacts,
  toFacts,
} from './dashboard';

/**
 * A columnar snapshot of what the dashboard reads: one typed array per field
 * for every lead, touches flattened. Why: at 50,000 leads the dashboard's time
 * is IndexedDB reading and deserialising 50,000 full records (names, sources,
 * notes, search keys...), not the statistics. A snapshot is a few typed arrays
 * (about 3 MB at 50,000 leads and 200,000 touches) that the browser clones
 * like a buffer, so the dashboard and every filter change (date range, tag,
 * reply window) recompute from it quickly. It holds no names or contact data:
 * only origins, stages, tags, times and channel codes.
 */

export const SNAPSHOT_VERSION = 1;

export interface DashboardSnapshot {
  version: number;
  /** Leads in the store when it was built, and the newest updatedAt among them (ms). */
  count: number;
  maxUpdated: number;
  builtAt: number;
  /** Records that were not leads (skipped). */
  skipped: number;
  stages: string[];
  tags: string[];
  inbound: Uint8Array;
  stage: Uint16Array;
  created: Float64Array;
  won: Float64Array;
  follow: Float64Array;
  channel: Uint8Array;
  tagStart: Uint32Array;
  tagIds: Uint32Array;
  touchStart: Uint32Array;
  at: Float64Array;
  ch: Uint8Array;
  dirIn: Uint8Array;
}

/** Builds a snapshot from leads fed one at a time. */
export class SnapshotEncoder {
  private readonly stageIds = new Map<string, number>();
  private readonly tagIdsMap = new Map<string, number>();
  private readonly facts: LeadFacts[] = [];
  private readonly tagLists: number[][] = [];
  private maxUpdated = Number.NEGATIVE_INFINITY;
  private touches = 0;
  skipped = 0;

  /** Adds one lead. */
  add(lead: DashboardLead): void {
    const facts = toFacts(lead);
    this.facts.push(facts);
    this.touches += facts.n;
    const tags: number[] = [];
    for (const tag of lead.tags ?? []) {
      let id = this.tagIdsMap.get(tag);
      if (id === undefined) {
        id = this.tagIdsMap.size;
        this.tagIdsMap.set(tag, id);
      }
      tags.push(id);
    }
    this.tagLists.push(tags);
    if (!this.stageIds.has(facts.stage)) this.stageIds.set(facts.stage, this.stageIds.size);
    const updated = Date.parse(lead.updatedAt ?? lead.createdAt);
    if (updated > this.maxUpdated) this.maxUpdated = updated;
  }

  /** The snapshot of every lead added. */
  finish(count = this.facts.length): DashboardSnapshot {
    const n = this.facts.length;
    const s: DashboardSnapshot = {
      version: SNAPSHOT_VERSION,
      count,
      maxUpdated: this.maxUpdated,
      builtAt: Date.now(),
      skipped: this.skipped,
      stages: [...this.stageIds.keys()],
      tags: [...this.tagIdsMap.keys()],
      inbound: new Uint8Array(n),
      stage: new Uint16Array(n),
      created: new Float64Array(n),
      won: new Float64Array(n),
      follow: new Float64Array(n),
      channel: new Uint8Array(n),
      tagStart: new Uint32Array(n + 1),
      tagIds: new Uint32Array(this.tagLists.reduce((sum, t) => sum + t.length, 0)),
      touchStart: new Uint32Array(n + 1),
      at: new Float64Array(this.touches),
      ch: new Uint8Array(this.touches),
      dirIn: new Uint8Array(this.touches),
    };
    let tagAt = 0;
    let touchAt = 0;
    for (let i = 0; i < n; i++) {
      const f = this.facts[i] as LeadFacts;
      s.inbound[i] = f.inbound ? 1 : 0;
      s.stage[i] = this.stageIds.get(f.stage) ?? 0;
      s.created[i] = f.created;
      s.won[i] = f.won;
      s.follow[i] = f.follow;
      s.channel[i] = f.channel;
      s.tagStart[i] = tagAt;
      for (const id of this.tagLists[i] as number[]) s.tagIds[tagAt++] = id;
      s.touchStart[i] = touchAt;
      s.at.set(f.at, touchAt);
      s.ch.set(f.ch, touchAt);
      s.dirIn.set(f.dirIn, touchAt);
      touchAt += f.n;
    }
    s.tagStart[n] = tagAt;
    s.touchStart[n] = touchAt;
    return s;
  }
}

/** Snapshots a list of leads (tests, and the slow path of loadDashboard). */
export function encodeSnapshot(leads: Iterable<DashboardLead>): DashboardSnapshot {
  const encoder = new SnapshotEncoder();
  for (const lead of leads) encoder.add(lead);
  return encoder.finish();
}

/** True when a stored value has the shape of a snapshot of this version (it crosses a storage boundary). */
export function isSnapshot(value: unknown): value is DashboardSnapshot {
  const s = value as Partial<DashboardSnapshot> | null;
  if (!s || s.version !== SNAPSHOT_VERSION || typeof s.count !== 'number') return false;
  const n = s.inbound?.length ?? -1;
  return (
    Array.isArray(s.stages) &&
    Array.isArray(s.tags) &&
    s.inbound instanceof Uint8Array &&
    s.stage instanceof Uint16Array &&
    s.stage.length === n &&
    s.created instanceof Float64Array &&
    s.created.length === n &&
    s.won instanceof Float64Array &&
    s.won.length === n &&
    s.follow instanceof Float64Array &&
    s.follow.length === n &&
    s.channel instanceof Uint8Array &&
    s.channel.length === n &&
    s.tagStart instanceof Uint32Array &&
    s.tagStart.length === n + 1 &&
    s.tagIds instanceof Uint32Array &&
    s.tagIds.length === s.tagStart[n] &&
    s.touchStart instanceof Uint32Array &&
    s.touchStart.length === n + 1 &&
    s.at instanceof Float64Array &&
    s.at.length === s.touchStart[n] &&
    s.ch instanceof Uint8Array &&
    s.ch.length === s.at.length &&
    s.dirIn instanceof Uint8Array &&
    s.dirIn.length === s.at.length
  );
}

/** The dashboard computed from a snapshot (same figures as from the leads themselves). */
export function dashboardFromSnapshot(s: DashboardSnapshot, options: DashboardOptions): Dashboard {
  const builder = new DashboardBuilder(options);
  const key = builder.tagKey;
  const wanted = new Set<number>();
  if (key !== null) {
    s.tags.forEach((t, id) => {
      if (foldText(t) === key) wanted.add(id);
    });
    if (wanted.size === 0) return builder.result();
  }
  const n = s.inbound.length;
  for (let i = 0; i < n; i++) {
    if (key !== null) {
      let has = false;
      for (let k = s.tagStart[i] as number; k < (s.tagStart[i + 1] as number); k++) {
        if (wanted.has(s.tagIds[k] as number)) {
          has = true;
          break;
        }
      }
      if (!has) continue;
    }
    const from = s.touchStart[i] as number;
    const to = s.touchStart[i + 1] as number;
    builder.addFacts({
      inbound: s.inbound[i] === 1,
      stage: s.stages[s.stage[i] as number] ?? 'new',
      created: s.created[i] as number,
      won: s.won[i] as number,
      follow: s.follow[i] as number,
      channel: s.channel[i] as number,
      n: to - from,
      at: s.at.subarray(from, to),
      ch: s.ch.subarray(from, to),
      dirIn: s.dirIn.subarray(from, to),
    });
  }
  return builder.result();
}
