/**
 * One TCP connection to a neighbour: a socket, the wire codec chosen for it, its decoder, its
 * write queue, and its state. States, in order:
 *
 *   connecting   dialed, the socket not connected yet (what is sent meanwhile is queued)
 *   detecting    accepted, waiting for the first bytes to choose the codec (CodecPicker), or for
 *                the picker's silence rule (a Go node never speaks first)
 *   handshaking  codec known; only the Handshake writes and reads (see handshake.ts)
 *   up           in the flood: the queue flushes, events go to the node
 *   closed       for good; `closed` was called once with the kind and a one-line reason
 *
 * Errors, end, close, bad input and timeouts all go through `close()`.
 */
import type { Socket } from 'node:net';
import type { Handshake, HandshakeLink } from './handshake.ts';
import { WireError, type Hello, type WireCodec, type WireDecoder, type WireEvent, type WireLimits, type WirePacer } from './wire/codec.ts';
import { WriteQueue, type WriteLimits } from './write-queue.ts';

export interface LinkLimits extends WireLimits, WriteLimits {
  /** Longest time an outgoing connection may take to connect. */
  readonly connectTimeoutMs: number;
}

export type LinkState = 'connecting' | 'detecting' | 'handshaking' | 'up' | 'closed';

/** Why a link went away: decides whether it is redialed. */
export type CloseKind = 'local' | 'remote' | 'violation' | 'slow' | 'unreachable';

/**
 * Chooses an accepted link's codec from its first bytes; undefined: wait for more. `silent`: the
 * codec of a link that has sent nothing `afterMs` after it connected.
 */
export type CodecPicker = ((first: Buffer) => WireCodec | undefined) & {
  readonly silent?: { readonly afterMs: number; readonly codec: WireCodec };
};

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
  /** Paces messages for a codec that needs it (gob); made with the codec. */
  private pacer: WirePacer | undefined;
  private silenceTimer: NodeJS.Timeout | undefined;
  /** What the handshake sees of this link, made once the codec is known. */
  private view: HandshakeLink | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly options: LinkOptions,
  ) {
    this.remote = options.remote;
    this.outgoing = options.outgoing;
    this.state = options.outgoing ? 'connecting' : 'detecting';
    this.writes = new WriteQueue(socket, options.limits, (reason) => this.close('slow', reason), (n) => (options.traffic.bytesOut += n));
    if (typeof options.codec !== 'function') this.setCodec(options.codec);
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
      queueMicrotask(() => this.onConnect());
    }
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
   * an accepted link's codec is unknown, and until it is up when its codec is paced); false when
   * closed, dropped for not reading, or the codec cannot carry it.
   */
  send(encode: Encode): boolean {
    if (this.state === 'closed') return false;
    if (!this.chosen || (this.pacer && this.state !== 'up')) {
      if (this.held.length >= MAX_HELD_FRAMES) {
        this.close('slow', `${MAX_HELD_FRAMES} frames waiting for the peer to say which wire it speaks`);
        return false;
      }
      this.held.push(encode);
      this.framesOut++;
      return true;
    }
    const frame = encode(this.chosen);
    if (!frame || !this.enqueue(frame)) return false;
    this.framesOut++;
    return true;
  }

  /** A message frame goes to the pacer, when the codec has one, else straight to the queue. */
  private enqueue(frame: Buffer): boolean {
    return this.pacer ? this.pacer.send(frame) : this.writes.push(frame);
  }

  private setCodec(codec: WireCodec): void {
    this.chosen = codec;
    this.pacer = codec.newPacer?.((frame) => this.writes.push(frame));
  }

  writeFirst(frame: Buffer): void {
    this.writes.writeFirst(frame);
  }

  /** Closes the connection (idempotent); `kind` and `reason` are passed on once. */
  close(kind: CloseKind, reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.held = [];
    this.pacer?.close();
    clearTimeout(this.silenceTimer);
    this.writes.stop();
    this.socket.destroy();
    this.options.events.closed(this, kind, reason);
  }

  private onConnect(): void {
    if (this.state === 'closed') return;
    this.socket.setTimeout(0);
    this.everConnected = true;
    if (this.chosen) this.handshake();
    else {
      const silent = (this.options.codec as CodecPicker).silent;
      if (silent) this.silenceTimer = setTimeout(() => this.choose(silent.codec), silent.afterMs);
    }
  }

  /** The codec is known and the socket connected: start the handshake. */
  private handshake(): void {
    this.decoder = this.chosen!.newDecoder(this.options.limits);
    if (this.state === 'closed') return;
    this.state = 'handshaking';
    this.view = { outgoing: this.outgoing, remote: this.remote, codec: this.chosen!, writeFirst: (frame) => this.writeFirst(frame) };
    if (this.options.handshake.start(this.view) === 'up') this.goUp();
  }

  private goUp(): void {
    if (this.state !== 'handshaking') return;
    this.state = 'up';
    this.writes.start();
    if (this.pacer) this.flushHeld();
    this.options.events.up(this);
  }

  private onData(chunk: Buffer): void {
    this.options.traffic.bytesIn += chunk.length;
    try {
      if (!this.decoder) {
        const picked = this.detect(chunk);
        if (!picked) return;
        chunk = picked;
      }
      for (const event of this.decoder!.push(chunk)) {
        if (this.state === 'closed') return;
        this.onEvent(event);
      }
    } catch (err) {
      this.close('violation', describe(err));
    }
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
    this.choose(codec);
    return first;
  }

  /** An accepted link's codec is known (from its bytes or its silence): hand it the held frames. */
  private choose(codec: WireCodec): void {
    if (this.state !== 'detecting') return;
    clearTimeout(this.silenceTimer);
    this.setCodec(codec);
    if (!this.pacer) this.flushHeld();
    this.handshake();
  }

  /** Frames sent while the codec was unknown (or a paced link not up) go out, in order. */
  private flushHeld(): void {
    const held = this.held;
    this.held = [];
    for (const encode of held) {
      const frame = encode(this.chosen!);
      // A pacer may decline a frame the peer already has; only a closed link ends the flush.
      if (frame && !this.enqueue(frame) && this.state === 'closed') break;
    }
  }

  private onEvent(event: WireEvent): void {
    this.framesIn++;
    this.pacer?.received(event);
    if (event.kind === 'invalid') throw event.error;
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
