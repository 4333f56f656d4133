/**
 * The protocol registry: turns the name a user typed into a Protocol, or a clear error.
 * Every protocol registers here; the CLI and both transports look them up only through this file.
 */
import { InputError } from '../errors.ts';
import type { Protocol } from '../seam.ts';
import { announce, ANNOUNCE_TIMEOUT_MS } from './announce.ts';
import { fanout } from './fanout.ts';
import { flood, floodEcho } from './flood.ts';
import { gossip } from './gossip.ts';
import { count, millis, probability } from './params.ts';
import { plumtree, PLUMTREE_TIMEOUT_MS } from './plumtree.ts';
import { tree } from './tree.ts';
import { ttl } from './ttl.ts';

interface Entry {
  /** Shown in --help and in the error for an unknown name, e.g. 'gossip:P'. */
  readonly usage: string;
  readonly summary: string;
  /** A runnable spec for lists and charts when the bare name needs a parameter, e.g. 'gossip:0.7'. */
  readonly example?: string;
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
  ['ttl', { usage: 'ttl:K', summary: 'flood, but stop forwarding after K hops', example: 'ttl:4', make: (arg, spec) => ttl(count(arg, spec, 0, 'K, a hop limit', 'ttl:4')) }],
  ['gossip', { usage: 'gossip:P', summary: 'forward to each other neighbour with probability P (the origin sends to all)', example: 'gossip:0.7', make: (arg, spec) => gossip(probability(arg, spec, 'gossip:0.7')) }],
  ['fanout', { usage: 'fanout:K', summary: 'forward to K neighbours drawn at random', example: 'fanout:3', make: (arg, spec) => fanout(count(arg, spec, 1, 'K, a number of neighbours', 'fanout:3')) }],
  ['tree', { usage: 'tree', summary: 'forward along a spanning tree configured in the transport (N−1 sends; no repair)', make: noArg(tree) }],
  [
    'plumtree',
    {
      usage: 'plumtree[:MS]',
      summary: `eager push on tree links, IHAVE on the rest, GRAFT after MS (default ${PLUMTREE_TIMEOUT_MS}) without the payload, PRUNE on a duplicate`,
      make: (arg, spec) => plumtree(millis(arg, spec, PLUMTREE_TIMEOUT_MS, 'plumtree:100')),
    },
  ],
  [
    'announce',
    {
      usage: 'announce[:MS]',
      summary: `send the id to every neighbour, the payload only on request; ask the next announcer after MS (default ${ANNOUNCE_TIMEOUT_MS})`,
      make: (arg, spec) => announce(millis(arg, spec, ANNOUNCE_TIMEOUT_MS, 'announce:100')),
    },
  ],
]);

/** Adds a protocol to the registry (used by the protocol modules' index). */
export function registerProtocol(name: string, entry: Entry): void {
  registry.set(name, entry);
}

/** Every protocol: its usage, a one-line summary, and a runnable example spec. */
export function protocolList(): { usage: string; summary: string; example: string }[] {
  return [...registry.entries()].map(([name, { usage, summary, example }]) => ({ usage, summary, example: example ?? name }));
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
