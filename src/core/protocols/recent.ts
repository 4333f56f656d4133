/**
 * A Map bounded by count that forgets its oldest entries: what a node keeps per message id
 * (the payload it may have to serve on request, who announced what). Without a bound a long-lived
 * node's memory would grow with every message, the original program's seen-set defect.
 */
import { check } from '../errors.ts';

/** Entries each node keeps per protocol unless told otherwise. */
export const DEFAULT_REMEMBER = 1024;

/**
 * Most links remembered as announcers of one missing id (plumtree's IHAVE, announce's INV), each
 * at most once: a peer repeating an announcement cannot grow the list or keep requests going.
 */
export const MAX_ANNOUNCERS = 8;

/** Adds `link` to `announcers` unless it is there already or the list is full. */
export function addAnnouncer(announcers: number[], link: number): void {
  if (announcers.length < MAX_ANNOUNCERS && !announcers.includes(link)) announcers.push(link);
}

export class RecentMap<K, V> {
  private readonly map = new Map<K, V>();
  private readonly limit: number;

  constructor(limit: number = DEFAULT_REMEMBER) {
    check(Number.isInteger(limit) && limit >= 1, 'ERR_BAD_OPTION', `recent map: limit ${limit} must be an integer >= 1`);
    this.limit = limit;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Adds or replaces an entry; past the limit the oldest entry goes. */
  set(key: K, value: V): void {
    if (!this.map.has(key) && this.map.size >= this.limit) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}
