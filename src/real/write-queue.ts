/**
 * What goes out on one socket, and the backpressure that keeps a slow reader from stalling the
 * node: frames are queued and flushed once per tick (one write for many frames); `write()`'s
 * return value and 'drain' gate the flush; queued plus socket-buffered bytes are capped, and
 * writes that stay blocked too long are reported as `slow`. The queue opens only when its link is
 * up, so a handshake's frames (`writeFirst`) always leave before any message.
 */
import type { Socket } from 'node:net';

export interface WriteLimits {
  /** Most bytes waiting (this queue + the socket's buffer) before the peer is dropped. */
  readonly maxWriteBufferBytes: number;
  /** Longest time writes may stay blocked (no 'drain') before the peer is dropped. */
  readonly stallTimeoutMs: number;
}

/**
 * What a flush of several frames joins them in: one buffer for every queue of the process, reused
 * from write to write, so a burst does not allocate (and leave for the GC to free) a buffer per
 * flush. A flush larger than this gets a buffer of its own.
 */
const SCRATCH_BYTES = 64 * 1024;
let scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);

/**
 * Slots kept between flushes at most; a busy tick's are dropped. An array kept large and regrown
 * in the old generation leaves stores there that keep the tick's frames alive through young
 * collections (at 1,024, enough in the 50-node burst for V8 to double its young generation).
 */
const MAX_KEPT_SLOTS = 16;

export class WriteQueue {
  /**
   * One array for the link's life, emptied in place: a fresh array per flush would wait for the
   * next frame long enough to reach the old generation, and once dropped there it would keep that
   * tick's frames alive through young collections (every frame promoted, freed only by a full GC).
   */
  private readonly queue: (Buffer | undefined)[] = [];
  /** Frames in `queue`: its slots are reused from tick to tick rather than the array regrown. */
  private count = 0;
  private queuedBytes = 0;
  /** At least the socket's buffered bytes: their count at our last write (it only drains since). */
  private socketBytesBound = 0;
  private open = false;
  private flushScheduled = false;
  private blocked = false;
  private stallTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly socket: Socket,
    private readonly limits: WriteLimits,
    /** Called once when the peer is not reading: over the cap, or blocked too long. */
    private readonly slow: (reason: string) => void,
    /** Bytes accepted for writing, handshake frames included. */
    private readonly wrote: (bytes: number) => void,
  ) {
    socket.on('drain', () => this.onDrain());
  }

  /** Bytes waiting to be written. */
  get pendingBytes(): number {
    return this.queuedBytes + this.socket.writableLength;
  }

  /** Queues one frame; false when stopped or over the cap (then `slow` has been called). */
  push(frame: Buffer): boolean {
    if (!this.fits(frame)) return false;
    this.queue[this.count++] = frame;
    this.queuedBytes += frame.length;
    this.wrote(frame.length);
    this.scheduleFlush();
    return true;
  }

  /** Writes a handshake frame now, ahead of the queue (the socket must be connected). */
  writeFirst(frame: Buffer): boolean {
    if (!this.fits(frame)) return false;
    this.wrote(frame.length);
    this.socket.write(frame);
    this.socketBytesBound = this.socket.writableLength;
    return true;
  }

  /** The link is up: what was queued goes out. */
  start(): void {
    this.open = true;
    this.scheduleFlush();
  }

  /** Drops what is queued; nothing more is written. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.stallTimer);
    this.queue.length = 0;
    this.count = 0;
    this.queuedBytes = 0;
  }

  private fits(frame: Buffer): boolean {
    if (this.stopped) return false;
    // The socket's buffer only grows by our writes, so its length at the last write bounds it:
    // most frames fit by that bound, without asking the stream.
    if (this.queuedBytes + this.socketBytesBound + frame.length <= this.limits.maxWriteBufferBytes) return true;
    this.socketBytesBound = this.socket.writableLength;
    if (this.pendingBytes + frame.length <= this.limits.maxWriteBufferBytes) return true;
    this.slow(`over ${this.limits.maxWriteBufferBytes} bytes waiting: the peer is not reading`);
    return false;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || !this.open || this.blocked || this.count === 0) return;
    this.flushScheduled = true;
    flushSoon(this);
  }

  /** Writes what is queued (called once per tick by flushAll). */
  flush(): void {
    this.flushScheduled = false;
    if (this.stopped || !this.open || this.blocked || this.count === 0) return;
    const joined = this.count === 1 ? undefined : this.queuedBytes <= scratch.length ? scratch : Buffer.allocUnsafe(this.queuedBytes);
    const data = joined ? joined.subarray(0, this.queuedBytes) : this.queue[0]!;
    let at = 0;
    for (let k = 0; k < this.count; k++) {
      if (joined) at += this.queue[k]!.copy(joined, at);
      this.queue[k] = undefined;
    }
    // A busy tick's slots are dropped (see MAX_KEPT_SLOTS): the next busy tick grows them young.
    if (this.count > MAX_KEPT_SLOTS) this.queue.length = 0;
    this.count = 0;
    this.queuedBytes = 0;
    const accepted = this.socket.write(data);
    this.socketBytesBound = this.socket.writableLength;
    // The scratch is free again only when the socket took every byte at once; a write left
    // pending keeps it (the kernel reads it later), and later flushes get a new one.
    if (joined === scratch && this.socketBytesBound > 0) scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
    if (!accepted) {
      this.blocked = true;
      this.stallTimer = setTimeout(() => this.slow(`writes blocked for ${this.limits.stallTimeoutMs} ms: the peer is not reading`), this.limits.stallTimeoutMs);
    }
  }

  private onDrain(): void {
    this.blocked = false;
    clearTimeout(this.stallTimer);
    this.scheduleFlush();
  }
}

/**
 * The queues to flush at the end of this tick, and one microtask for all of them: a node that
 * forwards a chunk's messages touches every link, and a microtask each costs more than the write.
 */
const dueQueues: WriteQueue[] = [];

function flushSoon(queue: WriteQueue): void {
  if (dueQueues.push(queue) === 1) queueMicrotask(flushAll);
}

function flushAll(): void {
  // A flush that queues more (a write's callback) adds to this same pass.
  let k = 0;
  try {
    for (; k < dueQueues.length; k++) dueQueues[k]!.flush();
  } finally {
    // Should a flush throw, the queues after it still get their turn, in a microtask of their own.
    const left = k < dueQueues.length ? dueQueues.slice(k + 1) : [];
    dueQueues.length = 0;
    for (const queue of left) flushSoon(queue);
  }
}
