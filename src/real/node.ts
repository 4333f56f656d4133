/**
 * A real node: a core Protocol run over TCP peers. RealNode is the one Port implementation of
 * the real transport (links, send, deliver, firstSight, random; hop, control, setTimer and state
 * for protocols that need them) and the only place that counts: a send and its bytes when the
 * protocol hands a frame to a peer (control frames apart), a receipt and its bytes when a frame
 * is decoded, a duplicate when firstSight says no during a receipt. The protocol itself
 * neither counts nor knows about sockets. Ids come from node:crypto; the seen cache is bounded.
 */
import { randomFillSync } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { InputError } from '../core/errors.ts';
import type { MessageId, Msg } from '../core/message.ts';
import { assertCapabilities } from '../core/protocols/requires.ts';
import type { Control, Port, Protocol, TimerToken } from '../core/seam.ts';
import { BoundedSeenCache } from '../core/seen.ts';
import { MAX_TEXT, ReceivedMsg, decodeFrame, encodeControlFrame, encodeMessageFrame, newMessageId } from './codec.ts';
import { PREFIX_BYTES } from './frame.ts';
import { LinkTable } from './links.ts';
import { listenFrom } from './listen.ts';
import { DEFAULT_LIMITS, type NodeStats, type PeerInfo, type RealNodeOptions } from './node-options.ts';
import { Peer, type CloseKind, type PeerLimits } from './peer.ts';
import { Redialer } from './redial.ts';

export type { NodeStats, PeerInfo, RealNodeOptions } from './node-options.ts';

/** The optional seam members a real node provides: no configured spanning tree, so not `tree`. */
export const REAL_NODE_CAPABILITIES = ['hop', 'control', 'timers', 'state'] as const;

interface Dial {
  readonly host: string;
  readonly port: number;
  readonly attempt: number;
}

export class RealNode implements Port {
  name = '';
  readonly protocol: Protocol;
  host = '';
  port = 0;
  private readonly server: Server;
  private readonly table = new LinkTable();
  private readonly seenCache: BoundedSeenCache;
  private readonly limits: PeerLimits;
  private readonly dials = new WeakMap<Peer, Dial>();
  private readonly redialer: Redialer;
  private readonly all = new Set<Peer>();
  /** The last message sent and its frame: a message goes to several links in a row, encoded once. */
  private lastSent: Msg | undefined;
  private lastFrame: Buffer = Buffer.alloc(0);
  private readonly randomBuffer = new Uint32Array(1);
  private receiving = false;
  private closing: Promise<void> | undefined;
  private readonly counts = { sent: 0, received: 0, controlSent: 0, controlReceived: 0, duplicates: 0, delivered: 0, bytesIn: 0, bytesOut: 0, dropped: 0 };
  /** Hop count of the message being received (0 otherwise). */
  hop = 0;
  /** The protocol's state for this node (Protocol.init). */
  readonly state: unknown;
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(private readonly options: RealNodeOptions) {
    assertCapabilities(options.protocol, REAL_NODE_CAPABILITIES, 'real node');
    this.protocol = options.protocol;
    this.state = options.protocol.init?.(this);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.seenCache = new BoundedSeenCache({ maxEntries: options.seenMaxEntries ?? 100_000, maxAge: options.seenMaxAgeMs ?? 10 * 60_000, now: () => performance.now() });
    this.server = createServer({ noDelay: true }, (socket) => {
      if (this.closing) socket.destroy();
      else this.adopt(socket, `${socket.remoteAddress}:${socket.remotePort}`, false);
    });
    this.redialer = new Redialer((host, port, attempt) => this.dial(host, port, attempt));
  }

  /** Starts a node listening on host:port (or the next free port); resolves once it listens. */
  static async start(options: RealNodeOptions): Promise<RealNode> {
    const node = new RealNode(options);
    node.host = options.host ?? '127.0.0.1';
    node.port = await listenFrom(node.server, node.host, options.port ?? 55555);
    node.server.on('error', (err) => node.log(`listener error: ${err.message}`));
    node.name = options.name ?? `node-${node.port}`;
    return node;
  }

  // ---- Port: what the protocol sees ----

  get links(): number {
    return this.table.size;
  }

  send(link: number, msg: Msg): void {
    const peer = this.table.at(link);
    if (!peer) return;
    if (msg !== this.lastSent) {
      this.lastFrame = encodeMessageFrame(msg, hopsOf(msg) + 1);
      this.lastSent = msg;
    }
    const frame = this.lastFrame;
    if (!peer.send(frame)) return;
    this.counts.sent++;
    this.counts.bytesOut += frame.length;
  }

  deliver(msg: Msg): void {
    this.counts.delivered++;
    this.options.onDeliver?.(msg, hopsOf(msg));
  }

  firstSight(id: MessageId): boolean {
    const first = this.seenCache.firstSight(id);
    if (!first && this.receiving) this.counts.duplicates++;
    return first;
  }

  random(): number {
    return randomFillSync(this.randomBuffer)[0]! / 2 ** 32;
  }

  control(link: number, ctrl: Control): void {
    const peer = this.table.at(link);
    if (!peer) return;
    const frame = encodeControlFrame(ctrl);
    if (!peer.send(frame)) return;
    this.counts.controlSent++;
    this.counts.bytesOut += frame.length;
  }

  setTimer(delayMs: number, token: TimerToken): void {
    if (this.closing) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closing) this.protocol.onTimer?.(this, token);
    }, delayMs);
    this.timers.add(timer);
  }

  // ---- what the application does ----

  /** Authors a chat message and floods it; returns it. */
  originate(text: string): Msg {
    if (text.length > MAX_TEXT) throw new InputError('ERR_BAD_TEXT', `node: a message of ${text.length} characters is too long; at most ${MAX_TEXT}`);
    const msg: Msg = { id: newMessageId(), origin: this.name, text };
    this.protocol.originate(this, msg);
    return msg;
  }

  /**
   * Opens a link to host:port. The link exists at once: what is sent before the socket connects
   * is queued and goes out when it does. `redial` makes the node dial again if the link drops.
   */
  connect(host: string, port: number, redial = false): void {
    if (!(Number.isInteger(port) && port >= 1 && port <= 65_535)) throw new InputError('ERR_BAD_PORT', `connect: port ${port} must be from 1 to 65535`);
    if (this.closing) return;
    if (port === this.port && (host === this.host || host === 'localhost' || (this.host === '127.0.0.1' && host.startsWith('127.')))) {
      this.log(`${host}:${port} is this node itself; connect to another node's address`);
      return;
    }
    this.dial(host, port, redial ? 0 : -1);
  }

  stats(): NodeStats {
    const connected = this.table.list().filter((p) => p.connected).length;
    return { ...this.counts, peers: this.table.peers, connected, seen: this.seenCache.size };
  }

  peers(): PeerInfo[] {
    return this.table.list().map((p) => ({ link: p.link, remote: p.remote, direction: p.outgoing ? 'out' : 'in', connected: p.connected, framesIn: p.framesIn, framesOut: p.framesOut, pendingBytes: p.pendingBytes }));
  }

  /** Closes the listener and every connection, stops redials; resolves when all sockets closed. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.redialer.stop();
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      for (const peer of [...this.all]) peer.close('local', 'node shutting down');
      await Promise.all([closed, ...[...this.all].map((p) => p.done)]);
    })();
    return this.closing;
  }

  // ---- peers ----

  /** attempt: -1 = a plain connect, 0 = a connect that is redialed on drop, k > 0 = redial k. */
  private dial(host: string, port: number, attempt: number): void {
    const socket = createConnection({ host, port, noDelay: true });
    const peer = this.adopt(socket, `${host}:${port}`, true);
    if (attempt >= 0) this.dials.set(peer, { host, port, attempt });
  }

  private adopt(socket: Socket, remote: string, outgoing: boolean): Peer {
    const peer = new Peer(socket, remote, outgoing, this.limits, {
      connected: (p) => this.onConnected(p),
      frame: (p, body) => this.onFrame(p, body),
      closed: (p, kind, reason) => this.onClosed(p, kind, reason),
    });
    this.all.add(peer);
    this.table.add(peer);
    return peer;
  }

  private onConnected(peer: Peer): void {
    const dial = this.dials.get(peer);
    if (dial && dial.attempt > 0) this.dials.set(peer, { ...dial, attempt: 0 });
    this.log(peer.outgoing ? `connected to ${peer.remote} (link ${peer.link})` : `${peer.remote} connected to us (link ${peer.link})`);
  }

  private onFrame(peer: Peer, body: Buffer): void {
    const frame = decodeFrame(body);
    this.counts.bytesIn += PREFIX_BYTES + body.length;
    if (!(frame instanceof ReceivedMsg)) {
      this.counts.controlReceived++;
      this.protocol.onControl?.(this, peer.link, frame);
      return;
    }
    this.counts.received++;
    this.receiving = true;
    this.hop = frame.hops;
    try {
      this.protocol.receive(this, peer.link, frame);
    } finally {
      this.receiving = false;
      this.hop = 0;
    }
  }

  private onClosed(peer: Peer, kind: CloseKind, reason: string): void {
    this.table.remove(peer);
    peer.done.then(() => this.all.delete(peer), () => this.all.delete(peer));
    if (kind === 'local') return;
    if (peer.everConnected) this.counts.dropped++;
    const dial = this.dials.get(peer);
    const what = peer.everConnected ? `link to ${peer.remote} dropped: ${reason}` : `connect to ${peer.remote} failed: ${reason}`;
    if (!dial || this.closing || kind === 'violation' || kind === 'slow' || (!peer.everConnected && dial.attempt === 0)) {
      this.log(what);
      return;
    }
    const next = peer.everConnected ? 1 : dial.attempt + 1;
    if (this.redialer.schedule(dial.host, dial.port, next)) this.log(`${what}; redialing (try ${next})`);
    else this.log(`${what}; gave up redialing`);
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

/** Hop count at which a node got `msg`: 0 for its own messages. */
function hopsOf(msg: Msg): number {
  return msg instanceof ReceivedMsg ? msg.hops : 0;
}
