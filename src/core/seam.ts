/**
 * The seam between protocol and transport. A Protocol decides what one node does; a Port is what
 * that node can see and do. The simulator implements Port as a flyweight bound to a node index,
 * real nodes implement it over TCP sockets; both run the same Protocol objects unchanged.
 * Counting is done by whoever implements Port (the engine or the socket layer), never here.
 *
 * Flooding needs only the first five Port members. Protocols that send control messages, set
 * timers or keep per-node state use the optional ones and say so in `requires`; a transport that
 * lacks a member a protocol requires refuses to run it.
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

/** Optional seam members a protocol may need. */
export type Capability = 'hop' | 'control' | 'timers' | 'state' | 'tree';

export interface Port {
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
  /**
   * Hops the message in hand has travelled (0 at its origin). While a control message or a timer
   * is handled: the hop at which this node first got that message.
   */
  readonly hop?: number;
  /** Transmit a control message over one link; counted apart from payload sends. */
  control?(link: number, ctrl: Control): void;
  /** Calls `protocol.onTimer(port, token)` at this node after `delayMs` of the transport's time. */
  setTimer?(delayMs: number, token: TimerToken): void;
  /** This node's protocol state, made by `Protocol.init` when the node starts; kept across messages. */
  readonly state?: unknown;
  /** True when the link is on the spanning tree the transport was configured with. */
  treeLink?(link: number): boolean;
}

export interface Protocol {
  /** The name users type, e.g. 'flood' or 'gossip:0.7'. */
  readonly name: string;
  /**
   * True when receive() does nothing at all for an id this node has already seen. A transport
   * may then count such a copy as a duplicate without handing it to the protocol (the simulator
   * does, which is what makes a 10^6-node flood fast). Counts are unchanged either way.
   */
  readonly ignoresDuplicates?: boolean;
  /** Optional Port members this protocol uses; none means the first five suffice. */
  readonly requires?: readonly Capability[];
  /** This node authors `msg`. */
  originate(port: Port, msg: Msg): void;
  /** `msg` arrived over `fromLink`. */
  receive(port: Port, fromLink: number, msg: Msg): void;
  /** Makes this node's state (then readable as `port.state`) when the node starts. */
  init?(port: Port): unknown;
  /** A control message arrived over `fromLink`. */
  onControl?(port: Port, fromLink: number, ctrl: Control): void;
  /** A timer this node set has fired. */
  onTimer?(port: Port, token: TimerToken): void;
}
