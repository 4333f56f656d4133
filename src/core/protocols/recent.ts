/**
 * A map bounded by count that forgets its oldest entries: what a node keeps per message id
 * (the payload it may have to serve on request, who announced what). Without a bound a long-lived
 * node's memory would grow with every message, the original program's seen-set defect.
 *
 * Two arrays in insertion order, searched newest first, made at the first entry with room for
 * just it: a node holds a few entries and asks about the latest, so this beats a Map per node,
 * which a 10^6-node simulation cannot afford.
 */
import { check } from '../errors.ts';

/** Entries each node keeps per protocol unless told otherwise. */
export const DEFAULT_REMEMBER = 1024;

export class RecentMap<K, V> {
  private keys: K[] | undefined;
  private values: V[] | undefined;
  private readonly limit: number;

  constructor(limit: number = DEFAULT_REMEMBER) {
    check(Number.isInteger(limit) && limit >= 1, 'ERR_BAD_OPTION', `recent map: limit ${limit} must be an integer >= 1`);
    this.limit = limit;
  }

  private find(key: K): number {
    return this.keys === undefined ? -1 : this.keys.lastIndexOf(key);
  }

  get(key: K): V | undefined {
    const i = this.find(key);
    return i < 0 || this.values === undefined ? undefined : this.values[i];
  }

  has(key: K): boolean {
    return this.find(key) >= 0;
  }

  /** Adds or replaces an entry; past the limit the oldest entry goes. */
  set(key: K, value: V): void {
    if (this.keys === undefined || this.values === undefined) {
      this.keys = [key];
      this.values = [value];
      return;
    }
    const i = this.find(key);
    if (i >= 0) {
      this.values[i] = value;
      return;
    }
    if (this.keys.length >= this.limit) {
      this.keys.shift();
      this.values.shift();
    }
    this.keys.push(key);
    this.values.push(value);
  }

  delete(key: K): void {
    const i = this.find(key);
    if (i < 0 || this.keys === undefined || this.values === undefined) return;
    this.keys.splice(i, 1);
    this.values.splice(i, 1);
  }

  get size(): number {
    return this.keys?.length ?? 0;
  }
}
