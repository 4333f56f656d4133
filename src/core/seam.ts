/**
 * The seam between protocol and transport. A Protocol decides what one node does; a Port is what
 * that node can see and do. The simulator implements Port as a flyweight bound to a node index,
 * real nodes implement it over TCP sockets; both run the same Protocol objects unchanged.
 * Counting is done by whoever implements Port (the engine or the socket layer), never here.
 */
import type { MessageId, Msg } from './message.ts';

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
}

export interface Protocol {
  /** The name users type, e.g. 'flood' or 'flood-echo'. */
  readonly name: string;
  /**
   * True when receive() does nothing at all for an id this node has already seen. A transport
   * may then count such a copy as a duplicate without handing it to the protocol (the simulator
   * does, which is what makes a 10^6-node flood fast). Counts are unchanged either way.
   */
  readonly ignoresDuplicates?: boolean;
  /** This node authors `msg`. */
  originate(port: Port, msg: Msg): void;
  /** `msg` arrived over `fromLink`. */
  receive(port: Port, fromLink: number, msg: Msg): void;
}
