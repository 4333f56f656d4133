/**
 * The seam between protocol and transport. A Protocol decides what one node does; a Port is what
 * that node can see and do. The simulator implements Port as a flyweight bound to a node index,
 * real nodes implement it over TCP sockets; both run the same Protocol objects unchanged.
 * Counting is done by whoever implements Port (the engine or the socket layer), never here.
 *
 * Flooding needs only the five members of BasePort. A protocol that sends control messages, sets
 * timers, keeps per-node state or per-message slots, reads the hop count, follows a configured
 * tree or serves payloads on request names those capabilities in `requires`, and its methods
 * then get a PortWith<those> whose members exist: checked at compile time, no non-null
 * assertions. A transport checks `requires` once when it starts a protocol (assertCapabilities)
 * and refuses one that needs a member it lacks.
 */
import type { MessageId, Msg } from './message.ts';

/** What a timer hands back to `onTimer`: chosen by the protocol (often a message id). */
export type TimerToken = string | number;

/** A control message: small, about one message id, never a payload (IHAVE, GRAFT, PRUNE, INV, GETDATA). */
export interface Control {
  /** What it asks or tells, e.g. 'ihave'. Counted per type by the transport. */
  readonly type: string;
  readonly id: MessageId;
}

/** What every transport gives every protocol. */
export interface BasePort {
  /** Current number of links; 0..links-1 index them. */
  readonly links: number;
  /** Transmit `msg` over one link. The transport stamps the hop count. */
  send(link: number, msg: Msg): void;
  /** Hand a message to the application (show it, count it). */
  deliver(msg: Msg): void;
  /** The seen cache: true exactly once per id at this node. */
  firstSight(id: MessageId): boolean;
  /** Uniform [0,1) for randomised policies: seeded in the simulator, crypto-backed on real nodes. */
  random(): number;
}

/** The members each optional capability adds to the port. */
export interface CapabilityMembers {
  hop: {
    /**
     * Hops the message in hand has travelled (0 at its origin). While a control message or a
     * timer is handled: the hop at which this node first got that message (-1 if not yet).
     */
    readonly hop: number;
  };
  control: {
    /** Transmit a control message over one link; counted apart from payload sends. */
    control(link: number, ctrl: Control): void;
  };
  timers: {
    /** Calls `protocol.onTimer(port, token)` at this node after `delayMs` of the transport's time. */
    setTimer(delayMs: number, token: TimerToken): void;
  };
  state: {
    /** This node's protocol state, made by `Protocol.init` when the node starts; kept across messages. */
    readonly state: unknown;
  };
  tree: {
    /** True when the link is on the spanning tree the transport was configured with. */
    treeLink(link: number): boolean;
  };
  payloads: {
    /**
     * The message with this id that this node delivered, kept by the transport so the protocol
     * can serve a peer's request (GETDATA, GRAFT); undefined if it has not delivered it. The
     * transport bounds what it keeps (a real node the latest DEFAULT_REMEMBER; the simulator
     * holds the message in flight, which every node shares), so a protocol keeps no copies.
     */
    payload(id: MessageId): Msg | undefined;
  };
  slots: {
    /**
     * Where slots live: `ints[slot(id) + i]` for i below the protocol's `slotWidth`. Only through
     * an offset slot() just gave: in the simulator every node's slots share this one array.
     */
    readonly ints: Int32Array;
    /**
     * Offset in `ints` of this node's slot for message `id`: `slotWidth` int32s, all 0 when the
     * node first asks about `id`, kept while the transport keeps that id (bounded; a slot
     * forgotten reads as zeros again). What a protocol remembers about a message it is fetching,
     * with no object or map per node and message.
     */
    slot(id: MessageId): number;
  };
}

/** Optional seam members a protocol may need. */
export type Capability = keyof CapabilityMembers;

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The port a protocol that requires capabilities C is handed: those members exist. */
export type PortWith<C extends Capability> = BasePort & ([C] extends [never] ? unknown : Intersect<CapabilityMembers[C]>);

/** A transport's port as a protocol of unknown needs sees it: every optional member may be absent. */
export type Port = BasePort & Partial<Intersect<CapabilityMembers[Capability]>>;

/** A port with every capability (the simulator's). */
export type FullPort = PortWith<Capability>;

/** The members every protocol has, whatever port its methods take. */
interface ProtocolOver<P> {
  /** The name users type, e.g. 'flood' or 'gossip:0.7'. */
  readonly name: string;
  /**
   * True when receive() does nothing at all for an id this node has already seen. A transport
   * may then count such a copy as a duplicate without handing it to the protocol (the simulator
   * does, which is what makes a 10^6-node flood fast). Counts are unchanged either way.
   */
  readonly ignoresDuplicates?: boolean;
  /** Int32s per slot, for a protocol that requires 'slots' (a positive integer). */
  readonly slotWidth?: number;
  /** This node authors `msg`. */
  originate(port: P, msg: Msg): void;
  /** `msg` arrived over `fromLink`. */
  receive(port: P, fromLink: number, msg: Msg): void;
  /** Makes this node's state (then readable as `port.state`) when the node starts. */
  init?(port: P): unknown;
  /** A control message arrived over `fromLink`. */
  onControl?(port: P, fromLink: number, ctrl: Control): void;
  /** A timer this node set has fired. */
  onTimer?(port: P, token: TimerToken): void;
}

/**
 * How a protocol is written: it names the capabilities C it needs, and its methods get a
 * PortWith<C>, so using a member it did not ask for fails to compile.
 */
export interface ProtocolWith<C extends Capability> extends ProtocolOver<PortWith<C>> {
  /** Optional Port members this protocol uses; empty when BasePort suffices. */
  readonly requires: readonly C[];
}

/**
 * How transports and the registry hold any protocol: its methods take the loose Port. A
 * transport checks `requires` once (assertCapabilities) and then calls them. Every
 * ProtocolWith<C> is a Protocol.
 */
export interface Protocol extends ProtocolOver<Port> {
  readonly requires?: readonly Capability[];
}
