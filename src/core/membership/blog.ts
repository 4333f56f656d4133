/**
 * The write-up's own membership rule ("blog"). A newcomer sends K join requests (JOIN_REQ) to the
 * entry; each walks the network at random, one hop at a time. A node that holds a request accepts it
 * with probability 1/(k+1), k its current number of links, by opening a link to the newcomer, so
 * nodes with few links accept more often and the network balances; otherwise it passes the request
 * to a random neighbour, and a hop counter drops it after `hopLimit` hops. Every node keeps at least
 * K links: whenever it has fewer (after joining, or when a neighbour leaves or fails) it issues one
 * request per missing link through random neighbours plus one to an address it has learned (with no
 * neighbour left, it first links to a learned address or the entry), and retries on a
 * capped, jittered backoff, never giving up while below K.
 * A node is known by its listening address; a node never accepts a request from a node it is linked
 * to or is already opening a link to, and the transport never makes a second link between two nodes.
 *
 * Consequence, worth knowing before reading the figures: every join adds about K links, each with
 * two ends, so the mean degree lands near 2K, not K; and nothing ever drops a surplus link.
 */
import { check } from '../errors.ts';
import type { TimerToken } from '../seam.ts';
import type { MembershipMsg } from './messages.ts';
import { NO_LINK, pick, type Address, type Membership, type MembershipPort, type OpenFailure } from './seam.ts';

/** Links a node keeps at least: "a good number might be five" (the write-up). */
export const BLOG_WANT = 5;
/**
 * Hops after which a request is dropped. The write-up names a hop counter but no value; 32 is ours:
 * at degree ~2K = 10 a node accepts with probability ~1/11, so a walk outlives 32 hops with
 * probability ~(10/11)^32 ≈ 5%, and such a request is simply re-issued on the next retry.
 */
export const BLOG_HOP_LIMIT = 32;
/** First retry after this many ms while below K; doubles on each retry up to BLOG_MAX_RETRY_MS (ours). */
export const BLOG_RETRY_MS = 1000;
export const BLOG_MAX_RETRY_MS = 16_000;
/** Addresses a node remembers for repair when it has no link left (bounded; ours). */
export const BLOG_KNOWN = 32;
/**
 * Links a node accepts at most, as a multiple of K (ours, a resource bound the write-up does not
 * have): a node at the cap passes requests on. Without it the entry's degree grows like
 * sqrt(2·K·N), since each request it sees is accepted with probability 1/(k+1).
 */
export const BLOG_MAX_LINKS_PER_K = 10;

export interface BlogOptions {
  readonly want?: number;
  readonly hopLimit?: number;
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  /** Links a node accepts at most (default BLOG_MAX_LINKS_PER_K · want). */
  readonly maxLinks?: number;
}

/**
 * One node's state. Small arrays, not Map and Set: a node holds about 2K peers and rarely a pending
 * open, and a million nodes' states are visited at random by walking requests, so a short linear
 * scan of one array beats hashing into three separate tables (fewer cache misses per hop).
 */
interface BlogState {
  /** Linked peers by address (the transport keeps one link per address), and each one's link. */
  readonly peers: Address[];
  readonly peerLinks: number[];
  /** Addresses this node is opening a link to (accepted requests in flight). */
  readonly pending: Address[];
  /** Addresses learned from links and passing requests, for repair; at most BLOG_KNOWN. */
  readonly known: Address[];
  /** The next retry delay, and whether a retry timer is set. */
  backoff: number;
  armed: boolean;
}

/** Removes the first `a` from `list` (order does not matter: it is a set); true if it was there. */
function drop(list: Address[], a: Address): boolean {
  const i = list.indexOf(a);
  if (i < 0) return false;
  list[i] = list[list.length - 1]!;
  list.pop();
  return true;
}

const RETRY: TimerToken = 'retry';
const st = (port: MembershipPort): BlogState => port.state as BlogState;

/** The write-up's rule with K = `want` (default 5), the hop limit and retry interval above. */
export function blog(options: BlogOptions = {}): Membership {
  const want = options.want ?? BLOG_WANT;
  const hopLimit = options.hopLimit ?? BLOG_HOP_LIMIT;
  const retryMs = options.retryMs ?? BLOG_RETRY_MS;
  const maxRetryMs = options.maxRetryMs ?? BLOG_MAX_RETRY_MS;
  const maxLinks = options.maxLinks ?? BLOG_MAX_LINKS_PER_K * want;
  for (const [key, value, min] of [
    ['want', want, 1],
    ['hopLimit', hopLimit, 0],
    ['retryMs', retryMs, 1],
    ['maxRetryMs', maxRetryMs, retryMs],
    ['maxLinks', maxLinks, want],
  ] as const) {
    check(Number.isInteger(value) && value >= min, 'ERR_BAD_MEMBERSHIP', `blog: ${key} ${value} must be an integer >= ${min}`);
  }

  function learn(port: MembershipPort, s: BlogState, a: Address): void {
    if (a === port.self || s.known.includes(a)) return;
    if (s.known.length < BLOG_KNOWN) s.known.push(a);
    else s.known[Math.floor(port.random() * BLOG_KNOWN)] = a;
  }

  /** A random live link other than `except` (when there is another), or NO_LINK. */
  function randomLink(port: MembershipPort, except: number): number {
    const n = port.links;
    for (let tries = 0; tries < 8 && n > 0; tries++) {
      const l = Math.floor(port.random() * n);
      if (l !== except && port.peer(l) !== undefined) return l;
    }
    const live: number[] = [];
    for (let l = 0; l < n; l++) if (l !== except && port.peer(l) !== undefined) live.push(l);
    return live.length > 0 ? pick(port, live) : NO_LINK;
  }

  /**
   * Sends `count` new requests for this node through random neighbours, and one more to a learned
   * address it is not linked to (so a node cut off together with its neighbours can still reach the
   * rest of the network; the address may be dead, and then that one request is lost). With no
   * neighbour left it opens one link to a learned address or the entry instead (a failed open
   * forgets that address), and the next retry uses that link.
   */
  function issue(port: MembershipPort, s: BlogState, count: number): void {
    if (s.peers.length === 0) {
      const candidates = port.entry !== undefined && !s.known.includes(port.entry) ? [...s.known, port.entry] : s.known;
      const fresh = candidates.filter((a) => !s.pending.includes(a));
      if (fresh.length === 0) return;
      const to = pick(port, fresh);
      s.pending.push(to);
      port.open(to);
      return;
    }
    const req: MembershipMsg = { type: 'join_req', joiner: port.self, hops: 0 };
    for (let i = 0; i < count; i++) port.control(randomLink(port, NO_LINK), req);
    const elsewhere = s.known.filter((a) => !s.peers.includes(a) && !s.pending.includes(a));
    if (elsewhere.length > 0) port.controlTo(pick(port, elsewhere), req);
  }

  function arm(port: MembershipPort, s: BlogState): void {
    if (s.armed) return;
    s.armed = true;
    port.setTimer(s.backoff * (0.5 + port.random()), RETRY);
  }

  /** Issue one request per missing link and make sure a retry follows. */
  function topUp(port: MembershipPort, s: BlogState): void {
    const missing = want - s.peers.length - s.pending.length;
    if (missing > 0) issue(port, s, missing);
    if (s.peers.length < want) arm(port, s);
  }

  return {
    name: 'blog',
    want,
    linkSlots: maxLinks + want, // accepted links, plus the node's own requests accepted while it is at the cap
    init: (): BlogState => ({ peers: [], peerLinks: [], pending: [], known: [], backoff: retryMs, armed: false }),

    onStart(port) {
      // A newcomer's K requests go to the entry as one-shot messages: no link to the entry is kept,
      // so the entry's degree does not grow with every join.
      const s = st(port);
      if (port.entry === undefined) return;
      for (let i = 0; i < want; i++) port.controlTo(port.entry, { type: 'join_req', joiner: port.self, hops: 0 });
      arm(port, s);
    },

    onLinkUp(port, link, peer) {
      const s = st(port);
      const i = s.peers.indexOf(peer);
      if (i >= 0) s.peerLinks[i] = link;
      else s.peers.push(peer), s.peerLinks.push(link);
      drop(s.pending, peer);
      learn(port, s, peer);
      if (s.peers.length === 1) s.backoff = retryMs; // out of isolation: retry soon through this link
      if (s.peers.length < want) arm(port, s); // the entry and early joiners top up once the network has grown
    },

    onLinkDown(port, link, peer) {
      const s = st(port);
      const i = s.peers.indexOf(peer);
      if (i >= 0 && s.peerLinks[i] === link) {
        const last = s.peers.length - 1;
        s.peers[i] = s.peers[last]!;
        s.peerLinks[i] = s.peerLinks[last]!;
        s.peers.pop();
        s.peerLinks.pop();
      }
      s.backoff = retryMs;
      topUp(port, s);
    },

    onOpenFailed(port, to, why: OpenFailure) {
      const s = st(port);
      drop(s.pending, to);
      if (why === 'unreachable') {
        const i = s.known.indexOf(to);
        if (i >= 0) s.known.splice(i, 1);
      }
    },

    onControl(port, fromLink, msg) {
      if (msg.type !== 'join_req') return;
      const s = st(port);
      const { joiner, hops } = msg;
      learn(port, s, joiner);
      const k = s.peers.length;
      if (joiner !== port.self && k + s.pending.length < maxLinks && !s.peers.includes(joiner) && !s.pending.includes(joiner) && port.random() * (k + 1) < 1) {
        s.pending.push(joiner);
        port.open(joiner);
        return;
      }
      if (hops + 1 > hopLimit) return;
      const link = randomLink(port, fromLink);
      if (link !== NO_LINK) port.control(link, { type: 'join_req', joiner, hops: hops + 1 });
    },

    onTimer(port, token) {
      if (token !== RETRY) return;
      const s = st(port);
      s.armed = false;
      if (s.peers.length >= want) {
        s.backoff = retryMs;
        return;
      }
      s.backoff = Math.min(maxRetryMs, s.backoff * 2);
      topUp(port, s);
    },
  };
}
