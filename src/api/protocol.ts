/**
 * registerProtocol(): a protocol of the user's own joins the built-in ones. From then on its name
 * is accepted wherever a protocol is (simulate, compare, sweep with jobs: 1, startNode, and the
 * CLI run in the same process), on the simulator and on real nodes alike: both run the same
 * Protocol objects through the seam (see floodlab/core). Worker processes (sweep with several
 * jobs, `launch --processes`) are separate programs and know only the built-in protocols.
 */
import { registerProtocol as registerEntry, unregisterProtocol, type ProtocolEntry, type ProtocolFacts } from '../core/protocols/index.ts';
import { InputError } from '../core/errors.ts';
import type { Protocol } from '../core/seam.ts';

export type { ProtocolFacts };

/**
 * A protocol with a parameter ('mine:3'): `make` builds it from the text after the colon, with
 * the facts the reports show (summary, closed-form count) where the rule has them.
 */
export interface ProtocolDefinition extends Partial<ProtocolFacts> {
  /** What users type: lower-case letters, digits and '-', starting with a letter. */
  readonly name: string;
  /** Builds the protocol from the text after the colon ('' when none); `spec` is the whole text, for errors. */
  readonly make: (arg: string, spec: string) => Protocol;
}

function isProtocol(p: Protocol | ProtocolDefinition): p is Protocol {
  return typeof (p as Protocol).receive === 'function' && typeof (p as Protocol).originate === 'function';
}

/**
 * Registers a Protocol object (its `name` is what users type; it takes no parameter) or a
 * ProtocolDefinition. Throws InputError for a name that is taken or could not be typed.
 */
export function registerProtocol(protocol: Protocol | ProtocolDefinition): void {
  if (isProtocol(protocol)) {
    const p = protocol;
    const make = (arg: string, spec: string): Protocol => {
      if (arg !== '') throw new InputError('ERR_BAD_PROTOCOL', `protocol: '${spec}' takes no parameter; write '${p.name}'`);
      return p;
    };
    registerEntry(p.name, { usage: p.name, summary: 'a protocol registered by the program using floodlab', make });
    return;
  }
  const { name, make, ...facts } = protocol;
  const entry: ProtocolEntry = { usage: name, summary: 'a protocol registered by the program using floodlab', ...facts, make };
  registerEntry(name, entry);
}

/** Removes a protocol registerProtocol() added; the built-in ones stay. */
export { unregisterProtocol };
