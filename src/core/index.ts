/**
 * floodlab/core: what writing a protocol of your own takes. The seam (Port, Protocol), the
 * message, the built-in protocols to read or wrap, the helper most of them are made of
 * (onFirstSight), the registry and the formulas. Pure: no I/O, no clock, no unseeded randomness.
 *
 * @packageDocumentation
 */
export type { Capability, Control, Port, Protocol, TimerToken } from './seam.ts';
export type { MessageId, Msg } from './message.ts';
export { InputError, check } from './errors.ts';
export { onFirstSight, NONE, type Forward } from './protocols/first-sight.ts';
export { flood, floodEcho } from './protocols/flood.ts';
export { gossip } from './protocols/gossip.ts';
export { fanout } from './protocols/fanout.ts';
export { ttl } from './protocols/ttl.ts';
export { tree } from './protocols/tree.ts';
export { plumtree, PLUMTREE_TIMEOUT_MS } from './protocols/plumtree.ts';
export { announce, ANNOUNCE_TIMEOUT_MS } from './protocols/announce.ts';
export { RecentMap } from './protocols/recent.ts';
export { MessageSlots } from './message-slots.ts';
export { missingCapabilities, assertCapabilities, slotWidthOf } from './protocols/requires.ts';
export {
  exactSendsOf,
  parseProtocol,
  protocolFacts,
  protocolList,
  protocolName,
  registerProtocol,
  unregisterProtocol,
  type ProtocolEntry,
  type ProtocolFacts,
  type ProtocolInfo,
} from './protocols/index.ts';
export { floodFormulas, exactSends, rmr, type FloodFormulas } from './formulas.ts';
export { randomInt, shuffleInPlace, type Rng } from './rng.ts';
