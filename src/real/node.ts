/**
 * A real node: a core Protocol run over TCP links. RealNode is the one Port implementation of
 * the real transport (links, send, deliver, firstSight, random; hop, control, setTimer, state,
 * payload and slots for protocols that need them) and the only place that counts: a send when
 * the protocol hands a message to a link (control messages apart), a receipt when a link decodes
 * one, a duplicate when firstSight says no during a receipt; bytes are counted by the links. Sockets, codecs,
 * handshakes and redials are the LinkManager's (link-manager.ts, set up by node-mesh.ts); what a
 * link may hand to the protocol (signed, unsigned, or a Go message marked unverified) and the ids
 * seen are Inbound's (trust/inbound.ts). Ids come from node:crypto; the seen ids, the hop
 * memory, the payloads kept and the slots are bounded.
 */
import { randomFillSync } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import type { MessageId, Msg } from '../core/message.ts';
import { DEFAULT_REMEMBER, RecentMap } from '../core/protocols/recent.ts';
import { assertCapabilities, slotWidthOf } from '../core/protocols/requires.ts';
import { MessageSlots } from '../core/message-slots.ts';
import type { Control, Port, Protocol, TimerToken } from '../core/seam.ts';
import { MAX_HOPS, MAX_TEXT, ReceivedMsg, newMessageId } from './codec.ts';
import { HopMemory } from './hop-memory.ts';
import type { Encode, Link } from './link.ts';
import { LinkManager } from './link-manager.ts';
import { meshOptions } from './node-mesh.ts';
import type { NodeStats, PeerInfo, RealNodeOptions } from './node-options.ts';
import type { WireEvent } from './wire/codec.ts';
import { encodeOnce } from './wire/choice.ts';
import { codecNamed } from './wire/pick.ts';
import { Inbound } from './trust/inbound.ts';
import type { NodeKey } from './trust/keys.ts';
import { SignedReceived } from './trust/signed-codec.ts';
import { signMessage, type SignedMsg } from './trust/signed.ts';
import { StampClock } from './trust/stamp-clock.ts';

export type { NodeStats, PeerInfo, RealNodeOptions } from './node-options.ts';

/** The optional seam members a real node provides: no configured spanning tree, so not `tree`. */
export const REAL_NODE_CAPABILITIES = ['hop', 'control', 'timers', 'state', 'payloads', 'slots'] as const;

export class RealNode implements Port {
  name = '';
  readonly protocol: Protocol;
  host = '';
  port = 0;
  /** The links (membership over TCP reads and opens them: real/membership/). */
  readonly mesh: LinkManager;
  /** What links may hand to the protocol, and the ids seen (trust/inbound.ts). */
  private readonly inbound: Inbound;
  /** Only for protocols with control messages or timers: nothing else reads a past hop. */
  private readonly firstHops: HopMemory | undefined;
  /** Only for protocols that serve payloads on request: the latest messages delivered, bounded. */
  private readonly delivered: RecentMap<MessageId, Msg> | undefined;
  /** The protocol's per-message slots (none unless it requires 'slots'), bounded like the store. */
  private readonly slots: MessageSlots | undefined;
  /** The last message sent and its encoder: a message goes to several links in a row, encoded once per codec. */
  private lastSent: Msg | undefined;
  private lastEncode: Encode = NOTHING;
  private readonly randomBuffer = new Uint32Array(1);
  /** Times for the signed messages this node authors, one ms apart at least. */
  private readonly stamps = new StampClock();
  private receiving = false;
  private closing: Promise<void> | undefined;
  private readonly counts = { sent: 0, received: 0, controlSent: 0, controlReceived: 0, duplicates: 0, delivered: 0, badFrames: 0, hopLimited: 0 };
  /** The key this node signs with; undefined: an unsigned node. */
  readonly key: NodeKey | undefined;
  private readonly traffic = { bytesIn: 0, bytesOut: 0 };
  /** During a receipt: the hop count of the copy in hand. During a control message or timer: the hop of first receipt (-1 if none). */
  hop = 0;
  /** The protocol's state for this node (Protocol.init). */
  readonly state: unknown;
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(private readonly options: RealNodeOptions) {
    assertCapabilities(options.protocol, REAL_NODE_CAPABILITIES, 'real node');
    this.protocol = options.protocol;
    this.state = options.protocol.init?.(this);
    const maxEntries = options.seenMaxEntries ?? 100_000;
    this.key = options.key;
    this.inbound = new Inbound({ maxEntries, windowMs: options.seenMaxAgeMs ?? 10 * 60_000, skewMs: options.clockSkewMs ?? 30_000, signedOnly: options.key !== undefined });
    if (options.protocol.onControl || options.protocol.onTimer) this.firstHops = new HopMemory(maxEntries);
    if (options.protocol.requires?.includes('payloads')) this.delivered = new RecentMap(DEFAULT_REMEMBER);
    const slotWidth = slotWidthOf(options.protocol);
    if (slotWidth > 0) this.slots = new MessageSlots(slotWidth, DEFAULT_REMEMBER);
    this.mesh = new LinkManager(
      meshOptions(options, {
        self: () => this,
        traffic: this.traffic,
        event: (link, event) => this.onEvent(link, event),
        badFrame: () => this.counts.badFrames++,
        log: (line) => this.log(line),
      }),
    );
  }

  /** Starts a node listening on host:port (or the next free port); resolves once it listens. */
  static async start(options: RealNodeOptions): Promise<RealNode> {
    const node = new RealNode(options);
    node.host = options.host ?? '127.0.0.1';
    node.port = await node.mesh.transport.listen(node.host, options.port ?? 55555);
    node.name = options.name ?? `node-${node.port}`;
    return node;
  }

  // ---- Port: what the protocol sees ----

  get links(): number {
    return this.mesh.table.size;
  }

  send(link: number, msg: Msg): void {
    const to = this.mesh.table.at(link);
    if (!to || this.options.watch?.carries?.(to) === false) return;
    if (msg !== this.lastSent) {
      const hops = hopsOf(msg) + 1;
      // A message that came at the hop limit is delivered, never forwarded: the neighbour would have to refuse it.
      if (hops > MAX_HOPS) {
        this.counts.hopLimited++;
        this.lastSent = msg;
        this.lastEncode = NOTHING;
        return;
      }
      this.lastSent = msg;
      const s = msg as Partial<SignedMsg>;
      this.lastEncode = encodeOnce(
        s.sig !== undefined ? { id: String(msg.id), origin: msg.origin, text: msg.text, hops, key: s.key!, ts: s.ts!, sig: s.sig } : { id: String(msg.id), origin: msg.origin, text: msg.text, hops },
      );
    }
    if (to.send(this.lastEncode)) this.counts.sent++;
  }

  deliver(msg: Msg): void {
    this.counts.delivered++;
    this.delivered?.set(msg.id, msg);
    this.options.onDeliver?.(msg, hopsOf(msg));
  }

  firstSight(id: MessageId): boolean {
    // Signed ids against the replay guard; every id under its canonical (Go) spelling too.
    const first = this.inbound.firstSight(String(id));
    if (first) this.firstHops?.set(id, this.receiving ? this.hop : 0);
    else if (this.receiving) this.counts.duplicates++;
    return first;
  }

  payload(id: MessageId): Msg | undefined {
    return this.delivered?.get(id);
  }

  get ints(): Int32Array {
    return this.slots?.ints ?? NO_INTS;
  }

  slot(id: MessageId): number {
    return this.slots?.slot(id) ?? 0;
  }

  random(): number {
    return randomFillSync(this.randomBuffer)[0]! / 2 ** 32;
  }

  control(link: number, ctrl: Control): void {
    const to = this.mesh.table.at(link);
    if (to?.send((codec) => codec.encodeControl?.(ctrl))) this.counts.controlSent++;
  }

  setTimer(delayMs: number, token: TimerToken): void {
    if (this.closing) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.closing || !this.protocol.onTimer) return;
      this.hop = this.firstHops?.get(token) ?? -1;
      try {
        this.protocol.onTimer(this, token);
      } finally {
        this.hop = 0;
      }
    }, delayMs);
    this.timers.add(timer);
  }

  // ---- what the application does ----

  /** Authors a chat message and floods it; returns it. */
  originate(text: string): Msg {
    if (text.length > MAX_TEXT) throw new InputError('ERR_BAD_TEXT', `node: a message of ${text.length} characters is too long; at most ${MAX_TEXT}`);
    const msg: Msg = this.key ? signMessage(this.key, this.name, text, this.stamps.next()) : { id: newMessageId(), origin: this.name, text };
    try {
      if (this.key) this.inbound.during((msg as SignedMsg).ts, () => this.protocol.originate(this, msg));
      else this.protocol.originate(this, msg);
    } finally {
      this.forgetLastSent();
    }
    return msg;
  }

  /**
   * Opens a link to host:port. The link exists at once: what is sent before it is up is queued
   * and goes out when it is. `redial` makes the node dial again if the link drops. Refused, with
   * one logged line and false, when host:port is this node or a node already linked.
   */
  connect(host: string, port: number, redial = false, wire?: 'json' | 'gob'): boolean {
    if (!(Number.isInteger(port) && port >= 1 && port <= 65_535)) throw new InputError('ERR_BAD_PORT', `connect: port ${port} must be from 1 to 65535`);
    if (wire === 'gob' && this.options.wire === 'json') {
      this.log(`not dialing gob://${host}:${port}: this node takes floodlab's wire only (--wire json), and a gob link cannot be authenticated`);
      return false;
    }
    return !this.closing && this.mesh.connect(host, port, redial, wire ? codecNamed(wire) : undefined);
  }

  stats(): NodeStats {
    const { table } = this.mesh;
    let connected = 0;
    for (let k = 0; k < table.size; k++) if (table.at(k)?.up) connected++;
    // Field by field, not spread from three objects: launchers poll this every millisecond, and V8
    // builds a spread of several sources slowly, into objects that outlive young collections.
    const c = this.counts;
    const t = this.inbound.counts;
    return {
      sent: c.sent,
      received: c.received,
      controlSent: c.controlSent,
      controlReceived: c.controlReceived,
      duplicates: c.duplicates,
      delivered: c.delivered,
      badFrames: c.badFrames,
      hopLimited: c.hopLimited,
      badSignatures: t.badSignatures,
      stale: t.stale,
      unsigned: t.unsigned,
      unverified: t.unverified,
      bytesIn: this.traffic.bytesIn,
      bytesOut: this.traffic.bytesOut,
      peers: table.peers,
      connected,
      dropped: this.mesh.dropped,
      seen: this.inbound.size,
      refused: this.mesh.refused,
    };
  }

  /** Every link, then every link waiting to be redialed. */
  peers(): PeerInfo[] {
    return this.mesh.peers();
  }

  /** Closes the listener and every link, stops redials and timers; resolves when all sockets closed. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      await this.mesh.close();
    })();
    return this.closing;
  }

  // ---- what links bring ----

  private onEvent(link: Link, event: WireEvent): void {
    if (event.kind === 'control') {
      this.counts.controlReceived++;
      this.hop = this.firstHops?.get(event.control.id) ?? -1;
      try {
        this.protocol.onControl?.(this, link.link, event.control);
      } finally {
        this.hop = 0;
      }
      return;
    }
    if (event.kind !== 'message') return;
    const m = event.message;
    this.counts.received++;
    const msg = this.inbound.admit(link, m);
    if (!msg) return;
    this.receiving = true;
    this.hop = msg.hops;
    this.inbound.enter(msg instanceof SignedReceived ? msg.ts : undefined);
    try {
      this.protocol.receive(this, link.link, msg);
    } finally {
      this.inbound.leave();
      this.receiving = false;
      this.hop = 0;
      this.forgetLastSent();
    }
  }

  /**
   * The last message's encoding is shared by the links it goes to in one go; kept past that, it
   * would wait for the node's next message long enough to be promoted to the old generation.
   */
  private forgetLastSent(): void {
    this.lastSent = undefined;
    this.lastEncode = NOTHING;
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

const NO_INTS = new Int32Array(0);
/** The encoding of a message that goes nowhere. */
const NOTHING: Encode = () => undefined;

/** Hop count at which a node got `msg`: 0 for its own messages. */
function hopsOf(msg: Msg): number {
  return msg instanceof ReceivedMsg || msg instanceof SignedReceived ? msg.hops : 0;
}
