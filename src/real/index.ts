/// <reference types="node" preserve="true" />
/**
 * floodlab/real: real nodes over TCP, for programs that need more than `startNode`: the node
 * class itself (every option: limits, codecs, seen-cache bounds), several nodes in one process
 * wired as a graph, and floods over them with exact delivery tracking, as `floodlab launch` runs.
 *
 * @packageDocumentation
 */
export { RealNode, REAL_NODE_CAPABILITIES, type NodeStats, type PeerInfo, type RealNodeOptions } from './node.ts';
export { DEFAULT_LIMITS } from './node-options.ts';
export { startInProcess, wallClock, type Cluster, type ClusterOptions, type DeliveryListener, type NodeHandle } from './cluster.ts';
export { DeliveryTracker } from './deliveries.ts';
export { floodBurst, floodEach, wire, type BurstResult, type FloodOptions, type RealMessage } from './launch.ts';
export type { LinkState } from './link.ts';
export type { LinkLimits } from './link-limits.ts';
export type { CodecPicker } from './wire/choice.ts';
export type { Hello, WireCodec, WireDecoder, WireError, WireEvent, WireLimits, WireMessage, WirePacer } from './wire/codec.ts';
export type { WireName } from './wire/pick.ts';
export type { Handshake, HandshakeLink, HandshakeStep } from './handshake.ts';
export type { RedialClock } from './redial.ts';
export type { MessageDeliveries } from './deliveries.ts';
export type { LaunchGraph } from './graph.ts';
