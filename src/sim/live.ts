/**
 * What a message could reach once faults are drawn: the live nodes in the origin's component of
 * the live graph (live nodes, live links). Coverage is measured against that, so a protocol is not
 * blamed for nodes that are down or cut off. Also picks random origins among live nodes.
 */
import { randomInt, type Rng } from '../core/rng.ts';
import { faultEpochs, type FaultPlan } from './faults.ts';
import { pickOrigins } from './origins.ts';
import { components, type Components } from './topology/components.ts';
import type { Csr } from './topology/csr.ts';

/** True when node u is up during message k. */
export function isLive(plan: FaultPlan | undefined, u: number, k: number): boolean {
  return !plan || plan.nodeDownFrom[u]! > k;
}

/** Components of the graph as it is during message k: down nodes are isolated, down links gone. */
export function liveComponents(csr: Csr, plan: FaultPlan | undefined, k: number): Components {
  const { order, offsets, targets, twins } = csr;
  const src = new Int32Array(csr.size);
  const dst = new Int32Array(csr.size);
  let size = 0;
  for (let u = 0; u < order; u++) {
    if (!isLive(plan, u, k)) continue;
    for (let h = offsets[u]!; h < offsets[u + 1]!; h++) {
      const v = targets[h]!;
      if (h > twins[h]! || !isLive(plan, v, k) || (plan && plan.linkDownFrom[h]! <= k)) continue;
      src[size] = u;
      dst[size++] = v;
    }
  }
  return components({ order, size, src, dst });
}

/** The size (nodes, edges) of the origin's live component for each message, cached per epoch. */
export function reachableSizes(csr: Csr, plan: FaultPlan | undefined, origins: readonly number[]): { nodes: number; edges: number }[] {
  const epochs = plan ? faultEpochs(plan) : [0];
  const cache = new Map<number, Components>();
  return origins.map((origin, k) => {
    let epoch = 0;
    for (const e of epochs) if (e <= k) epoch = e;
    let comps = cache.get(epoch);
    if (!comps) cache.set(epoch, (comps = liveComponents(csr, plan, epoch)));
    const c = comps.of[origin]!;
    return isLive(plan, origin, k) ? { nodes: comps.nodes[c]!, edges: comps.edges[c]! } : { nodes: 0, edges: 0 };
  });
}

/**
 * One origin per message: the user's node for every message, or seeded random nodes live at
 * their message (a down node is redrawn). With no faults the draws equal pickOrigins'.
 */
export function pickLiveOrigins(order: number, messages: number, origin: string | undefined, labels: readonly string[] | undefined, rng: Rng, plan: FaultPlan | undefined): number[] {
  if (origin !== undefined || !plan) return pickOrigins(order, messages, origin, labels, rng);
  return Array.from({ length: messages }, (_, k) => {
    let u = randomInt(rng, order);
    while (!isLive(plan, u, k)) u = randomInt(rng, order);
    return u;
  });
}

/** The node a user-given --origin names, so that it can be kept from failing. */
export function namedOrigin(order: number, origin: string | undefined, labels: readonly string[] | undefined): number[] {
  return origin === undefined ? [] : pickOrigins(order, 1, origin, labels, () => 0);
}
