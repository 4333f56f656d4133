/**
 * The protocol registry: turns the name a user typed into a Protocol, or a clear error.
 * Later protocols register here; the CLI and both transports look them up only through this file.
 */
import { InputError } from '../errors.ts';
import type { Protocol } from '../seam.ts';
import { flood, floodEcho } from './flood.ts';

interface Entry {
  /** Shown in --help and in the error for an unknown name, e.g. 'gossip:P'. */
  readonly usage: string;
  readonly summary: string;
  /** Builds the protocol from the text after the colon ('' when none). */
  readonly make: (arg: string, spec: string) => Protocol;
}

const noArg = (p: Protocol) => (arg: string, spec: string): Protocol => {
  if (arg !== '') throw new InputError('ERR_BAD_PROTOCOL', `protocol: '${spec}' takes no parameter; write '${p.name}'`);
  return p;
};

const registry = new Map<string, Entry>([
  ['flood', { usage: 'flood', summary: 'forward to every neighbour but the sender', make: noArg(flood) }],
  ['flood-echo', { usage: 'flood-echo', summary: "forward to every neighbour, the sender included (the original Go program's rule)", make: noArg(floodEcho) }],
]);

/** Adds a protocol to the registry (used by the protocol modules' index). */
export function registerProtocol(name: string, entry: Entry): void {
  registry.set(name, entry);
}

/** The names and one-line summaries of every protocol, for help texts. */
export function protocolList(): { usage: string; summary: string }[] {
  return [...registry.values()].map(({ usage, summary }) => ({ usage, summary }));
}

/** Parses 'name' or 'name:param' into a Protocol; throws InputError naming what is allowed. */
export function parseProtocol(spec: string): Protocol {
  const colon = spec.indexOf(':');
  const name = colon < 0 ? spec : spec.slice(0, colon);
  const arg = colon < 0 ? '' : spec.slice(colon + 1);
  const entry = registry.get(name);
  if (!entry) {
    const allowed = [...registry.values()].map((e) => e.usage).join(', ');
    throw new InputError('ERR_BAD_PROTOCOL', `protocol: unknown protocol '${spec}'; allowed: ${allowed}`);
  }
  return entry.make(arg, spec);
}
