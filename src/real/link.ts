/**
 * One TCP connection to a neighbour: a socket, the wire codec chosen for it, its decoder, its
 * write queue, and its state. States, in order:
 *
 *   connecting   dialed, the socket not connected yet (what is sent meanwhile is queued)
 *   detecting    accepted, waiting for the first bytes to choose the codec (CodecPicker)
 *   handshaking  codec known; only the Handshake writes and reads (see handshake.ts)
 *   up           in the flood: the queue flushes, events go to the node
 *   closed       for good; `closed` was called once with the kind and a one-line reason
 *
 * Errors, end, close, bad input and timeouts all go through `close()`.
 */
import type { Socket } from 'node:net';
import { PeerScore, type PeerScoreOptions } from '../core/peer-score.ts';
import { PeerBudget, type PeerBudgetRates } from '../core/token-bucket.ts';
import type { Handshake, HandshakeLink } from './handshake.ts';
import { WireError, type Hello, type WireCodec, type WireDecoder, type WireEvent, type WireLimits } from './wire/codec.ts';
import { WriteQueue, type WriteLimits } from './write-queue.ts';

export interface LinkLimits extends WireLimits, WriteLimits {
  /** Longest time an outgoing connection may take to connect. */
  readonly connectTimeoutMs: number;
  /** Longest time from connect (or accept) to the end of the handshake. */
  readonly handshakeTimeoutMs: number;
  /** Longest time a frame may stay incomplete once its first byte arrived. */
  readonly partialFrameTimeoutMs: number;
  /** What one peer may send: frames and bytes a second; past it the node stops reading it for a while. */
  readonly budget: PeerBudgetRates;
  /** Bad frames a peer may send before its link closes (a score that decays). */
  readonly score: PeerScoreOptions;
}

export type LinkState = 'connecting' | 'detecting' | 'handshaking' | 'up' | 'closed';

/** Why a link went away: decides whether it is redialed. */
export type CloseKind = 'local' | 'remote' | 'violation' | 'slow' | 'unreachable';

/** Chooses an accepted link's codec from its first bytes; undefined: wait for more. */
export type CodecPicker = (first: Buffer) => WireCodec | undefined;

/** Most bytes an accepted link may send before its codec is known. */
export const MAX_DETECT_BYTES = 64;
/** Most frames held for an accepted link whose codec is not known yet. */
export const MAX_HELD_FRAMES = 4096;

/** Makes a frame in the link's codec; undefined when that codec cannot carry it (e.g. control over gob). */
export type Encode = (codec: WireCodec) => Buffer | undefined;

export interface LinkEvents {
  /** The handshake is done: the link joins the flood. */
  up(link: Link): void;
  /** A decoded event on an up link (a hello too, once `link.hello` is set). May throw a WireError. */
  event(link: Link, event: WireEvent): void;
  /** Called once, whatever the cause. */
  closed(link: Link, kind: CloseKind, reason: string): void;
  /** A bad frame was dropped and scored (the link closes right after if the score reached its limit). */
  offence?(link: Link, reason: string): void;
}

export interface LinkOptions {
  /** 'host:port' dialed (outgoing) or seen (incoming). */
  readonly remote: string;
  readonly outgoing: boolean;
  /** A codec (dialing, or known) or a picker that reads the first bytes (accepting). */
  readonly codec: WireCodec | CodecPicker;
  readonly handshake: Handshake;
  readonly limits: LinkLimits;
  readonly events: LinkEvents;
  /** Bytes read from and accepted for writing to the socket, for the node's counters. */
  readonly traffic: { bytesIn: number; bytesOut: number };
}

export class Link {
  /** Slot at the node; set by the node's link table. */
  link = -1;
  state: LinkState;
  /** True once it ever connected, to tell "could not connect" from "dropped". */
  everConnected = false;
  /** The other side's hello, once it came. */
  hello: Hello | undefined;
  framesIn = 0;
  framesOut = 0;
  readonly remote: string;
  readonly outgoing: boolean;
  /** Resolves when the socket has closed. */
  readonly done: Promise<void>;
  private chosen: WireCodec | undefined;
  private decoder: WireDecoder | undefined;
  private early: Buffer[] = [];
  /** Frames sent before an accepted link's codec was known, encoded once it is. */
  private held: Encode[] = [];
  private readonly writes: WriteQueue;
  /** What the handshake sees of this link, made once the codec is known. */
  private view: HandshakeLink | undefined;
  private readonly score: PeerScore;
  private readonly budget: PeerBudget;
  private deadline: NodeJS.Timeout | undefined;
  private partialTimer: NodeJS.Timeout | undefined;
  private pauseTimer: NodeJS.Timeout | undefined;
  private chunkAt = 0;
  /** Bad frames this peer sent that were dropped and scored. */
  offences = 0;
  /** Times reading was paused because the peer sent over its budget. */
  throttled = 0;

  constructor(
    private readonly socket: Socket,
    private readonly options: LinkOptions,
  ) {
    this.remote = options.remote;
    this.outgoing = options.outgoing;
    this.state = options.outgoing ? 'connecting' : 'detecting';
    if (typeof options.codec !== 'function') this.chosen = options.codec;
    this.score = new PeerScore(options.limits.score, performance.now());
    this.budget = new PeerBudget(options.limits.budget, performance.now());
    this.writes = new WriteQueue(socket, options.limits, (reason) => this.close('slow', reason), (n) => (options.traffic.bytesOut += n));
    this.done = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.onEnd());
    socket.on('error', (err: NodeJS.ErrnoException) => this.close(this.everConnected ? 'remote' : 'unreachable', err.code ?? err.message));
    socket.on('close', () => this.close('remote', 'connection closed'));
    socket.on('timeout', () => this.close('unreachable', `no connection after ${options.limits.connectTimeoutMs} ms`));
    if (options.outgoing) {
      socket.setTimeout(options.limits.connectTimeoutMs);
      socket.once('connect', () => this.onConnect());
    } else {
      this.startDeadline();
      queueMicrotask(() => this.onConnect());
    }
  }

  /** A handshake that does not finish in time closes the link: idle sockets cannot hold a slot. */
  private startDeadline(): void {
    const ms = this.options.limits.handshakeTimeoutMs;
    this.deadline = setTimeout(() => this.close('violation', `no handshake within ${ms} ms`), ms);
  }

  /**
   * Scores one bad frame from this peer (dropped by the caller). The link closes only when the
   * score reaches its limit, so one bad frame, perhaps relayed, never cuts a link.
   */
  offend(reason: string, now: number = performance.now()): void {
    if (this.state === 'closed') return;
    this.offences++;
    this.options.events.offence?.(this, reason);
    if (this.score.offend(now)) this.close('violation', `${this.score.offences} bad frames; the last: ${reason}`);
  }

  /** The codec in use; undefined while an accepted link's first bytes are awaited. */
  get codec(): WireCodec | undefined {
    return this.chosen;
  }

  get up(): boolean {
    return this.state === 'up';
  }

  get pendingBytes(): number {
    return this.writes.pendingBytes;
  }

  /**
   * Queues one frame for when the link is up, encoded in the link's codec (held unencoded while
   * an accepted link's codec is unknown); false when closed, dropped for not reading, or the
   * codec cannot carry it.
   */
  send(encode: Encode): boolean {
    if (this.state === 'closed') return false;
    if (!this.chosen) {
      if (this.held.length >= MAX_HELD_FRAMES) {
        this.close('slow', `${MAX_HELD_FRAMES} frames waiting for the peer to say which wire it speaks`);
        return false;
      }
      this.held.push(encode);
      this.framesOut++;
      return true;
    }
    const frame = encode(this.chosen);
    if (!frame || !this.writes.push(frame)) return false;
    this.framesOut++;
    return true;
  }

  writeFirst(frame: Buffer): void {
    this.writes.writeFirst(frame);
  }

  /** Closes the connection (idempotent); `kind` and `reason` are passed on once. */
  close(kind: CloseKind, reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.held = [];
    clearTimeout(this.deadline);
    clearTimeout(this.partialTimer);
    clearTimeout(this.pauseTimer);
    this.writes.stop();
    this.socket.destroy();
    this.options.events.closed(this, kind, reason);
  }

  private onConnect(): void {
    if (this.state === 'closed') return;
    this.socket.setTimeout(0);
    this.everConnected = true;
    if (this.outgoing) this.startDeadline();
    if (this.chosen) this.handshake();
  }

  /** The codec is known and the socket connected: start the handshake. */
  private handshake(): void {
    this.decoder = this.chosen!.newDecoder(this.options.limits);
    if (this.state === 'closed') return;
    this.state = 'handshaking';
    this.view = { outgoing: this.outgoing, remote: this.remote, codec: this.chosen!, writeFirst: (frame) => this.writeFirst(frame) };
    let step;
    try {
      step = this.options.handshake.start(this.view);
    } catch (err) {
      this.close('violation', describe(err));
      return;
    }
    if (step === 'up') this.goUp();
  }

  private goUp(): void {
    if (this.state !== 'handshaking') return;
    this.state = 'up';
    clearTimeout(this.deadline);
    this.writes.start();
    this.options.events.up(this);
  }

  private onData(chunk: Buffer): void {
    this.options.traffic.bytesIn += chunk.length;
    // One time for the whole chunk: frames that arrive together are scored as arriving together.
    this.chunkAt = performance.now();
    try {
      if (!this.decoder) {
        const picked = this.detect(chunk);
        if (!picked) return;
        chunk = picked;
      }
      const events = this.decoder!.push(chunk);
      for (const event of events) {
        if (this.state === 'closed') return;
        this.onEvent(event);
      }
      this.watchPartial();
      this.pay(events.length, chunk.length);
    } catch (err) {
      this.close('violation', describe(err));
    }
  }

  /** A frame left incomplete must be finished within the limit: no one holds 64 KiB for free. */
  private watchPartial(): void {
    if (this.state === 'closed') return;
    if (!this.decoder || this.decoder.buffered === 0) {
      clearTimeout(this.partialTimer);
      this.partialTimer = undefined;
    } else if (!this.partialTimer) {
      const ms = this.options.limits.partialFrameTimeoutMs;
      this.partialTimer = setTimeout(() => this.close('violation', `a frame stayed incomplete for ${ms} ms`), ms);
    }
  }

  /** Charges what was read to the peer's budget; over it, stops reading until the debt is paid (TCP back-pressure). */
  private pay(frames: number, bytes: number): void {
    const wait = this.budget.charge(frames, bytes, performance.now());
    if (wait <= 0 || this.pauseTimer || this.state === 'closed') return;
    this.throttled++;
    this.socket.pause();
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = undefined;
      if (this.state !== 'closed') this.socket.resume();
    }, wait);
  }

  /** Holds the first bytes of an accepted link until its codec is chosen; returns them all then. */
  private detect(chunk: Buffer): Buffer | undefined {
    this.early.push(chunk);
    const first = Buffer.concat(this.early);
    const codec = (this.options.codec as CodecPicker)(first);
    if (!codec) {
      if (first.length > MAX_DETECT_BYTES) throw new WireError('ERR_UNKNOWN_WIRE', `wire: ${first.length} bytes that no codec of this node recognises`);
      return undefined;
    }
    this.early = [];
    this.chosen = codec;
    const held = this.held;
    this.held = [];
    for (const encode of held) {
      const frame = encode(codec);
      if (frame && !this.writes.push(frame)) break;
    }
    this.handshake();
    return first;
  }

  private onEvent(event: WireEvent): void {
    this.framesIn++;
    if (event.kind === 'invalid') {
      // Before the handshake is done a bad frame ends the link; after, it is scored.
      if (this.state !== 'up') throw event.error;
      this.offend(event.error.message, this.chunkAt);
      return;
    }
    if (event.kind === 'hello') {
      if (this.hello) throw new WireError('ERR_BAD_HELLO', 'hello: a second hello on the same link');
      this.hello = event.hello;
    }
    if (this.state === 'handshaking') {
      if (this.options.handshake.receive(this.view!, event) === 'up') this.goUp();
      if (event.kind !== 'hello') return;
    }
    this.options.events.event(this, event);
  }

  private onEnd(): void {
    try {
      this.decoder?.finish();
      this.close('remote', 'the peer closed the connection');
    } catch (err) {
      this.close('violation', describe(err));
    }
  }
}

/** One line for an error met while reading: the peer's fault (bad input) or ours. */
function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return err instanceof WireError ? `bad frame: ${message}` : `error while handling a frame: ${message}`;
}
