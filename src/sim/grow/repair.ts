/**
 * After a disturbance (a mass crash, a spell of churn): flood over the links left at that moment,
 * let the membership protocol repair, and flood again. "Repaired" means the live overlay is one
 * component and every live node is back at K links (blog: at least K; hyparview: a full active view),
 * or at n − 1 when fewer than K + 1 nodes are left. The check runs at growing steps (10 ms, then
 * 2% of the time elapsed), so the repair time reported is the first check that saw it: at most 2%
 * (or 10 ms) late; the time until the overlay was one component again is reported too, since a
 * HyParView overlay may stay a node or two short of full active views for a long time. Repair messages are the membership messages sent from the disturbance to then.
 */
import { UnionFind } from '../../core/graph/union-find.ts';
import { components, isConnected } from '../topology/components.ts';
import type { EdgeList } from '../topology/edge-list.ts';
import { seededRng } from '../random.ts';
import { overlayEdges } from './grow.ts';
import type { MembershipNet } from './network.ts';
import { floodReliability, type FloodReliability } from './reliability.ts';

/** Simulated time allowed for repair before it is called never (ms). */
export const REPAIR_LIMIT_MS = 600_000;

export interface RepairReport {
  /** Live nodes right after the disturbance, and the overlay's components among them. */
  readonly live: number;
  readonly componentsBefore: number;
  /** Mean fraction of live nodes reached per message, right after the disturbance and after repair (or at the limit). */
  readonly reliabilityBefore: number;
  readonly reliabilityAfterRepair: number;
  readonly floodBefore: FloodReliability;
  readonly floodAfterRepair: FloodReliability;
  readonly repaired: boolean;
  /** Simulated ms from the disturbance to repair; null when it never got there within repairLimitMs. */
  readonly repairTimeMs: number | null;
  readonly repairLimitMs: number;
  /** Simulated ms until the live overlay was one component again (null: not within the limit). */
  readonly connectedTimeMs: number | null;
  /** Share of live nodes at K links (or more) when the wait ended. */
  readonly atWantAfterRepair: number;
  /** Membership messages (and bytes, by type) from the disturbance to repair (or to the limit). */
  readonly repairMessages: number;
  readonly repairBytes: number;
  readonly repairByType: Record<string, number>;
  /** The overlay after repair: components and the lowest degree. */
  readonly componentsAfterRepair: number;
  readonly minDegreeAfterRepair: number;
  /** Live nodes with no link at all after repair (cut off for good when no address they know is alive). */
  readonly isolatedAfterRepair: number;
}

/** True when the live overlay `g` is connected with every node at `want` links or more (or n − 1 when n ≤ want). */
export function isRepaired(g: EdgeList, want: number): boolean {
  const need = Math.min(want, g.order - 1);
  const deg = new Int32Array(g.order);
  for (let e = 0; e < g.size; e++) {
    deg[g.src[e]!]!++;
    deg[g.dst[e]!]!++;
  }
  for (let u = 0; u < g.order; u++) if (deg[u]! < need) return false;
  return isConnected(g);
}

/**
 * Live nodes holding fewer than `need` links of any kind, and holding none at all (a cheap bound:
 * admitted links are fewer, so a node with no link is cut off and the overlay is not connected).
 */
function linkScan(net: MembershipNet, need: number): { short: number; isolated: number } {
  const t = net.topology;
  let short = 0;
  let isolated = 0;
  for (let u = 0; u < t.order; u++) {
    if (!net.alive(u)) continue;
    const k = t.liveLinks(u);
    if (k < need) short++;
    if (k === 0) isolated++;
  }
  return { short, isolated };
}

/** The live overlay (links admitted at both ends): connected, and live nodes below `need` links. No edge list is built. */
export function overlayState(net: MembershipNet, need: number): { connected: boolean; short: number } {
  const t = net.topology;
  const m = net.membership;
  const uf = new UnionFind(t.order);
  let parts = 0;
  let short = 0;
  for (let u = 0; u < t.order; u++) {
    if (!net.alive(u)) continue;
    parts++;
    let deg = 0;
    for (let l = 0; l < t.linkCount(u); l++) {
      const v = net.peerOf(u, l);
      if (v === undefined || !net.alive(v)) continue;
      if (m.admitted) {
        const lv = t.twins[t.first[u]! + l]! - t.first[v]!;
        if (!(m.admitted(net.at(u), l) && m.admitted(net.at(v), lv))) continue;
      }
      deg++;
      if (u < v && uf.union(u, v)) parts--;
    }
    if (deg < need) short++;
  }
  return { connected: parts <= 1, short };
}

function liveCount(net: MembershipNet): number {
  let n = 0;
  for (let u = 0; u < net.topology.order; u++) if (net.alive(u)) n++;
  return n;
}

/** Floods, waits for repair (up to limitMs), floods again. Call it right after the disturbance. */
export function floodAndRepair(net: MembershipNet, want: number, messages: number, seed: string | number, limitMs = REPAIR_LIMIT_MS): RepairReport {
  const rng = seededRng(seed, 'repair-origins');
  const start = net.now;
  const before = overlayEdges(net);
  const floodBefore = floodReliability(before, messages, rng, seed);
  const m0 = { total: net.messages, bytes: net.bytes, byType: new Map(net.counts) };
  const live = liveCount(net);
  const need = Math.min(want, live - 1);
  let repairedAt: number | null = null;
  let connectedAt: number | null = null;
  let seen = -1;
  for (;;) {
    // The full check only when it can change the answer: the overlay changed since the last look,
    // and it is not yet connected or nobody is short of links. (A blog survivor stranded with no
    // live address left only retries on its timer: without the version test each step rescanned
    // the whole overlay until the limit, 47 s at 10^5 nodes.)
    // A node with no link at all rules connectivity out without the union-find (stranded blog nodes).
    const changed = net.version !== seen;
    seen = net.version;
    const scan = changed ? linkScan(net, need) : undefined;
    if (scan && (scan.isolated === 0 || live <= 1) && (connectedAt === null || scan.short === 0)) {
      const s = overlayState(net, need);
      if (s.connected && connectedAt === null) connectedAt = net.now - start;
      if (s.connected && s.short === 0) {
        repairedAt = net.now - start;
        break;
      }
    }
    if (net.pending === 0 || net.now - start >= limitMs) break;
    net.run(Math.min(start + limitMs, net.now + Math.max(10, 0.02 * (net.now - start))));
  }
  const spent = {
    total: net.messages - m0.total,
    bytes: net.bytes - m0.bytes,
    byType: Object.fromEntries([...net.counts].map(([k, v]) => [k, v - (m0.byType.get(k) ?? 0)]).filter(([, v]) => (v as number) > 0)) as Record<string, number>,
  };
  const after = overlayEdges(net);
  const floodAfterRepair = floodReliability(after, messages, rng, seed);
  const degrees = new Int32Array(after.order);
  for (let e = 0; e < after.size; e++) {
    degrees[after.src[e]!]!++;
    degrees[after.dst[e]!]!++;
  }
  return {
    live,
    componentsBefore: componentCount(before),
    reliabilityBefore: floodBefore.reliability,
    reliabilityAfterRepair: floodAfterRepair.reliability,
    floodBefore,
    floodAfterRepair,
    repaired: repairedAt !== null,
    repairTimeMs: repairedAt === null ? null : Math.round(repairedAt),
    repairLimitMs: limitMs,
    connectedTimeMs: connectedAt === null ? null : Math.round(connectedAt),
    atWantAfterRepair: after.order === 0 ? 1 : degrees.reduce((s, d) => s + (d >= need ? 1 : 0), 0) / after.order,
    repairMessages: spent.total,
    repairBytes: spent.bytes,
    repairByType: spent.byType,
    componentsAfterRepair: componentCount(after),
    minDegreeAfterRepair: after.order === 0 ? 0 : degrees.reduce((a, b) => Math.min(a, b), Infinity),
    isolatedAfterRepair: degrees.reduce((n, d) => n + (d === 0 ? 1 : 0), 0),
  };
}

function componentCount(g: EdgeList): number {
  return g.order === 0 ? 0 : components(g).count;
}
