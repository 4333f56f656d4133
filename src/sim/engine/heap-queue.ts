/**
 * The engine's timer queue: a binary heap over (time, sequence) with events in typed
 * arrays. Unlike a calendar queue it holds events of any delay (a timer can be far longer than
 * any link), so it takes the timers and topology changes while transmissions go to a calendar (link-calendar.ts);
 * protocol-queue.ts merges the two. Equal times leave in sequence order, which the seed fixes.
 */

export { CONTROL, PAYLOAD, TIMER } from './types.ts';

export class HeapQueue {
  length = 0;
  /** The event last popped. */
  time = 0;
  kind = 0;
  node = 0;
  link = 0;
  hop = 0;
  obj: unknown = undefined;
  seq = 0;
  private cap: number;
  private kinds: Uint8Array;
  private nodes: Int32Array;
  private links: Int32Array;
  private hops: Int32Array;
  private objs: unknown[];
  /**
   * heap[0..length) holds slots ordered by (time, seq), and keyTimes/keySeqs their keys in the same
   * positions: a sift compares neighbours in these arrays, not keys scattered by slot (with 10^5
   * crash notices queued at once, each level of a sift was two cache misses). free[0..freeTop)
   * holds the unused slots.
   */
  private heap: Int32Array;
  private keyTimes: Float64Array;
  private keySeqs: Float64Array;
  private free: Int32Array;
  private freeTop: number;

  constructor(capacity: number) {
    this.cap = Math.max(16, capacity);
    this.kinds = new Uint8Array(this.cap);
    this.nodes = new Int32Array(this.cap);
    this.links = new Int32Array(this.cap);
    this.hops = new Int32Array(this.cap);
    this.objs = new Array<unknown>(this.cap).fill(undefined);
    this.heap = new Int32Array(this.cap);
    this.keyTimes = new Float64Array(this.cap);
    this.keySeqs = new Float64Array(this.cap);
    this.free = new Int32Array(this.cap);
    for (let i = 0; i < this.cap; i++) this.free[i] = this.cap - 1 - i;
    this.freeTop = this.cap;
  }

  /** Time and sequence number of the earliest event; only when length > 0. */
  get topTime(): number {
    return this.keyTimes[0]!;
  }

  get topSeq(): number {
    return this.keySeqs[0]!;
  }

  push(time: number, seq: number, kind: number, node: number, link: number, hop: number, obj: unknown): void {
    if (this.freeTop === 0) this.grow();
    const slot = this.free[--this.freeTop]!;
    this.kinds[slot] = kind;
    this.nodes[slot] = node;
    this.links[slot] = link;
    this.hops[slot] = hop;
    this.objs[slot] = obj;
    let i = this.length++;
    const heap = this.heap;
    const kt = this.keyTimes;
    const ks = this.keySeqs;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = kt[parent]!;
      if (time > pt || (time === pt && seq >= ks[parent]!)) break;
      heap[i] = heap[parent]!;
      kt[i] = pt;
      ks[i] = ks[parent]!;
      i = parent;
    }
    heap[i] = slot;
    kt[i] = time;
    ks[i] = seq;
  }

  /** Removes the earliest event; read it from the fields. Call only when length > 0. */
  pop(): void {
    const heap = this.heap;
    const top = heap[0]!;
    this.time = this.keyTimes[0]!;
    this.kind = this.kinds[top]!;
    this.node = this.nodes[top]!;
    this.link = this.links[top]!;
    this.hop = this.hops[top]!;
    this.seq = this.keySeqs[0]!;
    this.obj = this.objs[top];
    this.objs[top] = undefined;
    this.free[this.freeTop++] = top;
    const n = --this.length;
    const last = heap[n]!;
    const kt = this.keyTimes;
    const ks = this.keySeqs;
    const lt = kt[n]!;
    const ls = ks[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = kt[child]!;
      if (child + 1 < n) {
        const rt = kt[child + 1]!;
        if (rt < ct || (rt === ct && ks[child + 1]! < ks[child]!)) {
          child++;
          ct = rt;
        }
      }
      if (lt < ct || (lt === ct && ls <= ks[child]!)) break;
      heap[i] = heap[child]!;
      kt[i] = ct;
      ks[i] = ks[child]!;
      i = child;
    }
    if (n > 0) {
      heap[i] = last;
      kt[i] = lt;
      ks[i] = ls;
    }
  }

  private grow(): void {
    const old = this.cap;
    const cap = old * 2;
    const widen = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.kinds = widen(this.kinds, (n) => new Uint8Array(n));
    this.nodes = widen(this.nodes, (n) => new Int32Array(n));
    this.links = widen(this.links, (n) => new Int32Array(n));
    this.hops = widen(this.hops, (n) => new Int32Array(n));
    this.heap = widen(this.heap, (n) => new Int32Array(n));
    this.keyTimes = widen(this.keyTimes, (n) => new Float64Array(n));
    this.keySeqs = widen(this.keySeqs, (n) => new Float64Array(n));
    this.objs.length = cap;
    this.objs.fill(undefined, old);
    this.free = new Int32Array(cap);
    for (let i = 0; i < old; i++) this.free[i] = cap - 1 - i;
    this.freeTop = old;
    this.cap = cap;
  }
}
