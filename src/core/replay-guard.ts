/**
 * Replay protection for signed messages. A bounded seen cache forgets ids, and a forgotten id
 * delivered again is a replay. So a message is refused when it is older than the window (or
 * further in the future than the clock-skew bound), and the cache forgets the message with the
 * *oldest timestamp* first and raises a floor to that timestamp: anything at or below the floor
 * might have been forgotten, so it is refused as old. Under a flood the accepted window shrinks
 * (fail-safe: refuse, never redeliver); it widens again as time passes. Pure: time is a parameter.
 */
import { check } from './errors.ts';

export type Freshness = 'fresh' | 'old' | 'future';

/** Is a message stamped `ts` acceptable at `now`: not older than `windowMs`, not over `skewMs` ahead. */
export function freshness(ts: number, now: number, windowMs: number, skewMs: number): Freshness {
  if (ts > now + skewMs) return 'future';
  if (ts < now - windowMs) return 'old';
  return 'fresh';
}

export interface ReplayGuardOptions {
  /** Most ids remembered at once. */
  readonly maxEntries: number;
  /** How far back a timestamp may lie (ms); ids are remembered this long. */
  readonly windowMs: number;
  /** How far ahead of our clock a timestamp may lie (ms). */
  readonly skewMs: number;
}

export class ReplayGuard {
  private readonly known = new Map<string, number>();
  // A binary min-heap on timestamp, as parallel arrays: ts[k] belongs to ids[k].
  private readonly heapTs: number[] = [];
  private readonly heapIds: string[] = [];
  /** Highest timestamp forgotten for lack of room; -Infinity until the first eviction. */
  floor = -Infinity;

  constructor(private readonly options: ReplayGuardOptions) {
    check(Number.isInteger(options.maxEntries) && options.maxEntries >= 1, 'ERR_BAD_REPLAY', `replay guard: maxEntries ${options.maxEntries} must be an integer >= 1`);
    check(options.windowMs > 0 && options.skewMs >= 0, 'ERR_BAD_REPLAY', `replay guard: window ${options.windowMs} ms must be > 0 and skew ${options.skewMs} ms >= 0`);
  }

  /** Ids remembered now. */
  get size(): number {
    return this.known.size;
  }

  /** True when `id` is remembered (seen within the window and not evicted). */
  has(id: string): boolean {
    return this.known.has(id);
  }

  /** Whether a message stamped `ts` may be accepted at `now` (before looking at its id). */
  check(ts: number, now: number): Freshness {
    const f = freshness(ts, now, this.options.windowMs, this.options.skewMs);
    return f === 'fresh' && ts <= this.floor ? 'old' : f;
  }

  /** True the first time `id` is offered; records it with its timestamp. Call after `check`. */
  firstSight(id: string, ts: number, now: number): boolean {
    this.expire(now);
    if (this.known.has(id)) return false;
    this.known.set(id, ts);
    this.push(ts, id);
    while (this.known.size > this.options.maxEntries) {
      const [oldTs, oldId] = this.pop();
      this.known.delete(oldId);
      if (oldTs > this.floor) this.floor = oldTs;
    }
    return true;
  }

  private expire(now: number): void {
    const limit = now - this.options.windowMs;
    while (this.heapTs.length > 0 && this.heapTs[0]! < limit) this.known.delete(this.pop()[1]);
  }

  private push(ts: number, id: string): void {
    const t = this.heapTs;
    const d = this.heapIds;
    let k = t.length;
    t.push(ts);
    d.push(id);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (t[parent]! <= ts) break;
      t[k] = t[parent]!;
      d[k] = d[parent]!;
      k = parent;
    }
    t[k] = ts;
    d[k] = id;
  }

  private pop(): [number, string] {
    const t = this.heapTs;
    const d = this.heapIds;
    const top: [number, string] = [t[0]!, d[0]!];
    const lastTs = t.pop()!;
    const lastId = d.pop()!;
    const n = t.length;
    if (n === 0) return top;
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= n) break;
      if (child + 1 < n && t[child + 1]! < t[child]!) child++;
      if (t[child]! >= lastTs) break;
      t[k] = t[child]!;
      d[k] = d[child]!;
      k = child;
    }
    t[k] = lastTs;
    d[k] = lastId;
    return top;
  }
}
