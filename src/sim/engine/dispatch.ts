/**
 * Chooses the engine, once per run: the fast flood engine when the protocol needs nothing beyond
 * the hop count and no fault is asked for, the protocol engine otherwise. Both return the same
 * shape, so callers (run.ts, compare.ts) never care which one ran.
 */
import type { Protocol } from '../../core/seam.ts';
import type { FaultPlan } from '../faults.ts';
import type { Csr } from '../topology/csr.ts';
import { simulate } from './engine.ts';
import { simulateProtocol, type ProtocolSimOptions, type ProtocolSimResult } from './protocol-engine.ts';

/** True when the plan drops anything at all. */
function active(plan: FaultPlan | undefined): boolean {
  return plan !== undefined && (plan.loss > 0 || plan.failedNodes > 0 || plan.failedLinks > 0);
}

/** True when the flood engine can run this protocol under these faults. */
export function fastPathFits(protocol: Protocol, faults: FaultPlan | undefined): boolean {
  return (protocol.requires ?? []).every((c) => c === 'hop') && !active(faults);
}

/** Runs the messages on whichever engine fits; see the two engines for the details. */
export function runProtocol(csr: Csr, protocol: Protocol, options: ProtocolSimOptions): ProtocolSimResult {
  if (!fastPathFits(protocol, options.faults)) return simulateProtocol(csr, protocol, options);
  const r = simulate(csr, protocol, options);
  return {
    ...r,
    perMessage: r.perMessage.map((m) => ({ ...m, control: 0, controlByType: {}, lost: 0 })),
    controlPerNode: new Uint32Array(csr.order),
  };
}
