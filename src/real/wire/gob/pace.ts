/**
 * Writes to one Go peer one message at a time. The Go node reads each message with a new gob
 * Decoder over a buffered reader, so the bytes of a second message that are already waiting when it
 * reads are thrown away with the first decoder (and a message cut off breaks the stream). A fixed
 * gap between writes is not enough on a busy machine (measured: 0.4% lost at 5 ms), so a paced link
 * keeps one message in flight: the Go node sends every new message to all its links, the sender's
 * too, and that echo of the id in flight says it has read it; the next message is written then.
 * A message the Go node had already seen is not echoed, so after `maxWaitMs` the next goes anyway;
 * to keep those waits rare, a message whose id the peer itself sent (so it has seen it) is not
 * written at all (the last `rememberIds` ids are kept). The queue is bounded; a message that does
 * not fit is dropped and counted. The socket should have Nagle's algorithm off (setNoDelay), or
 * the kernel may hold back and merge writes.
 */

/**
 * Default longest wait for the echo before the next write, in ms. A Go node starved of CPU has
 * taken over 20 ms to echo (measured with 2 cores under a load average of 7), and a write after a
 * wait that was too short can lose the message in flight.
 */
export const DEFAULT_MAX_WAIT_MS = 100;
/** Default count of ids remembered as sent by the peer. */
export const DEFAULT_REMEMBER_IDS = 4096;
/** Default most messages waiting for one peer. */
export const DEFAULT_MAX_QUEUED = 1024;

export interface PaceOptions {
  /** Longest wait for the peer's echo of the message in flight before the next is written, in ms. */
  readonly maxWaitMs?: number;
  /** Most messages waiting; one more is dropped (and counted). */
  readonly maxQueued?: number;
  /** How many ids the peer sent are remembered, so as not to send them back (default 4096). */
  readonly rememberIds?: number;
  /** Timer functions (default the global ones); tests pass fake ones. */
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

export class PacedWriter {
  private readonly maxWaitMs: number;
  private readonly maxQueued: number;
  private readonly rememberIds: number;
  /** Ids the peer sent, oldest first (a Set keeps insertion order). */
  private readonly peerHas = new Set<bigint>();
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private readonly queue: Array<{ bytes: Buffer; id: bigint }> = [];
  private head = 0;
  /** Id of the message written and not yet echoed, or undefined when none is in flight. */
  private flying: bigint | undefined;
  private timer: unknown;
  private closed = false;
  private droppedCount = 0;
  private timeoutCount = 0;
  private skippedCount = 0;

  constructor(
    private readonly write: (bytes: Buffer) => void,
    options: PaceOptions = {},
  ) {
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
    this.rememberIds = options.rememberIds ?? DEFAULT_REMEMBER_IDS;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** Messages waiting (not counting the one in flight). */
  get queued(): number {
    return this.queue.length - this.head;
  }

  /** Messages dropped because the queue was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Times the next message went after `maxWaitMs` without an echo. */
  get timeouts(): number {
    return this.timeoutCount;
  }

  /** Messages not written because the peer had sent their id. */
  get skipped(): number {
    return this.skippedCount;
  }

  /**
   * Writes the message with this id now if none is in flight, else queues it. False if it was
   * dropped (queue full, writer closed) or skipped (the peer sent this id itself).
   */
  send(bytes: Buffer, id: bigint): boolean {
    if (this.closed) return false;
    if (this.peerHas.has(id)) {
      this.skippedCount++;
      return false;
    }
    if (this.flying === undefined) {
      this.writeOne(bytes, id);
      return true;
    }
    if (this.queued >= this.maxQueued) {
      this.droppedCount++;
      return false;
    }
    this.queue.push({ bytes, id });
    return true;
  }

  /** The peer sent a message with this id: remember it; if it is the one in flight, the next one goes. */
  received(id: bigint): void {
    this.peerHas.delete(id);
    this.peerHas.add(id);
    if (this.peerHas.size > this.rememberIds) this.peerHas.delete(this.peerHas.values().next().value!);
    if (this.flying === undefined || id !== this.flying) return;
    this.clearTimer(this.timer);
    this.next();
  }

  /** Stops: clears the timer and drops what waits (the link is closing). */
  close(): void {
    this.closed = true;
    if (this.flying !== undefined) this.clearTimer(this.timer);
    this.flying = undefined;
    this.queue.length = 0;
    this.head = 0;
  }

  private writeOne(bytes: Buffer, id: bigint): void {
    this.flying = id;
    this.timer = this.setTimer(() => {
      this.timeoutCount++;
      this.next();
    }, this.maxWaitMs);
    this.write(bytes);
  }

  private next(): void {
    this.flying = undefined;
    this.timer = undefined;
    if (this.closed || this.queued === 0) return;
    const item = this.queue[this.head]!;
    this.head++;
    if (this.head > 64 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.writeOne(item.bytes, item.id);
  }
}
