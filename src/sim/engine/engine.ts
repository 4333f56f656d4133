/**
 * The discrete-event engine: runs a core Protocol on every node of a topology, static (a CSR) or
 * dynamic. One loop for every protocol and every fault: it pops an event (a payload copy, a
 * control message, a timer, a topology change), binds the one Port to the node it is for, and
 * hands it to the protocol. What becomes of each copy sent is the transport stack's answer
 * (transport/: node faults, link faults, loss, delay, base); the port counts by it.
 *
 * Hot path for floods: events in typed arrays (a ring buffer when every delay is the same, a
 * calendar otherwise), a stamp array as the per-message seen set, the message shared by
 * reference, and, for a protocol that ignores duplicates, only copies that can arrive first
 * queued (see SimPort). Nothing is allocated per transmission.
 */
import type { Msg } from '../../core/message.ts';
import { assertCapabilities, slotWidthOf } from '../../core/protocols/requires.ts';
import type { Capability, Control, Protocol, TimerToken } from '../../core/seam.ts';
import { InputError } from '../../core/errors.ts';
import { maxDelay } from '../latency.ts';
import type { Csr } from '../topology/csr.ts';
import { bfsTreeLinks } from '../topology/spanning-tree.ts';
import { HOLE, staticTopology, type Topology } from '../topology/topology.ts';
import { CalendarQueue, FifoQueue, type EventQueue } from './event-queue.ts';
import { SimPort } from './port.ts';
import { ProtocolQueue } from './protocol-queue.ts';
import { transportStack } from './transport/stack.ts';
import { CHANGE, CONTROL, PAYLOAD, SEEN, TIMER, type MessageStats, type SimulateOptions, type SimulateResult } from './types.ts';

export type { EngineObserver, MessageStats, SimulateOptions, SimulateResult, TopologyChange } from './types.ts';

/** Every seam member the simulator provides. */
export const SIMULATOR_CAPABILITIES: readonly Capability[] = ['hop', 'control', 'timers', 'state', 'tree', 'payloads', 'slots'];

function isCsr(graph: Csr | Topology): graph is Csr {
  return 'offsets' in graph;
}

/** Runs every message to quiescence (timers included) and returns the counts. */
export function simulate(graph: Csr | Topology, protocol: Protocol, options: SimulateOptions): SimulateResult {
  assertCapabilities(protocol, SIMULATOR_CAPABILITIES, 'simulator');
  const topo = isCsr(graph) ? staticTopology(graph) : graph;
  const needs = protocol.requires ?? [];
  if (needs.includes('tree') && !isCsr(graph)) throw new InputError('ERR_UNSUPPORTED_PROTOCOL', `simulator: protocol '${protocol.name}' needs a configured tree, which only a static graph has`);
  const { latency, rng, observer, faults } = options;
  const changes = options.changes ?? [];
  const constant = latency.kind === 'constant';
  const general = needs.includes('control') || needs.includes('timers') || changes.length > 0;
  const queue: EventQueue = general
    ? new ProtocolQueue(maxDelay(latency), topo.slots + topo.nodeSlots)
    : constant
      ? new FifoQueue(topo.slots + 1)
      : new CalendarQueue(maxDelay(latency), topo.slots + 1);
  const transport = transportStack(topo, latency, rng, faults, options.lossSeed);
  const skip = protocol.ignoresDuplicates === true && !observer && !topo.dynamic;
  const tree = needs.includes('tree') && isCsr(graph) ? bfsTreeLinks(graph) : undefined;
  const port = new SimPort(topo, queue, transport, constant, rng, observer, skip, tree);
  const { first, end, targets } = topo;
  const slotWidth = slotWidthOf(protocol);
  if (slotWidth > 0) port.makeSlots(slotWidth, topo.nodeSlots);
  if (protocol.init) {
    port.states = new Array<unknown>(topo.nodeSlots);
    for (let u = 0; u < topo.nodeSlots; u++) {
      port.bind(u, first[u]!, end[u]! - first[u]!, 0, 0);
      port.states[u] = protocol.init(port);
    }
  }
  const { seen, firstHop, duplicatesPerNode } = port;
  const dynamic = topo.dynamic;

  const perMessage: MessageStats[] = [];
  for (let k = 0; k < options.origins.length; k++) {
    const origin = options.origins[k]!;
    const msg: Msg = { id: k, origin: options.labels?.[origin] ?? String(origin), text: `message ${k}` };
    transport.startMessage(k);
    port.startMessage(k, msg);
    queue.reset(0);
    for (let i = 0; i < changes.length; i++) if (changes[i]!.message === k) queue.push(changes[i]!.atUs, CHANGE, -1, i, 0, undefined);
    if (!faults || faults.nodeDownFrom[origin]! > k) {
      port.bind(origin, first[origin]!, end[origin]! - first[origin]!, 0, 0);
      protocol.originate(port, msg);
    }
    let received = 0;
    let duplicates = 0;
    let ldh = 0;
    let coverageTimeUs = 0;
    while (queue.length > 0) {
      queue.pop();
      const u = queue.node;
      const kind = queue.kind;
      if (kind === PAYLOAD) {
        // A copy in flight over a link removed meanwhile never arrives.
        if (dynamic && targets[queue.link] === HOLE) {
          port.lost++;
          continue;
        }
        received++;
        const isFirst = seen[u] !== SEEN;
        if (!isFirst) {
          duplicates++;
          duplicatesPerNode[u]!++;
          if (skip) continue;
        } else {
          if (queue.hop > ldh) ldh = queue.hop;
          if (queue.time > coverageTimeUs) coverageTimeUs = queue.time;
        }
        if (observer) observer.receive(k, queue.time, u, isFirst, queue.hop);
        const base = first[u]!;
        port.bind(u, base, end[u]! - base, queue.hop, queue.time);
        protocol.receive(port, queue.link - base, msg);
      } else if (kind === CONTROL) {
        if (dynamic && targets[queue.link] === HOLE) {
          port.lost++;
          continue;
        }
        const base = first[u]!;
        port.bind(u, base, end[u]! - base, firstHop[u]!, queue.time);
        protocol.onControl?.(port, queue.link - base, queue.obj as Control);
      } else if (kind === TIMER) {
        port.bind(u, first[u]!, end[u]! - first[u]!, firstHop[u]!, queue.time);
        protocol.onTimer?.(port, queue.obj as TimerToken);
      } else if (kind === CHANGE) changes[queue.link]!.apply();
    }
    perMessage.push({
      origin,
      sends: port.sends,
      received: received + port.early,
      reached: port.reached,
      duplicates: duplicates + port.early,
      ldh,
      coverageTimeUs,
      control: port.controls.total,
      controlByType: port.controls.byType(),
      lost: port.lost,
    });
  }
  const { sendsPerNode, controlPerNode, firstTime } = port;
  return { perMessage, sendsPerNode, controlPerNode, duplicatesPerNode, firstHop, firstTime };
}
