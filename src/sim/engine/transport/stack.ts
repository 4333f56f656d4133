/**
 * Builds a run's transport stack from its options, outermost first: node faults, link faults,
 * loss, delay, base. A layer is there only when its fault is asked for, so a run without faults
 * pays for none of them.
 */
import type { Rng } from '../../../core/rng.ts';
import type { FaultPlan } from '../../faults.ts';
import type { LatencyModel } from '../../latency.ts';
import { seededRng } from '../../random.ts';
import type { Topology } from '../../topology/topology.ts';
import { BaseTransport } from './base.ts';
import { ConstantDelayLayer, DelayLayer, makeDelay } from './delay.ts';
import { LinkFaultLayer } from './link-faults.ts';
import { LossLayer } from './loss.ts';
import { NodeFaultLayer } from './node-faults.ts';
import type { Transport } from './types.ts';

export function transportStack(topo: Topology, latency: LatencyModel, rng: Rng, faults: FaultPlan | undefined, lossSeed: string | undefined): Transport {
  let t: Transport = new BaseTransport();
  t = latency.kind === 'constant' ? new ConstantDelayLayer(t, latency.micros) : new DelayLayer(t, makeDelay(latency, topo, rng));
  if (!faults) return t;
  if (faults.loss > 0) t = new LossLayer(t, faults.loss, seededRng(lossSeed ?? 'loss', 'loss'));
  if (faults.failedLinks > 0) t = new LinkFaultLayer(t, faults.linkDownFrom, faults.silent);
  if (faults.failedNodes > 0) t = new NodeFaultLayer(t, faults.nodeDownFrom, faults.silent);
  return t;
}
