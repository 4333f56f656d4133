/**
 * Which optional seam members a protocol needs, checked once when a transport starts it, so that
 * a protocol never finds a member missing halfway through a run.
 */
import { InputError } from '../errors.ts';
import type { Capability, Protocol } from '../seam.ts';

/** The capabilities `protocol` requires that `provided` lacks. */
export function missingCapabilities(protocol: Protocol, provided: readonly Capability[]): Capability[] {
  return (protocol.requires ?? []).filter((c) => !provided.includes(c));
}

/** Throws an InputError naming the protocol, the transport and what is missing. */
export function assertCapabilities(protocol: Protocol, provided: readonly Capability[], transport: string): void {
  const missing = missingCapabilities(protocol, provided);
  if (missing.length > 0) {
    throw new InputError('ERR_UNSUPPORTED_PROTOCOL', `${transport}: protocol '${protocol.name}' needs ${missing.join(', ')}, which this transport does not provide`);
  }
}

/** Int32s per slot of a protocol that requires 'slots' (0 for one that does not); throws InputError when it declares none. */
export function slotWidthOf(protocol: Protocol): number {
  if (!(protocol.requires ?? []).includes('slots')) return 0;
  const w = protocol.slotWidth;
  if (w === undefined || !Number.isInteger(w) || w < 1 || w > 1024) {
    throw new InputError('ERR_UNSUPPORTED_PROTOCOL', `protocol '${protocol.name}' requires slots, so its slotWidth (${w}) must be an integer from 1 to 1024`);
  }
  return w;
}
