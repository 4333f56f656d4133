/**
 * The membership side of the seam. A node runs two protocols over one transport: membership decides
 * which links exist, dissemination (flood, gossip, plumtree…) decides what to send on them. This file
 * adds the capabilities membership needs (link events, open/close, control messages carrying
 * addresses) beside the dissemination Port of ../seam.ts; a node's full port is `Port & MembershipPort`.
 *
 * Transport guarantees a membership protocol may rely on (the simulator and TCP must both keep them):
 *  - at most one link per pair of addresses: `open(to)` toward an address already linked (or linked
 *    meanwhile by the other side) ends in `onOpenFailed(to, 'linked')`, never in a second link;
 *  - every `open(to)` ends exactly once: `onLinkUp(link, to)` at both ends, or `onOpenFailed(to, …)`;
 *  - a link index is stable while the link lives; a freed index may be reused by a later link;
 *  - messages on one link arrive in order, and all those sent before `close(link)` arrive before
 *    the far end's `onLinkDown`; the closing end gets no `onLinkDown` for its own close.
 */
import type { BasePort, TimerToken } from '../seam.ts';
import type { Address } from './address.ts';
import type { MembershipMsg } from './messages.ts';

export type { Address } from './address.ts';

/** The `link` argument of `onControl` for a one-shot message sent with `controlTo` (no link). */
export const NO_LINK = -1;

/** Why an open failed: nobody answered, a link to that address already exists, or an end has no room for another link. */
export type OpenFailure = 'unreachable' | 'linked' | 'refused';

/** What a membership protocol can see and do at one node. */
export interface MembershipPort extends Pick<BasePort, 'links' | 'random'> {
  /** This node's own address. */
  readonly self: Address;
  /** The address it was told to join through (undefined for the first node, an entry). */
  readonly entry: Address | undefined;
  /** Number of link slots; 0..links-1 index them, a free slot has no `peer`. */
  readonly links: number;
  /** The address at the other end of `link`, or undefined when the slot is free. */
  peer(link: number): Address | undefined;
  /** Ask the transport for a link to `to` (async on TCP): `onLinkUp` or `onOpenFailed` follows. */
  open(to: Address): void;
  /** Close `link` after the messages already sent on it; idempotent. */
  close(link: number): void;
  /** Send a membership control message over `link`; counted apart from payload sends. */
  control(link: number, msg: MembershipMsg): void;
  /** A one-shot message to a node with no link (dial, send, hang up on TCP); lost silently if unreachable. */
  controlTo(to: Address, msg: MembershipMsg): void;
  /** Calls `onTimer(port, token)` at this node after `delayMs` of the transport's time. */
  setTimer(delayMs: number, token: TimerToken): void;
  /** This node's membership state, made by `Membership.init`. */
  readonly state: unknown;
}

/** A membership protocol: pure, all randomness through `port.random()`, all time through timers. */
export interface Membership {
  /** 'blog' or 'hyparview'. */
  readonly name: string;
  /** The number of links a node aims to keep (K, `--want`). */
  readonly want: number;
  /** Link slots a node may need at once, transient links included (a transport sizes per-node blocks from it). */
  readonly linkSlots: number;
  /** Makes this node's state (then readable as `port.state`). */
  init(port: MembershipPort): unknown;
  /** The node starts: join through `port.entry` when there is one. */
  onStart(port: MembershipPort): void;
  /** A link to `peer` is up (opened by either end). */
  onLinkUp(port: MembershipPort, link: number, peer: Address): void;
  /** The link to `peer` went down: closed by the far end, or the far end failed. */
  onLinkDown(port: MembershipPort, link: number, peer: Address): void;
  /** An `open(to)` this node asked for failed. */
  onOpenFailed(port: MembershipPort, to: Address, why: OpenFailure): void;
  /** A control message arrived over `link` (NO_LINK for a one-shot message). */
  onControl(port: MembershipPort, link: number, msg: MembershipMsg): void;
  /** A timer this node set has fired. */
  onTimer(port: MembershipPort, token: TimerToken): void;
  /**
   * Whether `link` is part of the overlay at this node (dissemination may use it); absent means every
   * link is. HyParView's links are its active view; a link opened to ask NEIGHBOR is not, until accepted.
   */
  admitted?(port: MembershipPort, link: number): boolean;
}

/** The live links of a node as (link, peer) pairs, in link order. */
export function liveLinks(port: MembershipPort): { link: number; peer: Address }[] {
  const out: { link: number; peer: Address }[] = [];
  for (let link = 0; link < port.links; link++) {
    const peer = port.peer(link);
    if (peer !== undefined) out.push({ link, peer });
  }
  return out;
}

/** A uniform pick from a non-empty array through the port's generator. */
export function pick<T>(port: Pick<MembershipPort, 'random'>, items: readonly T[]): T {
  return items[Math.floor(port.random() * items.length)]!;
}
