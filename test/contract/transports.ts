/**
 * The two transports the contract suite runs against, behind one shape: flood these origins over
 * this graph with this protocol, and say what each message did. The simulated one runs the
 * simulator's engine (the one place that calls it); the TCP one starts real nodes on 127.0.0.1
 * with OS-chosen ports, one process.
 */
import { parseProtocol } from '../../src/core/protocols/index.ts';
import type { Protocol } from '../../src/core/seam.ts';
import { startInProcess } from '../../src/real/cluster.ts';
import { DeliveryTracker } from '../../src/real/deliveries.ts';
import { floodEach, wire } from '../../src/real/launch.ts';
import { waitFor } from '../../src/real/wait.ts';
import { simulate } from '../../src/sim/engine/engine.ts';
import { parseLatency } from '../../src/sim/latency.ts';
import { seededRng } from '../../src/sim/random.ts';
import { toCsr } from '../../src/sim/topology/csr.ts';
import type { EdgeList } from '../../src/sim/topology/edge-list.ts';

export interface MessageOutcome {
  /** Payload sends. */
  readonly sends: number;
  readonly reached: number;
  readonly duplicates: number;
  /** Deliveries at each node (1 each when all is well). */
  readonly deliveries: readonly number[];
}

export interface Transport {
  readonly name: string;
  /** `settled`, if given, is awaited before the nodes close (the simulator's run is always complete). */
  flood(graph: EdgeList, protocol: string | Protocol, origins: readonly number[], settled?: () => boolean): Promise<MessageOutcome[]>;
}

const protocolOf = (p: string | Protocol): Protocol => (typeof p === 'string' ? parseProtocol(p) : p);

export const simulated: Transport = {
  name: 'simulated',
  flood(graph, protocol, origins) {
    const perNode = origins.map(() => new Array<number>(graph.order).fill(0));
    origins.forEach((o, k) => perNode[k]![o]!++);
    const result = simulate(toCsr(graph), protocolOf(protocol), {
      latency: parseLatency('uniform:1-5'),
      rng: seededRng(1, 'engine'),
      origins,
      observer: { send: () => {}, receive: (k, _t, node, first) => void (first && perNode[k]![node]!++) },
    });
    return Promise.resolve(result.perMessage.map((m, k) => ({ sends: m.sends, reached: m.reached, duplicates: m.duplicates, deliveries: perNode[k]! })));
  },
};

export const tcp: Transport = {
  name: 'TCP on 127.0.0.1',
  async flood(graph, protocol, origins, settled) {
    const tracker = new DeliveryTracker(graph.order);
    const cluster = await startInProcess({ names: Array.from({ length: graph.order }, (_, i) => `n${i}`), protocol, onDeliver: tracker.record });
    try {
      await wire(cluster, graph, 5000);
      const messages = await floodEach(cluster, graph, tracker, { origins, messageTimeoutMs: 5000 });
      if (settled) await waitFor(settled, 5000, 2, () => 'the nodes did not settle within 5 s');
      return messages.map((m) => ({ sends: m.sends, reached: m.reached, duplicates: m.duplicates, deliveries: [...tracker.get(m.id)!.perNode] }));
    } finally {
      await cluster.close();
    }
  },
};
