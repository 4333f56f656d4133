/// <reference types="node" preserve="true" />
/**
 * floodlab/sim: the simulator's own modules, for programs that need more than `simulate`: the
 * run with an engine observer (every send and receipt), topologies as typed edge lists and CSR,
 * comparisons on a graph of your own, sweep cells one by one, seeded random streams.
 *
 * @packageDocumentation
 */
export { runSimulation, type SimOptions, type SimReport, type FaultReport } from './run.ts';
export type { EngineObserver, MessageStats } from './engine/engine.ts';
export { compareProtocols, compareOn, type CompareOptions, type CompareResult, type CompareRow, type GraphComparison } from './compare.ts';
export { buildTopology, topologyList, MAX_NODES, type Topology, type TopologyOptions, type TopologyInfo } from './topology/spec.ts';
export { edgeListFromPairs, type EdgeList } from './topology/edge-list.ts';
export { toCsr, type Csr } from './topology/csr.ts';
export { components } from './topology/components.ts';
export { parseLatency } from './latency.ts';
export { NO_FAULTS, parseFail, parseLoss, type FaultSpec } from './faults.ts';
export { seededRng } from './random.ts';
export { cellSeed, runCell, summarizeSweep, sweepCells, shardCells, type CellResult, type Shard, type SweepCell, type SweepOptions, type SweepRow, type Spread } from './sweep.ts';
export type { GraphCleaning } from './generators/graph-file.ts';
export type { Components } from './topology/components.ts';
export type { LatencyModel } from './latency.ts';
