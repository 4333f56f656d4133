/**
 * What the viz server sends the page. Plain JSON-able shapes shared by both sides, so the page
 * and the server cannot disagree on a field. No imports of Node modules: the page bundles this.
 */
import type { SimReport } from '../sim/run.ts';

/** The graph as drawn: edges as endpoint pairs, positions laid out by the server. */
export interface VizGraph {
  /** Identifies the graph (N, D, topology, seed): the page keeps its drawing while it is unchanged. */
  readonly key: string;
  readonly order: number;
  /** Node names where the graph has them (named graphs, files), else null. */
  readonly labels: readonly string[] | null;
  /** Edge i joins src[i] and dst[i]. */
  readonly src: readonly number[];
  readonly dst: readonly number[];
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** A copy leaving its sender. */
export const SEND = 0;
/** A copy arriving at its receiver. */
export const RECEIVE = 1;

/**
 * One flood as the engine ran it: one row per engine event, in the order the engine made them
 * (time never decreases). Every row is one copy of the message, leaving (`kind` SEND) or arriving
 * (`kind` RECEIVE). Column arrays keep the JSON small.
 */
export interface FloodTrace {
  readonly origin: number;
  readonly kind: readonly number[];
  /** µs: when the copy left (SEND) or arrived (RECEIVE). */
  readonly time: readonly number[];
  /** µs: when the copy arrives (equal to `time` for RECEIVE rows). */
  readonly arrive: readonly number[];
  readonly from: readonly number[];
  readonly to: readonly number[];
  /** Index of the edge the copy travels (into VizGraph.src/dst). */
  readonly edge: readonly number[];
  /** Hops the copy has travelled when it arrives. */
  readonly hop: readonly number[];
  /** 1 when this copy is the receiver's first, 0 when it is a duplicate. */
  readonly first: readonly number[];
}

/** What `/api/flood` answers: the graph, the recorded flood and `floodlab sim`'s report of it. */
export interface FloodPayload {
  readonly graph: VizGraph;
  readonly trace: FloodTrace;
  /** The report `floodlab sim --json` prints for the same options (non-finite numbers as null). */
  readonly report: SimReport;
}

/** What `/api/meta` answers: the choices the form offers and the command line's defaults. */
export interface VizMeta {
  readonly protocols: readonly { readonly usage: string; readonly summary: string }[];
  readonly topologies: readonly { readonly usage: string; readonly summary: string }[];
  readonly latencies: readonly string[];
  readonly defaults: VizDefaults;
  readonly limits: { readonly maxNodes: number; readonly maxEdges: number };
}

/** The form's starting values (from `floodlab viz` flags). */
export interface VizDefaults {
  readonly n: number;
  readonly d: number;
  readonly topology: string;
  readonly protocol: string;
  readonly latency: string;
  readonly seed: string;
  /** Empty: a seeded random origin, as `floodlab sim` picks. */
  readonly origin: string;
}
