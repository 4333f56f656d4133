/**
 * Every blog node's state, held in flat arrays by one blog instance, a node's state being its slot
 * number. Walking requests visit a million nodes at random, and each visit is a cache miss: an
 * object per node with arrays inside was four misses to read one node's learned addresses; here
 * that node's count and addresses sit side by side in one block of `known`, one or two misses.
 * A real node's instance holds one slot (its own), so TCP pays nothing for this.
 */
import type { Address } from './address.ts';

export class BlogStates {
  /**
   * Per slot, a block of 1 + `capacity` cells: the count of learned addresses, then the addresses;
   * in chunks of CHUNK slots (one array of millions of cells would be copied whole as it grows,
   * and V8 makes an array that large created at its full length a slow dictionary).
   */
  private readonly known: Address[][] = [];
  /** Per slot: the next retry delay (ms), and 1 while a retry timer is set. */
  private backoffs = new Float64Array(16);
  private armeds = new Uint8Array(16);
  /** Per slot: addresses it is opening a link to, or undefined (most nodes, most of the time). */
  private readonly pendings: (Address[] | undefined)[] = [];
  private slots = 0;

  constructor(
    /** Addresses a slot keeps at most. */
    readonly capacity: number,
    private readonly firstBackoff: number,
  ) {}

  /** A new slot: nothing learned, nothing pending, no timer, the first backoff. */
  add(): number {
    const slot = this.slots++;
    if (slot === this.backoffs.length) {
      const backoffs = new Float64Array(2 * slot);
      backoffs.set(this.backoffs);
      this.backoffs = backoffs;
      const armeds = new Uint8Array(2 * slot);
      armeds.set(this.armeds);
      this.armeds = armeds;
    }
    this.backoffs[slot] = this.firstBackoff;
    // The first chunk grows a slot at a time (a real node's instance has one slot); later ones are made whole.
    if (slot === 0) this.known.push([]);
    else if (slot % CHUNK === 0) this.known.push(new Array<Address>(CHUNK * (this.capacity + 1)).fill(0));
    if (slot < CHUNK) for (let i = 0; i <= this.capacity; i++) this.known[0]!.push(0);
    this.pendings.push(undefined);
    return slot;
  }

  /** Learns `a` unless known: appended while there is room, else over the cell `rng.random()` picks. */
  learn(slot: number, a: Address, rng: { random(): number }): void {
    const cells = this.known[(slot / CHUNK) | 0]!;
    const base = (slot % CHUNK) * (this.capacity + 1);
    const n = cells[base] as number;
    for (let i = 1; i <= n; i++) if (cells[base + i] === a) return;
    if (n < this.capacity) {
      cells[base + 1 + n] = a;
      cells[base] = n + 1;
    } else cells[base + 1 + Math.floor(rng.random() * this.capacity)] = a;
  }

  /** The slot's learned addresses (a copy). */
  learned(slot: number): Address[] {
    const cells = this.known[(slot / CHUNK) | 0]!;
    const base = (slot % CHUNK) * (this.capacity + 1);
    return cells.slice(base + 1, base + 1 + (cells[base] as number));
  }

  /** Forgets `a` (an address that did not answer); the last address takes its cell. */
  forget(slot: number, a: Address): void {
    const cells = this.known[(slot / CHUNK) | 0]!;
    const base = (slot % CHUNK) * (this.capacity + 1);
    const n = cells[base] as number;
    for (let i = 1; i <= n; i++) {
      if (cells[base + i] !== a) continue;
      cells[base + i] = cells[base + n]!;
      cells[base + n] = 0;
      cells[base] = n - 1;
      return;
    }
  }

  /** Addresses the slot is opening a link to (read only; see addPending, dropPending). */
  pending(slot: number): readonly Address[] {
    return this.pendings[slot] ?? NONE;
  }

  addPending(slot: number, a: Address): void {
    (this.pendings[slot] ??= []).push(a);
  }

  dropPending(slot: number, a: Address): void {
    const list = this.pendings[slot];
    const i = list ? list.indexOf(a) : -1;
    if (i < 0) return;
    list![i] = list![list!.length - 1]!;
    list!.pop();
    if (list!.length === 0) this.pendings[slot] = undefined;
  }

  backoff(slot: number): number {
    return this.backoffs[slot]!;
  }

  setBackoff(slot: number, ms: number): void {
    this.backoffs[slot] = ms;
  }

  armed(slot: number): boolean {
    return this.armeds[slot] === 1;
  }

  setArmed(slot: number, armed: boolean): void {
    this.armeds[slot] = armed ? 1 : 0;
  }
}

const NONE: readonly Address[] = [];
/** Slots per chunk of `known`. */
const CHUNK = 1024;
