/**
 * One TCP connection to a neighbour. It frames what goes out and decodes what comes in, and it
 * is where socket hygiene lives: frames are queued and flushed once per tick (one write for many
 * frames); `write()`'s return value and 'drain' gate the flush; queued plus socket-buffered bytes
 * are capped, and a peer that lets them pass the cap, or stays blocked too long, is dropped so it
 * cannot stall the node. Errors, end, close, bad frames and timeouts all go through `close()`.
 */
import type { Socket } from 'node:net';
import { FrameDecoder } from './frame.ts';

export interface PeerLimits {
  /** Largest frame body accepted from this peer. */
  readonly maxFrameBytes: number;
  /** Most bytes waiting to go to this peer (our queue + the socket's buffer) before it is dropped. */
  readonly maxWriteBufferBytes: number;
  /** Longest time writes may stay blocked (no 'drain') before the peer is dropped. */
  readonly stallTimeoutMs: number;
  /** Longest time an outgoing connection may take to connect. */
  readonly connectTimeoutMs: number;
}

/** Why a peer went away: decides whether a link is redialed. */
export type CloseKind = 'local' | 'remote' | 'violation' | 'slow' | 'unreachable';

export interface PeerEvents {
  /** The socket connected (outgoing) or was accepted (incoming). */
  connected(peer: Peer): void;
  /** One frame body; may throw (e.g. a CodecError), which closes this peer as a violation. */
  frame(peer: Peer, body: Buffer): void;
  /** Called once, whatever the cause. */
  closed(peer: Peer, kind: CloseKind, reason: string): void;
}

export class Peer {
  /** Link slot at the node; set by the node's link table. */
  link = -1;
  connected = false;
  closed = false;
  /** True once it ever connected, to tell "could not connect" from "dropped". */
  everConnected = false;
  framesIn = 0;
  framesOut = 0;
  /** Resolves when the socket has closed. */
  readonly done: Promise<void>;
  private readonly decoder: FrameDecoder;
  private queue: Buffer[] = [];
  private queuedBytes = 0;
  private flushScheduled = false;
  private blocked = false;
  private stallTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: Socket,
    /** 'host:port' dialed (outgoing) or seen (incoming). */
    readonly remote: string,
    readonly outgoing: boolean,
    private readonly limits: PeerLimits,
    private readonly events: PeerEvents,
  ) {
    this.decoder = new FrameDecoder((body) => this.onFrame(body), limits.maxFrameBytes);
    this.done = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.onDrain());
    socket.on('end', () => this.onEnd());
    socket.on('error', (err: NodeJS.ErrnoException) => this.close(this.connected ? 'remote' : 'unreachable', err.code ?? err.message));
    socket.on('close', () => this.close('remote', 'connection closed'));
    socket.on('timeout', () => this.close('unreachable', `no connection after ${limits.connectTimeoutMs} ms`));
    if (outgoing) {
      socket.setTimeout(limits.connectTimeoutMs);
      socket.once('connect', () => this.onConnect());
    } else {
      queueMicrotask(() => this.onConnect());
    }
  }

  /** Bytes waiting to be written to this peer. */
  get pendingBytes(): number {
    return this.queuedBytes + this.socket.writableLength;
  }

  /** Queues one frame; false when the peer is closed or was dropped for not reading. */
  send(frame: Buffer): boolean {
    if (this.closed) return false;
    if (this.pendingBytes + frame.length > this.limits.maxWriteBufferBytes) {
      this.close('slow', `over ${this.limits.maxWriteBufferBytes} bytes waiting: the peer is not reading`);
      return false;
    }
    this.queue.push(frame);
    this.queuedBytes += frame.length;
    this.framesOut++;
    this.scheduleFlush();
    return true;
  }

  /** Closes the connection (idempotent); `kind` and `reason` are passed to the node once. */
  close(kind: CloseKind, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.connected = false;
    this.decoder.stop();
    clearTimeout(this.stallTimer);
    this.queue = [];
    this.queuedBytes = 0;
    this.socket.destroy();
    this.events.closed(this, kind, reason);
  }

  private onConnect(): void {
    if (this.closed) return;
    this.socket.setTimeout(0);
    this.connected = true;
    this.everConnected = true;
    this.events.connected(this);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || !this.connected || this.blocked || this.queue.length === 0) return;
    this.flushScheduled = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.closed || !this.connected || this.blocked || this.queue.length === 0) return;
    const data = this.queue.length === 1 ? this.queue[0]! : Buffer.concat(this.queue, this.queuedBytes);
    this.queue = [];
    this.queuedBytes = 0;
    if (!this.socket.write(data)) {
      this.blocked = true;
      this.stallTimer = setTimeout(() => this.close('slow', `writes blocked for ${this.limits.stallTimeoutMs} ms: the peer is not reading`), this.limits.stallTimeoutMs);
    }
  }

  private onDrain(): void {
    this.blocked = false;
    clearTimeout(this.stallTimer);
    this.scheduleFlush();
  }

  private onData(chunk: Buffer): void {
    try {
      this.decoder.push(chunk);
    } catch (err) {
      this.close('violation', describe(err));
    }
  }

  private onFrame(body: Buffer): void {
    this.framesIn++;
    this.events.frame(this, body);
  }

  private onEnd(): void {
    try {
      this.decoder.end();
      this.close('remote', 'the peer closed the connection');
    } catch (err) {
      this.close('violation', describe(err));
    }
  }
}

/** One line for an error met while reading: the peer's fault (bad frame) or ours. */
function describe(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  return typeof code === 'string' && (code.startsWith('ERR_FRAME') || code === 'ERR_BAD_BODY') ? `bad frame: ${message}` : `error while handling a frame: ${message}`;
}
