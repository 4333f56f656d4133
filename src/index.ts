/// <reference types="node" preserve="true" />
/**
 * floodlab as a library: everything the command line does, callable from a program, a notebook
 * or a test. One entry, documented with TypeDoc (`npm run docs`):
 *
 * - {@link simulate}: one simulated flood; the object `floodlab sim --json` prints.
 * - {@link sweep}: a grid of N and D over seeds, as an async iterable of finished cells.
 * - {@link compare}: several protocols on the same network, seed, origins and faults.
 * - {@link buildTopology}: a graph from a topology spec, a graphology Graph or [u, v] pairs, as an edge list.
 * - {@link registerProtocol}: your own protocol, then run by name in the simulator and on real nodes.
 * - {@link startNode}: one real node over TCP.
 *
 * Bad input throws {@link InputError}, whose message is the one line the CLI prints. For writing
 * a protocol (the seam, the built-in protocols, the formulas) see `floodlab/core`; the
 * simulator's and the real nodes' own modules are `floodlab/sim` and `floodlab/real`.
 *
 * @packageDocumentation
 */
export { simulate, type SimulateOptions, type SimReport } from './api/simulate.ts';
export type { WasteTable } from './report/waste.ts';
export type { WasteRow } from './core/waste.ts';
export type { TopologyUses } from './sim/generators/topology-info.ts';
export { sweep, sweepOptionsOf, type SweepGrid, type SweepProgress, type SweepRunOptions, type CellResult, type Shard, type SweepCell } from './api/sweep.ts';
export { compare, DEFAULT_COMPARED, type CompareOptions, type CompareResult, type CompareRow } from './api/compare.ts';
export { buildTopology, topologies, type BuiltTopology, type EdgeList, type GraphInput, type GraphologyGraph, type TopologyInfo, type TopologyOptions } from './api/topology.ts';
export { registerProtocol, unregisterProtocol, type ProtocolDefinition, type ProtocolFacts } from './api/protocol.ts';
export { startNode, type FloodNode, type Msg, type NodeStats, type StartNodeOptions } from './api/node.ts';
export { DEFAULTS, type FaultOptions, type NetworkOptions } from './api/options.ts';
export { InputError } from './core/errors.ts';
export { protocolList, type ProtocolInfo } from './core/protocols/index.ts';
export type { Control, Port, Protocol, TimerToken, Capability } from './core/seam.ts';
export { floodFormulas, rmr, type FloodFormulas } from './core/formulas.ts';
