/**
 * HyParView (Leitão, Pereira, Rodrigues, "HyParView: a membership protocol for reliable gossip-based
 * broadcast", DSN 2007). Each node keeps a small symmetric active view (its links; never more than
 * `activeSize` = K of them) and a larger passive view of addresses it is not linked to.
 *  - Join: the newcomer links to its contact and sends JOIN; the contact admits it and sends
 *    FORWARDJOIN(ttl = ARWL) to each other active neighbour. Each FORWARDJOIN walks at random; at
 *    ttl = PRWL the holder adds the newcomer to its passive view; where ttl reaches 0 (or the holder
 *    has only one active neighbour) the holder links to the newcomer (JOIN_ACCEPT over the new link).
 *  - Admitting a node into a full active view first drops a random member: DISCONNECT, close, and
 *    that member goes to the passive view (both ends do the same on receipt).
 *  - Reactive repair: when an active link fails, the node asks a random passive node NEIGHBOR
 *    (high priority when its active view is empty, which must be accepted; low otherwise, accepted
 *    only with a free slot). A rejected or unreachable candidate is skipped and the next one tried.
 *  - Cyclic shuffle: every `shuffleMs` a node sends SHUFFLE(self, ka active + kp passive, ttl) on a
 *    random walk; the walk's last node answers SHUFFLE_REPLY with as many passive addresses (a
 *    one-shot message, the paper's temporary connection) and both merge what they got into their
 *    passive views, evicting first the addresses they sent.
 * Additions, each a documented choice of ours: on each shuffle tick a node below K also asks its
 * passive view (low priority), so a node left short by a DISCONNECT refills; a node short by two or
 * more whose requests were all refused for a period asks with high priority (a pair linked only to
 * each other among full nodes would otherwise stay apart for good); a node with no active
 * and no usable passive node rejoins through its entry; an inbound link that has not said why it was
 * opened within one to two shuffle periods is closed (a stranger cannot hold links open for free).
 */
import type { TimerToken } from '../seam.ts';
import { HyParViewNode } from './hyparview-node.ts';
import { type HvParams, type HvState, hyparviewParams } from './hyparview-params.ts';
import type { Address, Membership, MembershipPort, OpenFailure } from './seam.ts';

export { HYPARVIEW_DEFAULTS, type HvParams, type HvState } from './hyparview-params.ts';

const SHUFFLE: TimerToken = 'shuffle';
const JOIN: TimerToken = 'join';

/** HyParView with the paper's defaults; `--want K` sets the active view size. */
export function hyparview(options: Partial<HvParams> = {}): Membership {
  const p = hyparviewParams(options);
  const rules = new HyParViewNode(p);
  // One object serves every node: a handler that runs inside another (a TCP close that reports a
  // failed open at once) runs for the same node, so the aim is unchanged when the outer one goes on.
  const node = (port: MembershipPort): HyParViewNode => rules.at(port);
  return {
    name: 'hyparview',
    want: p.activeSize,
    linkSlots: 2 * p.activeSize + 2, // K active, up to K NEIGHBOR requests in flight, 2 links being opened to it
    init: (): HvState => ({
      active: new Map(),
      passive: [],
      outbound: new Map(),
      asking: new Map(),
      tried: new Set(),
      inbound: new Map(),
      stale: new Set(),
      lastShuffle: [],
      insist: false,
      joinDelay: p.joinRetryMs,
    }),

    onStart(port) {
      if (port.entry !== undefined) node(port).join();
      port.setTimer(p.shuffleMs * (0.5 + port.random()), SHUFFLE);
    },

    onLinkUp(port, link, peer) {
      node(port).linkUp(link, peer);
    },

    onLinkDown(port, link, peer: Address) {
      node(port).linkDown(link, peer);
    },

    onOpenFailed(port, to, why: OpenFailure) {
      const n = node(port);
      if (!n.openFailed(to, why)) return;
      // Capped, jittered backoff: a contact that joiners keep finding full (at 10^5 joins in 60 s
      // the first node is) is not asked again by all of them every second (a fixed 1 s retry made
      // 945,000 refused joins at 5·10^4 nodes).
      port.setTimer(n.s.joinDelay * (0.5 + port.random()), JOIN);
      n.s.joinDelay = Math.min(p.joinMaxRetryMs, 2 * n.s.joinDelay);
    },

    onControl(port, link, msg) {
      node(port).control(link, msg);
    },

    admitted(port, link) {
      const peer = port.peer(link);
      return peer !== undefined && (port.state as HvState).active.get(peer) === link;
    },

    onTimer(port, token) {
      const n = node(port);
      if (token === JOIN) {
        if (n.s.active.size === 0) n.join();
        return;
      }
      if (token !== SHUFFLE) return;
      n.tick();
      port.setTimer(p.shuffleMs, SHUFFLE);
    },
  };
}
