/**
 * ProtocolQueue's queue for timers and topology changes. A protocol sets its timers with one or
 * two fixed delays while the clock only moves forward, so timers of one delay are set in time
 * order: a first-in-first-out lane already holds them sorted, and push and pop cost O(1) where a
 * heap of the 10^6 timers an announce run has pending pays log n on every pop. A push goes to
 * the first lane whose last time is not later than its own, and to the heap (heap-queue.ts) only
 * when no lane takes it; pop takes the earliest (time, sequence) head of lanes and heap. Every
 * lane is sorted by (time, sequence), so the order out is the heap's alone.
 */
import { HeapQueue } from './heap-queue.ts';
import { takePopped } from './event-queue.ts';

/** Lanes at most: enough for a protocol's few delays; the rare rest go to the heap. */
const LANES = 4;

/** What a lane holds as an event's object: none, a number (a message id, the usual token) or any other value. */
const NONE = 0;
const NUMBER = 1;
const OTHER = 2;
/** Int32 fields per event: kind, node, link, hop and which of the above its object is. */
const STRIDE = 5;

/**
 * A growable ring of events in push order, every field in a typed array: a JS array of 10^6
 * tokens costs more to fill and grow than the rest of the lane, so number tokens are stored as
 * numbers and only other values in a map.
 */
class Lane {
  length = 0;
  /** Time of the event pushed last. */
  last = -Infinity;
  private head = 0;
  private cap = 64;
  private times = new Float64Array(this.cap);
  private seqs = new Float64Array(this.cap);
  private ints = new Int32Array(STRIDE * this.cap);
  private nums = new Float64Array(this.cap);
  private readonly others = new Map<number, unknown>();

  get topTime(): number {
    return this.times[this.head]!;
  }

  get topSeq(): number {
    return this.seqs[this.head]!;
  }

  push(time: number, seq: number, kind: number, node: number, link: number, hop: number, obj: unknown): void {
    if (this.length === this.cap) this.grow();
    let i = this.head + this.length++;
    if (i >= this.cap) i -= this.cap;
    this.times[i] = time;
    this.seqs[i] = seq;
    const f = STRIDE * i;
    this.ints[f] = kind;
    this.ints[f + 1] = node;
    this.ints[f + 2] = link;
    this.ints[f + 3] = hop;
    if (typeof obj === 'number') {
      this.ints[f + 4] = NUMBER;
      this.nums[i] = obj;
    } else if (obj === undefined) this.ints[f + 4] = NONE;
    else {
      this.ints[f + 4] = OTHER;
      this.others.set(i, obj);
    }
    this.last = time;
  }

  /** Removes the head into `into`'s fields. */
  popInto(into: TimerQueue): void {
    const i = this.head;
    const f = STRIDE * i;
    into.time = this.times[i]!;
    into.kind = this.ints[f]!;
    into.node = this.ints[f + 1]!;
    into.link = this.ints[f + 2]!;
    into.hop = this.ints[f + 3]!;
    const tag = this.ints[f + 4]!;
    if (tag === NUMBER) into.obj = this.nums[i];
    else if (tag === NONE) into.obj = undefined;
    else {
      into.obj = this.others.get(i);
      this.others.delete(i);
    }
    this.head = i + 1 === this.cap ? 0 : i + 1;
    this.length--;
  }

  /** Doubles the ring (full when called), unwrapping it so the head is at 0. */
  private grow(): void {
    const cap = 2 * this.cap;
    const h = this.head;
    const unwrap = <T extends Float64Array | Int32Array>(from: T, to: T, k: number): T => {
      to.set(from.subarray(k * h), 0);
      to.set(from.subarray(0, k * h), from.length - k * h);
      return to;
    };
    this.times = unwrap(this.times, new Float64Array(cap), 1);
    this.seqs = unwrap(this.seqs, new Float64Array(cap), 1);
    this.ints = unwrap(this.ints, new Int32Array(STRIDE * cap), STRIDE);
    this.nums = unwrap(this.nums, new Float64Array(cap), 1);
    if (this.others.size > 0) {
      const moved = [...this.others].map(([i, obj]): [number, unknown] => [(i - h + this.cap) % this.cap, obj]);
      this.others.clear();
      for (const [i, obj] of moved) this.others.set(i, obj);
    }
    this.cap = cap;
    this.head = 0;
  }
}

export class TimerQueue {
  length = 0;
  /** The event last popped. */
  time = 0;
  kind = 0;
  node = 0;
  link = 0;
  hop = 0;
  obj: unknown = undefined;
  private readonly lanes: Lane[] = [];
  private readonly heap = new HeapQueue(64);
  /** The lane holding the earliest event, or -1 for the heap; recomputed after a push or pop. */
  private best = -1;
  private stale = true;

  /** Time of the earliest event; only when length > 0. */
  get topTime(): number {
    const b = this.earliest();
    return b < 0 ? this.heap.topTime : this.lanes[b]!.topTime;
  }

  /** Sequence number of the earliest event; only when length > 0. */
  get topSeq(): number {
    const b = this.earliest();
    return b < 0 ? this.heap.topSeq : this.lanes[b]!.topSeq;
  }

  push(time: number, seq: number, kind: number, node: number, link: number, hop: number, obj: unknown): void {
    this.length++;
    this.stale = true;
    const lanes = this.lanes;
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[i]!;
      if (lane.length === 0 || lane.last <= time) {
        lane.push(time, seq, kind, node, link, hop, obj);
        return;
      }
    }
    if (lanes.length < LANES) {
      const lane = new Lane();
      lanes.push(lane);
      lane.push(time, seq, kind, node, link, hop, obj);
    } else this.heap.push(time, seq, kind, node, link, hop, obj);
  }

  /** Removes the earliest event; read it from the fields. Call only when length > 0. */
  pop(): void {
    const b = this.earliest();
    this.length--;
    this.stale = true;
    if (b >= 0) {
      this.lanes[b]!.popInto(this);
      return;
    }
    this.heap.pop();
    takePopped(this, this.heap);
  }

  /** Index of the lane whose head is earliest by (time, sequence), or -1 for the heap's top. */
  private earliest(): number {
    if (!this.stale) return this.best;
    let best = -1;
    let t = this.heap.length > 0 ? this.heap.topTime : Infinity;
    let s = this.heap.length > 0 ? this.heap.topSeq : Infinity;
    const lanes = this.lanes;
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[i]!;
      if (lane.length === 0) continue;
      const lt = lane.topTime;
      if (lt < t || (lt === t && lane.topSeq < s)) {
        best = i;
        t = lt;
        s = lane.topSeq;
      }
    }
    this.best = best;
    this.stale = false;
    return best;
  }
}
