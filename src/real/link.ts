/**
 * One TCP connection to a neighbour: a socket, the wire codec chosen for it (wire/choice.ts), its
 * decoder, its write queue, and its state. States, in order:
 *
 *   connecting   dialed, the socket not connected yet (what is sent meanwhile is queued)
 *   detecting    accepted, waiting for the first bytes to choose the codec
 *   handshaking  codec known; only the Handshake writes and reads (handshake.ts)
 *   up           in the flood: the queue flushes, events go to the node
 *   closed       for good; `closed` was called once with the kind and a one-line reason
 *
 * Errors, end, close, bad input and timeouts all go through `close()`. What a peer may cost the
 * link (handshake and partial-frame timeouts, its budget, its score of bad frames) is PeerGuard's
 * (link-limits.ts).
 */
import type { Socket } from 'node:net';
import type { Handshake, HandshakeLink } from './handshake.ts';
import { PeerGuard, type LinkLimits } from './link-limits.ts';
import { LinkOutput } from './link-output.ts';
import { WireError, type Hello, type WireCodec, type WireDecoder, type WireEvent } from './wire/codec.ts';
import { MAX_HELD_FRAMES, WireChoice, type CodecPicker, type Encode } from './wire/choice.ts';

export type { CodecPicker, Encode } from './wire/choice.ts';

export type LinkState = 'connecting' | 'detecting' | 'handshaking' | 'up' | 'closed';

/** Why a link went away: decides whether it is redialed. */
export type CloseKind = 'local' | 'remote' | 'violation' | 'slow' | 'unreachable';

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
  /** A codec (dialing) or a picker that reads the first bytes (accepting). */
  readonly codec: WireCodec | CodecPicker;
  readonly handshake: Handshake;
  /**
   * For an accepted link: the codec to take when it sends nothing for `afterMs` (the Go program
   * never speaks first). Without it, a silent accepted link waits for its first bytes.
   */
  readonly silence?: { readonly afterMs: number; readonly codec: WireCodec };
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
  private readonly wire: WireChoice;
  private decoder: WireDecoder | undefined;
  private readonly writes: LinkOutput;
  /** What the handshake sees of this link, made once the codec is known. */
  private view: HandshakeLink | undefined;
  private readonly guard: PeerGuard;
  private chunkAt = 0;
  /** Takes each event as the decoder makes it (WireDecoder.each); false, to stop it, once the link has closed. */
  private readonly eventSink = (event: WireEvent): boolean => {
    if (this.state === 'closed') return false;
    this.onEvent(event);
    return true;
  };
  private silenceTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly options: LinkOptions,
  ) {
    this.remote = options.remote;
    this.outgoing = options.outgoing;
    this.state = options.outgoing ? 'connecting' : 'detecting';
    this.wire = new WireChoice(options.codec);
    this.guard = new PeerGuard(options.limits, socket, (reason) => this.close('violation', reason));
    this.writes = new LinkOutput(
      socket,
      options.limits,
      (reason) => this.close('slow', reason),
      (n) => (options.traffic.bytesOut += n),
    );
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
      this.guard.startDeadline();
      queueMicrotask(() => this.onConnect());
    }
  }

  /** Bad frames this peer sent that were dropped and scored. */
  get offences(): number {
    return this.guard.offences;
  }

  /**
   * Scores one bad frame from this peer (dropped by the caller). The link closes only when the
   * score reaches its limit, so one bad frame, perhaps relayed, never cuts a link.
   */
  offend(reason: string, now: number = performance.now()): void {
    if (this.state === 'closed') return;
    const limit = this.guard.offend(now);
    this.options.events.offence?.(this, reason);
    if (limit) this.close('violation', `${this.guard.scored} bad frames; the last: ${reason}`);
  }

  /** The codec in use; undefined while an accepted link's first bytes are awaited. */
  get codec(): WireCodec | undefined {
    return this.wire.codec;
  }

  get up(): boolean {
    return this.state === 'up';
  }

  get pendingBytes(): number {
    return this.writes.pendingBytes;
  }

  /**
   * Queues one frame for when the link is up, in the link's codec (held unencoded while an
   * accepted link's codec is unknown); false when closed, dropped for not reading, or the codec
   * cannot carry it.
   */
  send(encode: Encode): boolean {
    if (this.state === 'closed') return false;
    const codec = this.wire.codec;
    const frame = codec ? encode(codec) : undefined;
    if (!codec && !this.wire.hold(encode)) {
      this.close('slow', `${MAX_HELD_FRAMES} frames waiting for the peer to say which wire it speaks`);
      return false;
    }
    if (codec && (!frame || !this.writes.push(codec, frame))) return false;
    this.framesOut++;
    return true;
  }

  /** Writes a handshake frame now, ahead of every queued message. */
  writeFirst(frame: Buffer): void {
    if (this.writes.writeFirst(frame)) this.framesOut++;
  }

  /** Closes the connection (idempotent); `kind` and `reason` are passed on once. */
  close(kind: CloseKind, reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.guard.stop();
    clearTimeout(this.silenceTimer);
    this.wire.clear();
    this.writes.stop();
    this.socket.destroy();
    this.options.events.closed(this, kind, reason);
  }

  private onConnect(): void {
    if (this.state === 'closed') return;
    this.socket.setTimeout(0);
    this.everConnected = true;
    if (this.outgoing) this.guard.startDeadline();
    if (this.wire.codec) this.handshake(this.wire.codec);
    else if (this.options.silence) this.silenceTimer = setTimeout(() => this.onSilence(), this.options.silence.afterMs);
  }

  /** An accepted link said nothing for the silence period: it gets the silence codec. */
  private onSilence(): void {
    if (this.state !== 'detecting' || !this.wire.chooseSilently(this.options.silence!.codec)) return;
    this.startWith(this.wire.codec!);
  }

  /** The codec was chosen on an accepted link: what was held goes to the queue, then the handshake starts. */
  private startWith(codec: WireCodec): boolean {
    for (const frame of this.wire.takeHeld()) if (!this.writes.push(codec, frame)) return false;
    this.handshake(codec);
    return true;
  }

  /** The codec is known and the socket connected: start the handshake. */
  private handshake(codec: WireCodec): void {
    this.decoder = codec.newDecoder(this.options.limits);
    this.state = 'handshaking';
    this.view = { outgoing: this.outgoing, remote: this.remote, codec, writeFirst: (frame) => this.writeFirst(frame) };
    let step: ReturnType<Handshake['start']>;
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
    this.guard.clearDeadline();
    this.writes.start(this.wire.codec!);
    if (this.state !== 'up') return;
    this.options.events.up(this);
  }

  private onData(chunk: Buffer): void {
    this.options.traffic.bytesIn += chunk.length;
    // One time for the whole chunk: frames that arrive together are scored as arriving together.
    this.chunkAt = performance.now();
    try {
      if (!this.decoder) {
        clearTimeout(this.silenceTimer);
        this.silenceTimer = undefined;
        const first = this.wire.feed(chunk);
        if (!first || !this.startWith(this.wire.codec!)) return;
        chunk = first;
      }
      const decoder = this.decoder!;
      let count = 0;
      if (decoder.each) count = decoder.each(chunk, this.eventSink);
      else {
        const events = decoder.push(chunk);
        count = events.length;
        for (const event of events) {
          if (this.state === 'closed') return;
          this.onEvent(event);
        }
      }
      if (this.state === 'closed') return;
      this.guard.watchPartial(decoder.buffered);
      this.guard.pay(count, chunk.length);
    } catch (err) {
      this.close('violation', describe(err));
    }
  }

  private onEvent(event: WireEvent): void {
    this.framesIn++;
    this.writes.received(event);
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
