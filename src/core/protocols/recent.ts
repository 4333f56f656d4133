/**
 * A map bounded by count that forgets its oldest entries: what a node keeps per message id (a
 * real node's payloads kept to serve on request, src/real/node.ts). Without a bound a long-lived
 * node's memory would grow with every message, the original program's seen-set defect. The
 * bounds every protocol's per-id memory shares are here too.
 *
 * One array in insertion order, searched newest first, made at the first entry with room for
 * just it: a node asks mostly about the latest entries.
 */
import { check } from '../errors.ts';

/** Entries each node keeps per protocol unless told otherwise. */
export const DEFAULT_REMEMBER = 1024;

/**
 * Most links remembered as announcers of one missing id (plumtree's IHAVE, announce's INV), each
 * at most once: a peer repeating an announcement cannot grow the list or keep requests going.
 */
export const MAX_ANNOUNCERS = 8;

export class RecentMap<K, V> {
  /** Keys and values interleaved, oldest first: [k0, v0, k1, v1, ...]; made at the first entry. */
  private entries: unknown[] | undefined;
  private readonly limit: number;

  constructor(limit: number = DEFAULT_REMEMBER) {
    check(Number.isInteger(limit) && limit >= 1, 'ERR_BAD_OPTION', `recent map: limit ${limit} must be an integer >= 1`);
    this.limit = limit;
  }

  /** Index of the key's slot, searched newest first; -1 when absent. */
  private find(key: K): number {
    const e = this.entries;
    if (e === undefined) return -1;
    for (let i = e.length - 2; i >= 0; i -= 2) if (e[i] === key) return i;
    return -1;
  }

  get(key: K): V | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : (this.entries?.[i + 1] as V);
  }

  has(key: K): boolean {
    return this.find(key) >= 0;
  }

  /** Adds or replaces an entry; past the limit the oldest entry goes. */
  set(key: K, value: V): void {
    const e = this.entries;
    if (e === undefined) {
      this.entries = [key, value];
      return;
    }
    const i = this.find(key);
    if (i >= 0) {
      e[i + 1] = value;
      return;
    }
    if (e.length >= 2 * this.limit) e.splice(0, 2);
    e.push(key, value);
  }

  delete(key: K): void {
    const i = this.find(key);
    if (i < 0 || this.entries === undefined) return;
    this.entries.splice(i, 2);
    if (this.entries.length === 0) this.entries = undefined; // an empty map holds no array
  }

  get size(): number {
    return (this.entries?.length ?? 0) / 2;
  }
}
