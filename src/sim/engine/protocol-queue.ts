/**
 * Every kind of event in one queue, for protocols with control messages or timers and for runs
 * with topology changes: transmissions in a calendar (O(1) per event, delays bounded by the
 * latency model), timers and changes in time-ordered lanes or a heap (any delay; timer-queue.ts).
 * Every push gets the next sequence number and pop takes the earliest (time, sequence) of the
 * two, so events leave in the same order a single priority queue would give, with equal times in
 * push order.
 */
import { takePopped, type EventQueue } from './event-queue.ts';
import { TimerQueue } from './timer-queue.ts';
import { LinkCalendar } from './link-calendar.ts';
import { TIMER } from './types.ts';

export class ProtocolQueue implements EventQueue {
  /** The event last popped. */
  time = 0;
  kind = 0;
  node = 0;
  link = 0;
  hop = 0;
  obj: unknown = undefined;
  private seq = 0;
  private readonly links: LinkCalendar;
  private readonly timers = new TimerQueue();

  /** `maxDelay`: the largest link delay in µs; `capacity`: initial transmission slots. */
  constructor(maxDelay: number, capacity: number) {
    this.links = new LinkCalendar(maxDelay, capacity);
  }

  get length(): number {
    return this.links.length + this.timers.length;
  }

  /** Restarts the clock at `now` for a new message; only while empty. */
  reset(now: number): void {
    this.links.reset(now);
    this.seq = 0; // per message, so a sequence number fits the calendar's Int32 field
  }

  push(time: number, kind: number, node: number, link: number, hop: number, obj: unknown): void {
    if (this.seq === 0x7fffffff) throw new RangeError('protocol queue: more than 2^31 events in one message');
    if (kind >= TIMER) this.timers.push(time, this.seq++, kind, node, link, hop, obj);
    else this.links.push(time, this.seq++, kind, node, link, hop, obj);
  }

  /** Removes the earliest event into the fields. Call only when length > 0. */
  pop(): void {
    const timers = this.timers;
    const th = timers.length > 0 ? timers.topTime : Infinity;
    const tc = this.links.earliest(th);
    const q = tc < th || (tc === th && this.links.headSeq < timers.topSeq) ? this.links : timers;
    q.pop();
    takePopped(this, q);
  }
}
