/**
 * The ids a node has seen, by their 64-bit UniqueID (wire/gob/ids.ts: one value for both
 * spellings of a message), bounded by count and by age: at most `maxEntries`, the
 * oldest evicted first, and none older than `maxAge`. Every copy of every message is looked up
 * here, so it is kept in typed arrays: a ring of entries in arrival order and an open-addressing
 * index over it, with no string, map entry or boxed time per id and nothing for the GC to trace.
 * The index hashes with a random key per table, so nobody can choose ids that pile up in one
 * probe sequence. Memory grows by doubling with use, up to about 24 bytes per entry.
 */
import { randomFillSync } from 'node:crypto';
import { check } from '../../core/errors.ts';

/** Entries the ring starts with (24 KiB; a burst of a thousand ids needs no resize); it doubles as needed up to maxEntries. */
const FIRST_CAPACITY = 1024;

export class SeenIds {
  private capacity = 0;
  private his = new Uint32Array(0);
  private los = new Uint32Array(0);
  private times = new Float64Array(0);
  /** Ring position of the oldest entry, and entries held. */
  private head = 0;
  private count = 0;
  /** Ring position + 1 of the entry in each bucket (0: empty); twice the ring's capacity. */
  private index = new Int32Array(0);
  private readonly seed0: number;
  private readonly seed1: number;

  constructor(
    private readonly maxEntries: number,
    private readonly maxAge: number,
  ) {
    check(Number.isInteger(maxEntries) && maxEntries >= 1, 'ERR_BAD_SEEN', `seen cache: maxEntries ${maxEntries} must be an integer >= 1`);
    check(maxAge > 0, 'ERR_BAD_SEEN', `seen cache: maxAge ${maxAge} must be > 0`);
    const seed = randomFillSync(new Uint32Array(2));
    this.seed0 = seed[0]!;
    this.seed1 = seed[1]!;
    this.resize(Math.min(FIRST_CAPACITY, ringSize(maxEntries)));
  }

  /** Ids remembered now. */
  get size(): number {
    return this.count;
  }

  /** True the first time the id hi:lo is offered (within maxAge of `now`, in ms); records it. */
  firstSight(hi: number, lo: number, now: number): boolean {
    while (this.count > 0 && now - this.times[this.head]! >= this.maxAge) this.dropOldest();
    if (this.find(hi, lo) >= 0) return false;
    if (this.count === this.maxEntries) this.dropOldest();
    if (this.count === this.capacity) this.resize(this.capacity * 2);
    const at = (this.head + this.count) & (this.capacity - 1);
    this.his[at] = hi;
    this.los[at] = lo;
    this.times[at] = now;
    this.count++;
    let b = this.bucket(hi, lo);
    while (this.index[b] !== 0) b = (b + 1) & (this.index.length - 1);
    this.index[b] = at + 1;
    return true;
  }

  /** The bucket holding hi:lo, or -1. */
  private find(hi: number, lo: number): number {
    const mask = this.index.length - 1;
    for (let b = this.bucket(hi, lo); ; b = (b + 1) & mask) {
      const slot = this.index[b]!;
      if (slot === 0) return -1;
      if (this.his[slot - 1] === hi && this.los[slot - 1] === lo) return b;
    }
  }

  /**
   * Where hi:lo's probe sequence starts: both words mixed with the table's random key through
   * murmur3's finaliser, in two rounds so that which ids collide depends on the key.
   */
  private bucket(hi: number, lo: number): number {
    return fmix(fmix(hi ^ this.seed0) ^ lo ^ this.seed1) & (this.index.length - 1);
  }

  /** Removes the oldest entry, closing the gap in its probe sequence (linear probing's deletion). */
  private dropOldest(): void {
    const mask = this.index.length - 1;
    let gap = this.find(this.his[this.head]!, this.los[this.head]!);
    this.head = (this.head + 1) & (this.capacity - 1);
    this.count--;
    // Shift back every later entry of the run that may no longer be reachable past the gap.
    for (let b = (gap + 1) & mask; this.index[b] !== 0; b = (b + 1) & mask) {
      const slot = this.index[b]! - 1;
      const home = this.bucket(this.his[slot]!, this.los[slot]!);
      if (((b - home) & mask) >= ((b - gap) & mask)) {
        this.index[gap] = this.index[b]!;
        gap = b;
      }
    }
    this.index[gap] = 0;
  }

  /** Moves the entries, oldest first, into a ring of `capacity` and rebuilds the index. */
  private resize(capacity: number): void {
    const his = new Uint32Array(capacity);
    const los = new Uint32Array(capacity);
    const times = new Float64Array(capacity);
    for (let k = 0; k < this.count; k++) {
      const from = (this.head + k) & (this.capacity - 1);
      his[k] = this.his[from]!;
      los[k] = this.los[from]!;
      times[k] = this.times[from]!;
    }
    this.his = his;
    this.los = los;
    this.times = times;
    this.capacity = capacity;
    this.head = 0;
    this.index = new Int32Array(capacity * 2);
    for (let k = 0; k < this.count; k++) {
      let b = this.bucket(his[k]!, los[k]!);
      while (this.index[b] !== 0) b = (b + 1) & (this.index.length - 1);
      this.index[b] = k + 1;
    }
  }
}

/** The ring's largest size: the power of two holding maxEntries. */
function ringSize(maxEntries: number): number {
  let size = 1;
  while (size < maxEntries) size *= 2;
  return size;
}

/** murmur3's 32-bit finaliser: every input bit moves every output bit. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
