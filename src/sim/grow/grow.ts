/**
 * Grows a network by N joins through a membership protocol: the first node is an entry, each later
 * node knows only one address (the first node, the write-up's default, or a random live node) and
 * joins through it; then the network runs until its overlay changes by at most 0.1% over `quietMs`
 * (settled; see settle) or `maxSettleMs` passes. Returns the overlay as an edge list (links admitted at both ends, live nodes
 * renumbered 0..n−1 in join order) and the membership messages spent.
 */
import { check } from '../../core/errors.ts';
import { makeMembership } from '../../core/membership/index.ts';
import { seededRng } from '../random.ts';
import type { EdgeList } from '../topology/edge-list.ts';
import { MembershipNet, type NetObserver } from './network.ts';

export const GROW_DEFAULTS = { want: 5, overlay: 'blog', entry: 'first', seed: '1', growMs: 60_000, quietMs: 30_000, maxSettleMs: 600_000 } as const;

export interface GrowOptions {
  readonly nodes: number;
  /** K: links each node keeps (blog) or the active view's size (hyparview). */
  readonly want?: number;
  /** 'blog' or 'hyparview'. */
  readonly overlay?: string;
  /** Who a newcomer knows: the first node, or a random live node. */
  readonly entry?: 'first' | 'random';
  readonly seed?: string | number;
  /**
   * Simulated ms over which the N joins arrive, evenly spaced (default 60 s). Periodic work such as
   * HyParView's shuffle costs messages per node per period, so a fixed gap between joins would make
   * growth cost grow like N²; a fixed span keeps it near N × (span / period).
   */
  readonly growMs?: number;
  /** Simulated ms between joins; overrides growMs. */
  readonly joinGapMs?: number;
  /** Settled once the overlay changes by at most 0.1% of its links over this long (ms). */
  readonly quietMs?: number;
  /** Give up settling after this long past the last join (ms). */
  readonly maxSettleMs?: number;
  /** Room for this many more nodes after growth (joins under churn). */
  readonly extraNodes?: number;
  /** Watches the run (the page's recorder); changes nothing. */
  readonly observer?: NetObserver;
  /** Told `done` of `total` joins made, every 1,000 joins and at the last; then 'settling'. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly onStage?: (what: string) => void;
}

export interface MembershipSpent {
  readonly total: number;
  readonly bytes: number;
  /** Messages per type, types in first-sent order. */
  readonly byType: Record<string, number>;
}

export interface GrowResult {
  readonly edges: EdgeList;
  readonly overlay: string;
  readonly want: number;
  readonly membership: MembershipSpent;
  /** Simulated time of the last join, and when the run stopped (ms). */
  readonly lastJoinMs: number;
  readonly endMs: number;
  /** False when maxSettleMs passed with links still changing. */
  readonly settled: boolean;
  /** The network itself, for failure and churn runs that continue from here. */
  readonly net: MembershipNet;
}

export function grow(o: GrowOptions): GrowResult {
  const want = o.want ?? GROW_DEFAULTS.want;
  const overlay = o.overlay ?? GROW_DEFAULTS.overlay;
  const entry = o.entry ?? GROW_DEFAULTS.entry;
  const seed = o.seed ?? GROW_DEFAULTS.seed;
  check(Number.isInteger(o.nodes) && o.nodes >= 2, 'ERR_BAD_NODES', `grow: N = ${o.nodes} nodes; need an integer >= 2`);
  check(Number.isInteger(want) && want >= 1 && want < o.nodes, 'ERR_BAD_WANT', `grow: K = ${want} links per node with N = ${o.nodes}; need 1 <= K < N`);
  check(entry === 'first' || entry === 'random', 'ERR_BAD_ENTRY', `grow: entry '${String(entry)}' is not one of first, random`);
  const membership = makeMembership(overlay, want);
  const net = new MembershipNet({ membership, maxNodes: o.nodes + (o.extraNodes ?? 0), rng: seededRng(seed, 'membership'), ...(o.observer ? { observer: o.observer } : {}) });
  const pickEntry = seededRng(seed, 'entry');
  const gap = o.joinGapMs ?? (o.growMs ?? GROW_DEFAULTS.growMs) / (o.nodes - 1);

  net.addNode();
  for (let i = 1; i < o.nodes; i++) {
    net.run(net.now + gap);
    net.addNode(entry === 'first' ? 0 : randomLive(net, pickEntry));
    if (o.onProgress && ((i + 1) % 1000 === 0 || i + 1 === o.nodes)) o.onProgress(i + 1, o.nodes);
  }
  o.onStage?.('settling');
  const lastJoinMs = net.now;
  const settled = settle(net, o.quietMs ?? GROW_DEFAULTS.quietMs, lastJoinMs + (o.maxSettleMs ?? GROW_DEFAULTS.maxSettleMs));
  return { edges: overlayEdges(net), overlay, want, membership: spent(net), lastJoinMs, endMs: net.now, settled, net };
}

/**
 * Runs in steps of `quietMs` until at most `tolerance` (a fraction, default 1/1000) of the overlay's
 * links (admitted at both ends) changed over the last step, or nothing is left to do; false if
 * `deadline` came first. Blog stops outright (its queue empties once every node is at K); HyParView
 * never quite stops, since nodes below K keep asking passive nodes, and the last few under-full
 * nodes of a large network find each other slowly, so "settled" means "changing by at most that much".
 * Transient links (a NEIGHBOR request that will be refused) come and go without counting.
 */
export function settle(net: MembershipNet, quietMs: number, deadline: number, tolerance = 1e-3): boolean {
  let before = pairKeys(overlayEdges(net));
  for (;;) {
    if (net.pending === 0) return true;
    if (net.now >= deadline) return false;
    net.run(Math.min(deadline, net.now + quietMs));
    const now = pairKeys(overlayEdges(net));
    if (changed(before, now) <= tolerance * now.length) return true;
    before = now;
  }
}

/** The overlay's links as sorted keys lo·2^26 + hi (node ids stay below 2^26 = 67 million). */
function pairKeys(g: EdgeList): Float64Array {
  const keys = new Float64Array(g.size);
  for (let e = 0; e < g.size; e++) keys[e] = Math.min(g.src[e]!, g.dst[e]!) * 2 ** 26 + Math.max(g.src[e]!, g.dst[e]!);
  return keys.sort();
}

/** Size of the symmetric difference of two sorted key arrays. */
function changed(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let same = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      same++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return a.length + b.length - 2 * same;
}

/** The links admitted at both ends, live nodes renumbered 0..n−1 in id order. */
export function overlayEdges(net: MembershipNet): EdgeList {
  const t = net.topology;
  const m = net.membership;
  const index = new Int32Array(t.order).fill(-1);
  let order = 0;
  for (let u = 0; u < t.order; u++) if (net.alive(u)) index[u] = order++;
  let most = 0;
  for (let u = 0; u < t.order; u++) if (index[u] !== -1) most += t.liveLinks(u);
  const src = new Int32Array(most >> 1);
  const dst = new Int32Array(most >> 1);
  let size = 0;
  for (let u = 0; u < t.order; u++) {
    if (index[u] === -1) continue;
    for (let l = 0; l < t.linkCount(u); l++) {
      const v = net.peerOf(u, l);
      if (v === undefined || v < u || index[v] === -1) continue;
      const lv = t.twins[t.first[u]! + l]! - t.first[v]!;
      if (m.admitted && !(m.admitted(net.at(u), l) && m.admitted(net.at(v), lv))) continue;
      src[size] = index[u]!;
      dst[size++] = index[v]!;
    }
  }
  return { order, size, src: size === src.length ? src : src.slice(0, size), dst: size === dst.length ? dst : dst.slice(0, size) };
}

export function spent(net: MembershipNet): MembershipSpent {
  return { total: net.messages, bytes: net.bytes, byType: Object.fromEntries(net.counts) };
}

/** A uniformly random live node (rejection: live nodes are most of the ids). */
export function randomLive(net: MembershipNet, rng: () => number): number {
  for (;;) {
    const u = Math.floor(rng() * net.topology.order);
    if (net.alive(u)) return u;
  }
}
