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
import { BlogStates } from './blog-states.ts';
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

/** Set by `degree`: whether the address it was given is at the end of one of the node's links. */
let linkedToLast = false;

/** The node's live links (k), noting in `linkedToLast` whether one of them goes to `to`. */
function degree(port: MembershipPort, to?: Address): number {
  let k = 0;
  linkedToLast = false;
  for (let l = 0, n = port.links; l < n; l++) {
    const p = port.peer(l);
    if (p === undefined) continue;
    k++;
    if (p === to) linkedToLast = true;
  }
  return k;
}

/** Whether the node has a live link to `a`. */
function linkedTo(port: MembershipPort, a: Address): boolean {
  degree(port, a);
  return linkedToLast;
}

const RETRY: TimerToken = 'retry';
/** A node's state is its slot in the instance's BlogStates. */
const slotOf = (port: MembershipPort): number => port.state as number;

/** A blog instance, which can also show what a node has learned (for tests and inspection). */
export interface BlogMembership extends Membership {
  /** The addresses the node whose state is `state` has learned (a copy). */
  learned(state: unknown): Address[];
}

/** The write-up's rule with K = `want` (default 5), the hop limit and retry interval above. */
export function blog(options: BlogOptions = {}): BlogMembership {
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

  const states = new BlogStates(BLOG_KNOWN, retryMs);

  function learn(port: MembershipPort, slot: number, a: Address): void {
    if (a !== port.self) states.learn(slot, a, port);
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
  function issue(port: MembershipPort, slot: number, count: number): void {
    const known = states.learned(slot);
    const pending = states.pending(slot);
    if (degree(port) === 0) {
      if (port.entry !== undefined && !known.includes(port.entry)) known.push(port.entry);
      const fresh = known.filter((a) => !pending.includes(a));
      if (fresh.length === 0) return;
      const to = pick(port, fresh);
      states.addPending(slot, to);
      port.open(to);
      return;
    }
    const req: MembershipMsg = { type: 'join_req', joiner: port.self, hops: 0 };
    for (let i = 0; i < count; i++) port.control(randomLink(port, NO_LINK), req);
    const elsewhere = known.filter((a) => !linkedTo(port, a) && !pending.includes(a));
    if (elsewhere.length > 0) port.controlTo(pick(port, elsewhere), req);
  }

  function arm(port: MembershipPort, slot: number): void {
    if (states.armed(slot)) return;
    states.setArmed(slot, true);
    port.setTimer(states.backoff(slot) * (0.5 + port.random()), RETRY);
  }

  /** Issue one request per missing link and make sure a retry follows. */
  function topUp(port: MembershipPort, slot: number): void {
    const k = degree(port);
    const missing = want - k - states.pending(slot).length;
    if (missing > 0) issue(port, slot, missing);
    if (k < want) arm(port, slot);
  }

  return {
    name: 'blog',
    want,
    linkSlots: maxLinks + want, // accepted links, plus the node's own requests accepted while it is at the cap
    init: (): number => states.add(),
    learned: (state) => states.learned(state as number),

    onStart(port) {
      // A newcomer's K requests go to the entry as one-shot messages: no link to the entry is kept,
      // so the entry's degree does not grow with every join.
      if (port.entry === undefined) return;
      for (let i = 0; i < want; i++) port.controlTo(port.entry, { type: 'join_req', joiner: port.self, hops: 0 });
      arm(port, slotOf(port));
    },

    onLinkUp(port, _link, peer) {
      const slot = slotOf(port);
      states.dropPending(slot, peer);
      learn(port, slot, peer);
      const k = degree(port);
      if (k === 1) states.setBackoff(slot, retryMs); // out of isolation: retry soon through this link
      if (k < want) arm(port, slot); // the entry and early joiners top up once the network has grown
    },

    onLinkDown(port) {
      const slot = slotOf(port);
      states.setBackoff(slot, retryMs);
      topUp(port, slot);
    },

    onOpenFailed(port, to, why: OpenFailure) {
      const slot = slotOf(port);
      states.dropPending(slot, to);
      if (why === 'unreachable') states.forget(slot, to);
    },

    onControl(port, fromLink, msg) {
      if (msg.type !== 'join_req') return;
      const { joiner, hops } = msg;
      // Every passing joiner is learned: sampling them (every 8th hop) cut the time by a fifth but
      // left about 170 of 50,000 survivors of a 50% kill at 10^5 with no live address, against 20 to 30.
      learn(port, slotOf(port), joiner);
      // The draw first: most requests pass on (k + 1 ≈ 11), and then the pending list is never read.
      const k = degree(port, joiner);
      if (joiner !== port.self && port.random() * (k + 1) < 1 && !linkedToLast) {
        const slot = slotOf(port);
        const pending = states.pending(slot);
        if (k + pending.length < maxLinks && !pending.includes(joiner)) {
          states.addPending(slot, joiner);
          port.open(joiner);
          return;
        }
      }
      if (hops + 1 > hopLimit) return;
      const link = randomLink(port, fromLink);
      if (link !== NO_LINK) port.control(link, { type: 'join_req', joiner, hops: hops + 1 });
    },

    onTimer(port, token) {
      if (token !== RETRY) return;
      const slot = slotOf(port);
      states.setArmed(slot, false);
      if (degree(port) >= want) {
        states.setBackoff(slot, retryMs);
        return;
      }
      states.setBackoff(slot, Math.min(maxRetryMs, states.backoff(slot) * 2));
      topUp(port, slot);
    },
  };
}
