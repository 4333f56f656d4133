/**
 * ProtocolQueue's queue for transmissions (payload and control copies in flight): the calendar
 * over integer time (calendar.ts) that CalendarQueue also stands on, with a kind, an object and a
 * sequence number per event. Timers, whose delays can be far longer than the window, go to the
 * timer queue instead (timer-queue.ts; protocol-queue.ts merges the two in (time, sequence) order).
 *
 * Every field is a typed array, so slots never touched cost no memory: the object of an event
 * (a Control; payloads carry none) is kept once in a table and the slot holds its index. Controls
 * are reused per id and type, so the table stays small; it is emptied with the queue at each
 * message.
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
  private seqs: Int32Array;
  private objIds: Int32Array;
  private readonly table: unknown[] = [];
  /** The two objects added last and their indices: protocols alternate two controls (INV, GETDATA). */
  private last: unknown = undefined;
  private lastId = -1;
  private prev: unknown = undefined;
  private prevId = -1;

  /** `maxDelay`: the largest delay (µs) of any push; `capacity`: initial slots (grows). */
  constructor(maxDelay: number, capacity: number) {
    super(maxDelay, capacity);
    const cap = this.capacity;
    this.kinds = new Uint8Array(cap);
    this.nodes = new Int32Array(cap);
    this.links = new Int32Array(cap);
    this.hops = new Int32Array(cap);
    this.seqs = new Int32Array(cap);
    this.objIds = new Int32Array(cap);
  }

  /** Restarts the clock at `now` and empties the object table; only while empty. */
  override reset(now: number): void {
    super.reset(now);
    this.table.length = 0;
    this.last = this.prev = undefined;
    this.lastId = this.prevId = -1;
  }

  /** The table index of `obj` (-1 for none), adding it unless it is one of the last two used. */
  private idOf(obj: unknown): number {
    if (obj === undefined) return -1;
    if (obj === this.last) return this.lastId;
    const prev = this.prev;
    const prevId = this.prevId;
    this.prev = this.last;
    this.prevId = this.lastId;
    this.last = obj;
    if (obj === prev) this.lastId = prevId;
    else this.lastId = this.table.push(obj) - 1;
    return this.lastId;
  }

  /** `time` must lie in [now, now + maxDelay]. */
  push(time: number, seq: number, kind: number, node: number, link: number, hop: number, obj: unknown): void {
    const slot = this.place(time);
    this.kinds[slot] = kind;
    this.nodes[slot] = node;
    this.links[slot] = link;
    this.hops[slot] = hop;
    this.seqs[slot] = seq;
    this.objIds[slot] = this.idOf(obj);
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
    const id = this.objIds[slot]!;
    this.obj = id < 0 ? undefined : this.table[id];
  }

  protected override grow(cap: number): void {
    this.kinds = widen(this.kinds, new Uint8Array(cap));
    this.nodes = widen(this.nodes, new Int32Array(cap));
    this.links = widen(this.links, new Int32Array(cap));
    this.hops = widen(this.hops, new Int32Array(cap));
    this.seqs = widen(this.seqs, new Int32Array(cap));
    this.objIds = widen(this.objIds, new Int32Array(cap));
    super.grow(cap);
  }
}
