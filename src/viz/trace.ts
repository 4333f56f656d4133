/**
 * Records one flood for the browser view with the simulator's own engine: `runSimulation` runs
 * it, an engine observer writes every send and receipt down. The page replays these rows; it
 * never floods anything itself, so what it shows is what `floodlab sim` counts.
 */
import { check } from '../core/errors.ts';
import type { EngineObserver } from '../sim/engine/engine.ts';
import { runSimulation, type SimReport } from '../sim/run.ts';
import type { EdgeList } from '../sim/topology/edge-list.ts';
import { buildTopology } from '../sim/topology/spec.ts';
import { RECEIVE, SEND, type FloodTrace } from './types.ts';

/** The options of one flood: `floodlab sim`'s, for one message. */
export interface FloodOptions {
  readonly nodes: number;
  readonly degree: number;
  readonly topology: string;
  readonly protocol: string;
  readonly latency: string;
  readonly seed: string;
  /** Node index or name; otherwise the seeded random origin `floodlab sim` would pick. */
  readonly origin?: string;
  /** Refuse graphs with more edges than this (too many to draw); default no limit. */
  readonly maxEdges?: number;
}

export interface RecordedFlood {
  readonly edges: EdgeList;
  readonly trace: FloodTrace;
  readonly report: SimReport;
}

interface Columns {
  kind: number[];
  time: number[];
  arrive: number[];
  from: number[];
  to: number[];
  edge: number[];
  hop: number[];
  first: number[];
}

/** Edge index by endpoint pair, both directions. */
function edgeIndex(edges: EdgeList): (u: number, v: number) => number {
  const index = new Map<number, number>();
  const n = edges.order;
  for (let i = 0; i < edges.size; i++) {
    const u = edges.src[i]!;
    const v = edges.dst[i]!;
    index.set(u * n + v, i);
    index.set(v * n + u, i);
  }
  return (u, v) => index.get(u * n + v) ?? -1;
}

/** An observer that writes rows into `rows`, matching each arrival to the send that made it. */
function recorder(rows: Columns, edgeOf: (u: number, v: number) => number): EngineObserver {
  // Copies to the same node arriving at the same time leave the queue in the order they were
  // sent (both queues are FIFO within one time), so a FIFO per (receiver, arrival) matches them.
  const pending = new Map<string, number[]>();
  const push = (kind: number, time: number, arrive: number, from: number, to: number, hop: number, first: number): number => {
    rows.kind.push(kind);
    rows.time.push(time);
    rows.arrive.push(arrive);
    rows.from.push(from);
    rows.to.push(to);
    rows.edge.push(edgeOf(from, to));
    rows.hop.push(hop);
    rows.first.push(first);
    return rows.kind.length - 1;
  };
  // The engine serves one node at a time: sends right after a receipt of hop h carry h + 1, and
  // the origin's (before any receipt) carry 1.
  let current = 0;
  return {
    send(_message, time, arrive, from, to) {
      const row = push(SEND, time, arrive, from, to, current + 1, 0);
      const key = `${to}:${arrive}`;
      const queue = pending.get(key);
      if (queue) queue.push(row);
      else pending.set(key, [row]);
    },
    receive(_message, time, node, first, hop) {
      const key = `${node}:${time}`;
      const queue = pending.get(key);
      const sendRow = queue?.shift() ?? -1;
      if (queue && queue.length === 0) pending.delete(key);
      const from = sendRow >= 0 ? rows.from[sendRow]! : -1;
      if (sendRow >= 0) rows.first[sendRow] = first ? 1 : 0;
      push(RECEIVE, time, time, from, node, hop, first ? 1 : 0);
      current = hop;
    },
  };
}

/** Runs one flood through the engine and returns the graph, every event, and the report. */
export function recordFlood(options: FloodOptions): RecordedFlood {
  const { nodes, degree, seed } = options;
  const topo = buildTopology(options.topology, { nodes, degree, seed });
  const limit = options.maxEdges ?? Infinity;
  check(topo.edges.size <= limit, 'ERR_TOO_MANY_EDGES', `viz: the graph has ${topo.edges.size} edges; at most ${limit} can be drawn (lower N or D, or measure it with floodlab sim)`);
  const rows: Columns = { kind: [], time: [], arrive: [], from: [], to: [], edge: [], hop: [], first: [] };
  const report = runSimulation(
    { nodes, degree, topology: options.topology, protocol: options.protocol, latency: options.latency, seed, messages: 1, ...(options.origin !== undefined ? { origin: options.origin } : {}) },
    recorder(rows, edgeIndex(topo.edges)),
  );
  const origin = report.perMessage[0]!.origin;
  return { edges: topo.edges, trace: { origin, ...rows }, report };
}
