/**
 * Membership control messages, one discriminated union for both protocols, and their byte-size model
 * so that membership traffic is counted on the same footing as payload sends (see ../sizes.ts).
 * An address is modelled as 6 bytes (IPv4 address + port), as a compact wire format would carry it.
 */
import { FRAME_BYTES, TYPE_BYTES } from '../sizes.ts';
import type { Address } from './address.ts';

/** blog: a join request walking the network at random; `hops` it has made so far. */
export interface JoinReq {
  readonly type: 'join_req';
  readonly joiner: Address;
  readonly hops: number;
}
/** HyParView: the joiner's first message to its contact, over the link it opened. */
export interface Join {
  readonly type: 'join';
}
/** HyParView: the contact spreads the joiner by random walks; `ttl` steps left. */
export interface ForwardJoin {
  readonly type: 'forward_join';
  readonly joiner: Address;
  readonly ttl: number;
}
/** HyParView: sent over the link a walk's last node opened to the joiner ("add me": the joiner must). */
export interface JoinAccept {
  readonly type: 'join_accept';
}
/** HyParView: "I dropped you from my active view" (then the sender closes the link). */
export interface Disconnect {
  readonly type: 'disconnect';
}
/** HyParView: ask to enter the receiver's active view; high priority must be accepted. */
export interface Neighbor {
  readonly type: 'neighbor';
  readonly high: boolean;
}
export interface NeighborReply {
  readonly type: 'neighbor_reply';
  readonly accepted: boolean;
}
/** HyParView: a sample of the origin's views walking `ttl` more steps. */
export interface Shuffle {
  readonly type: 'shuffle';
  readonly origin: Address;
  readonly nodes: readonly Address[];
  readonly ttl: number;
}
/** HyParView: the walk's last node answers the origin directly (one-shot) with a sample of its passive view. */
export interface ShuffleReply {
  readonly type: 'shuffle_reply';
  readonly nodes: readonly Address[];
}

export type MembershipMsg = JoinReq | Join | ForwardJoin | JoinAccept | Disconnect | Neighbor | NeighborReply | Shuffle | ShuffleReply;

/** Every type, for counters that list them all. */
export const MEMBERSHIP_MSG_TYPES: readonly MembershipMsg['type'][] = ['join_req', 'join', 'forward_join', 'join_accept', 'disconnect', 'neighbor', 'neighbor_reply', 'shuffle', 'shuffle_reply'];

/** Modelled bytes of one address on the wire (IPv4 + port). */
export const ADDRESS_BYTES = 6;
/** Bytes of a hop counter, TTL, flag or list length. */
export const SMALL_BYTES = 1;

/** Bytes of one membership message under the model: frame + type + its fields. */
export function membershipMsgBytes(msg: MembershipMsg): number {
  const head = FRAME_BYTES + TYPE_BYTES;
  switch (msg.type) {
    case 'join_req':
    case 'forward_join':
      return head + ADDRESS_BYTES + SMALL_BYTES;
    case 'join':
    case 'join_accept':
    case 'disconnect':
      return head;
    case 'neighbor':
    case 'neighbor_reply':
      return head + SMALL_BYTES;
    case 'shuffle':
      return head + ADDRESS_BYTES + 2 * SMALL_BYTES + ADDRESS_BYTES * msg.nodes.length;
    case 'shuffle_reply':
      return head + SMALL_BYTES + ADDRESS_BYTES * msg.nodes.length;
  }
}
