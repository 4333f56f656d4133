/**
 * The protocol engine: runs any core Protocol, with control messages, timers, per-node state,
 * a configured spanning tree and faults, on every node of a CSR graph. It is the transport and
 * the observer in one, like the flood engine, and gives the same counts as the flood engine
 * for the protocols both can run. Slower per event (an object per event, a heap for timers), which
 * is why flood without faults keeps its own engine (see dispatch.ts). Transmissions go through a
 * calendar queue and timers through a heap (protocol-queue.ts).
 */
import type { Msg } from '../../core/message.ts';
import { assertCapabilities } from '../../core/protocols/requires.ts';
import type { Control, Protocol, TimerToken } from '../../core/seam.ts';
import { seededRng } from '../random.ts';
import { faultEpochs, type FaultPlan } from '../faults.ts';
import { bfsTreeLinks } from '../topology/spanning-tree.ts';
import type { Csr } from '../topology/csr.ts';
import type { MessageStats, SimulateOptions, SimulateResult } from './engine.ts';
import { makeDelay } from './delay.ts';
import { maxDelay } from '../latency.ts';
import { CONTROL, PAYLOAD } from './heap-queue.ts';
import { ProtocolQueue } from './protocol-queue.ts';
import { ProtocolPort } from './protocol-port.ts';

export interface ProtocolSimOptions extends SimulateOptions {
  /** Failed nodes and links, and the loss rate; none when absent. */
  readonly faults?: FaultPlan;
  /** Seed of the loss stream (only drawn from when the loss rate is above 0). */
  readonly lossSeed?: string;
}

/** A message's counts, with control messages and losses. */
export interface ProtocolMessageStats extends MessageStats {
  /** Control messages sent (all types). */
  readonly control: number;
  /** Control messages sent, per type ('ihave', 'graft', ...). */
  readonly controlByType: Readonly<Record<string, number>>;
  /** Transmissions (payload or control) lost to faults: sent, never received. */
  readonly lost: number;
}

export interface ProtocolSimResult extends SimulateResult {
  readonly perMessage: readonly ProtocolMessageStats[];
  /** Control messages sent by each node, summed over messages. */
  readonly controlPerNode: Uint32Array;
}

/** Every seam member the protocol engine provides. */
export const PROTOCOL_ENGINE_CAPABILITIES = ['hop', 'control', 'timers', 'state', 'tree'] as const;

/** Applies the faults of message k to the port's down masks. */
function applyFaults(port: ProtocolPort, plan: FaultPlan | undefined, k: number): void {
  if (!plan) return;
  const { nodeDown, linkDown } = port;
  for (let u = 0; u < nodeDown.length; u++) nodeDown[u] = plan.nodeDownFrom[u]! <= k ? 1 : 0;
  for (let h = 0; h < linkDown.length; h++) linkDown[h] = plan.linkDownFrom[h]! <= k ? 1 : 0;
}

/** Runs every message to quiescence (timers included) and returns the counts. */
export function simulateProtocol(csr: Csr, protocol: Protocol, options: ProtocolSimOptions): ProtocolSimResult {
  assertCapabilities(protocol, PROTOCOL_ENGINE_CAPABILITIES, 'simulator');
  const { offsets } = csr;
  const { rng, observer, faults } = options;
  const queue = new ProtocolQueue(maxDelay(options.latency), 2 * csr.size + csr.order);
  const delay = makeDelay(options.latency, csr, rng);
  const states: unknown[] = new Array<unknown>(csr.order).fill(undefined);
  const tree = protocol.requires?.includes('tree') ? bfsTreeLinks(csr) : undefined;
  const loss = faults?.loss ?? 0;
  const shortcut = protocol.ignoresDuplicates === true && !observer;
  const port = new ProtocolPort(csr, queue, delay, rng, observer, shortcut, loss, faults?.silent ?? false, seededRng(options.lossSeed ?? 'loss', 'loss'), states, tree);
  if (protocol.init) {
    for (let u = 0; u < csr.order; u++) {
      port.bind(u, offsets[u]!, offsets[u + 1]! - offsets[u]!, 0, 0);
      states[u] = protocol.init(port);
    }
  }
  const { seen, firstHop, firstTime } = port;
  const perMessage: ProtocolMessageStats[] = [];
  const epochs = new Set(faults ? faultEpochs(faults) : []);
  for (let k = 0; k < options.origins.length; k++) {
    if (epochs.has(k)) applyFaults(port, faults, k);
    const origin = options.origins[k]!;
    port.message = k;
    port.sends = port.controls = port.lost = port.reached = port.early = 0;
    port.controlByType = new Map();
    queue.reset();
    seen.fill(0);
    firstHop.fill(-1);
    firstTime.fill(-1);
    const msg: Msg = { id: k, origin: options.labels?.[origin] ?? String(origin), text: `message ${k}` };
    if (port.nodeDown[origin] === 0) {
      port.bind(origin, offsets[origin]!, offsets[origin + 1]! - offsets[origin]!, 0, 0);
      protocol.originate(port, msg);
    }
    let received = 0;
    let duplicates = 0;
    let ldh = 0;
    let coverageTime = 0;
    while (queue.length > 0) {
      queue.pop();
      const u = queue.node;
      const base = offsets[u]!;
      const links = offsets[u + 1]! - base;
      if (queue.kind === PAYLOAD) {
        received++;
        const first = seen[u] === 0;
        if (!first) {
          duplicates++;
          port.duplicatesPerNode[u]!++;
        } else {
          if (queue.hop > ldh) ldh = queue.hop;
          if (queue.time > coverageTime) coverageTime = queue.time;
        }
        if (observer) observer.receive(k, queue.time, u, first, queue.hop);
        port.bind(u, base, links, queue.hop, queue.time);
        protocol.receive(port, queue.link - base, queue.obj as Msg);
      } else if (queue.kind === CONTROL) {
        port.bind(u, base, links, firstHop[u]!, queue.time);
        protocol.onControl?.(port, queue.link - base, queue.obj as Control);
      } else {
        port.bind(u, base, links, firstHop[u]!, queue.time);
        protocol.onTimer?.(port, queue.obj as TimerToken);
      }
    }
    perMessage.push({
      origin,
      sends: port.sends,
      received: received + port.early,
      reached: port.reached,
      duplicates: duplicates + port.early,
      ldh,
      coverageTime,
      control: port.controls,
      controlByType: Object.fromEntries([...port.controlByType].sort(([a], [b]) => (a < b ? -1 : 1))),
      lost: port.lost,
    });
  }
  const { sendsPerNode, duplicatesPerNode, controlPerNode } = port;
  return { perMessage, sendsPerNode, duplicatesPerNode, controlPerNode, firstHop, firstTime };
}
