/**
 * The seen cache of a real node: has this message id been handled here before? It must stay
 * bounded (the original program's set grew forever), so entries expire by age and the oldest are
 * evicted past a count limit. The clock is passed in: core reads no time itself.
 * (The simulator keeps an exact per-message stamp array instead; see src/sim/engine.)
 */
import { check } from './errors.ts';
import type { MessageId } from './message.ts';

export interface SeenCacheOptions {
  /** Most ids remembered at once; the oldest go first. */
  readonly maxEntries: number;
  /** How long an id is remembered, in the clock's unit (milliseconds for real nodes). */
  readonly maxAge: number;
  /** Current time in the same unit as maxAge. */
  readonly now: () => number;
}

export class BoundedSeenCache {
  // A Map iterates in insertion order, so its first entry is always the oldest.
  private readonly entries = new Map<MessageId, number>();
  private readonly options: SeenCacheOptions;
  /** At most the time of the oldest entry, so most calls can skip walking the map to expire. */
  private oldestAt = Infinity;

  constructor(options: SeenCacheOptions) {
    check(Number.isInteger(options.maxEntries) && options.maxEntries >= 1, 'ERR_BAD_SEEN', `seen cache: maxEntries ${options.maxEntries} must be an integer >= 1`);
    check(options.maxAge > 0, 'ERR_BAD_SEEN', `seen cache: maxAge ${options.maxAge} must be > 0`);
    this.options = options;
  }

  /** True the first time an id is offered (within its age limit); records it. */
  firstSight(id: MessageId): boolean {
    const now = this.options.now();
    this.expire(now);
    if (this.entries.has(id)) return false;
    if (this.entries.size === 0) this.oldestAt = now;
    this.entries.set(id, now);
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return true;
  }

  /** Number of ids currently remembered. */
  get size(): number {
    return this.entries.size;
  }

  private expire(now: number): void {
    if (now - this.oldestAt < this.options.maxAge) return;
    this.oldestAt = Infinity;
    for (const [id, at] of this.entries) {
      if (now - at < this.options.maxAge) {
        this.oldestAt = at;
        break;
      }
      this.entries.delete(id);
    }
  }
}
