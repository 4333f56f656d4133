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
