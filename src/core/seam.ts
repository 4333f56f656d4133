/**
 * The seam between protocol and transport. A Protocol decides what one node does; a Port is what
 * that node can see and do. The simulator implements Port as a flyweight bound to a node index,
 * real nodes implement it over TCP sockets; both run the same Protocol objects unchanged.
 * Counting is done by whoever implements Port (the engine or the socket layer), never here.
 *
 * Flooding needs only the five members of BasePort. A protocol that sends control messages, sets
 * timers, keeps per-node state, reads the hop count or follows a configured tree names those
 * capabilities in `requires`, and its methods then get a PortWith<those> whose members exist:
 * checked at compile time, no non-null assertions. A transport checks `requires` once when it
 * starts a protocol (assertCapabilities) and refuses one that needs a member it lacks.
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
}

/** Optional seam members a protocol may need. */
export type Capability = keyof CapabilityMembers;

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The port a protocol that requires capabilities C is handed: those members exist. */
export type PortWith<C extends Capability> = BasePort & ([C] extends [never] ? unknown : Intersect<CapabilityMembers[C]>);

/** A transport's port as a protocol of unknown needs sees it: every optional member may be absent. */
export type Port = BasePort & Partial<CapabilityMembers['hop'] & CapabilityMembers['control'] & CapabilityMembers['timers'] & CapabilityMembers['state'] & CapabilityMembers['tree']>;

/** A port with every capability (the simulator's). */
export type FullPort = PortWith<Capability>;

/**
 * A protocol that needs capabilities C. Written with the narrowest C, its methods see exactly
 * those members; `Protocol` alone (C = every capability) is how transports and registries hold
 * any protocol, and its methods then take the loose Port: a transport calls them after checking
 * `requires` once.
 */
export interface Protocol<C extends Capability = Capability> {
  /** The name users type, e.g. 'flood' or 'gossip:0.7'. */
  readonly name: string;
  /**
   * True when receive() does nothing at all for an id this node has already seen. A transport
   * may then count such a copy as a duplicate without handing it to the protocol (the simulator
   * does, which is what makes a 10^6-node flood fast). Counts are unchanged either way.
   */
  readonly ignoresDuplicates?: boolean;
  /** Optional Port members this protocol uses; none means BasePort suffices. */
  readonly requires?: readonly C[];
  /** This node authors `msg`. */
  originate(port: PortFor<C>, msg: Msg): void;
  /** `msg` arrived over `fromLink`. */
  receive(port: PortFor<C>, fromLink: number, msg: Msg): void;
  /** Makes this node's state (then readable as `port.state`) when the node starts. */
  init?(port: PortFor<C>): unknown;
  /** A control message arrived over `fromLink`. */
  onControl?(port: PortFor<C>, fromLink: number, ctrl: Control): void;
  /** A timer this node set has fired. */
  onTimer?(port: PortFor<C>, token: TimerToken): void;
}

/** PortWith<C> for a protocol that names its needs; the loose Port for one that may need anything. */
export type PortFor<C extends Capability> = [Capability] extends [C] ? Port : PortWith<C>;
