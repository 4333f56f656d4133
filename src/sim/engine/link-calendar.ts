/**
 * ProtocolQueue's queue for transmissions (payload and control copies in flight): the calendar
 * over integer time (calendar.ts) that CalendarQueue also stands on, with a kind, an object and a
 * sequence number per event. Timers, whose delays can be far longer than the window, go to a
 * heap instead (see protocol-queue.ts, which merges the two in (time, sequence) order).
 */

import { Calendar, widen } from './calendar.ts';

export class LinkCalendar extends Calendar {
  /** The event last popped. */
  time = 0;
  kind = 0;
  node = 0;
  link = 0;
  hop = 0;
  seq = 0;
  obj: unknown = undefined;
  private kinds: Uint8Array;
  private nodes: Int32Array;
  private links: Int32Array;
  private hops: Int32Array;
  private seqs: Float64Array;
  private objs: unknown[];

  /** `maxDelay`: the largest delay (µs) of any push; `capacity`: initial slots (grows). */
  constructor(maxDelay: number, capacity: number) {
    super(maxDelay, capacity);
    const cap = this.capacity;
    this.kinds = new Uint8Array(cap);
    this.nodes = new Int32Array(cap);
    this.links = new Int32Array(cap);
    this.hops = new Int32Array(cap);
    this.seqs = new Float64Array(cap);
    this.objs = new Array<unknown>(cap).fill(undefined);
  }

  /** `time` must lie in [now, now + maxDelay]. */
  push(time: number, seq: number, kind: number, node: number, link: number, hop: number, obj: unknown): void {
    const slot = this.place(time);
    this.kinds[slot] = kind;
    this.nodes[slot] = node;
    this.links[slot] = link;
    this.hops[slot] = hop;
    this.seqs[slot] = seq;
    this.objs[slot] = obj;
  }

  /** Sequence number of the earliest event; call right after earliest() returned a time. */
  get headSeq(): number {
    return this.seqs[this.headSlot()]!;
  }

  /** Removes the earliest event (call after earliest() returned its time) into the fields. */
  pop(): void {
    const slot = this.take();
    this.time = this.clock;
    this.kind = this.kinds[slot]!;
    this.node = this.nodes[slot]!;
    this.link = this.links[slot]!;
    this.hop = this.hops[slot]!;
    this.seq = this.seqs[slot]!;
    this.obj = this.objs[slot];
    this.objs[slot] = undefined;
  }

  protected override grow(cap: number): void {
    this.kinds = widen(this.kinds, new Uint8Array(cap));
    this.nodes = widen(this.nodes, new Int32Array(cap));
    this.links = widen(this.links, new Int32Array(cap));
    this.hops = widen(this.hops, new Int32Array(cap));
    this.seqs = widen(this.seqs, new Float64Array(cap));
    const old = this.objs.length;
    this.objs.length = cap;
    this.objs.fill(undefined, old);
    super.grow(cap);
  }
}
