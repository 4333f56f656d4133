/**
 * The protocol registry: turns the name a user typed into a Protocol, or a clear error, and holds
 * what every other layer needs to know about a rule (its closed-form count, its display facts),
 * so that no file outside this one compares protocol names. The CLI, both transports, the reports
 * and the page look protocols up only through this file; a user's own protocol joins them with
 * registerProtocol() and then runs in sim, compare, launch and the page with no other edit.
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

/** What a registry entry says about its rule, beside how to build it. Plain data but for exactSends. */
export interface ProtocolFacts {
  /** Shown in --help and in the error for an unknown name, e.g. 'gossip:P'. */
  readonly usage: string;
  /** One line saying what the rule does. */
  readonly summary: string;
  /** A runnable spec for lists and charts when the bare name needs a parameter, e.g. 'gossip:0.7'. */
  readonly example?: string;
  /**
   * The closed form, where the rule has one: the exact payload sends of one message over the
   * origin's connected component of n nodes and e edges (no faults, any latency).
   */
  readonly exactSends?: (n: number, e: number) => number;
  /** exactSends as people write it, e.g. '2E − (N−1)'. */
  readonly exactFormula?: string;
  /** What the exact count means, for the waste table's row, e.g. 'all links but the one the message came in on'. */
  readonly exactMeaning?: string;
  /** How the rule comes to its exact count, in words, for the report's note on a regular graph. */
  readonly exactWhy?: string;
  /** True when the waste table shows this rule's exact row whatever rule ran (flood and flood-echo: the textbook's pair). */
  readonly reference?: boolean;
  /** True for the rule other rules' bytes are compared against in `compare` (flood). */
  readonly baseline?: boolean;
  /** True when the rule sends control messages (IHAVE, GRAFT, requests, ...) beside the payload. */
  readonly controlMessages?: boolean;
}

/** A registry entry: the facts and the builder. */
export interface ProtocolEntry extends ProtocolFacts {
  /** Builds the protocol from the text after the colon ('' when none); `spec` is the whole text, for errors. */
  readonly make: (arg: string, spec: string) => Protocol;
}

/** The facts of one registered rule, with its name, in a form that survives JSON (no exactSends). */
export interface ProtocolInfo extends Omit<ProtocolFacts, 'exactSends' | 'example'> {
  readonly name: string;
  readonly example: string;
  readonly hasClosedForm: boolean;
}

const noArg =
  (p: Protocol) =>
  (arg: string, spec: string): Protocol => {
    if (arg !== '') throw new InputError('ERR_BAD_PROTOCOL', `protocol: '${spec}' takes no parameter; write '${p.name}'`);
    return p;
  };

const registry = new Map<string, ProtocolEntry>([
  [
    'flood',
    {
      usage: 'flood',
      summary: 'forward to every neighbour but the sender',
      exactSends: (n, e) => 2 * e - (n - 1),
      exactFormula: '2E − (N−1)',
      exactMeaning: 'all links but the one the message came in on',
      exactWhy: 'every node but the origin skips the neighbour it heard from, and the origin, having no sender to skip, sends to all D',
      reference: true,
      baseline: true,
      make: noArg(flood),
    },
  ],
  [
    'flood-echo',
    {
      usage: 'flood-echo',
      summary: "forward to every neighbour, the sender included (the original Go program's rule)",
      exactSends: (_n, e) => 2 * e,
      exactFormula: '2E',
      exactMeaning: 'all links, back to the sender too (Go program)',
      exactWhy: 'each node sends to all D neighbours, including straight back to the one it heard from',
      reference: true,
      make: noArg(floodEcho),
    },
  ],
  ['ttl', { usage: 'ttl:K', summary: 'flood, but stop forwarding after K hops', example: 'ttl:4', make: (arg, spec) => ttl(count(arg, spec, 0, 'K, a hop limit', 'ttl:4')) }],
  [
    'gossip',
    {
      usage: 'gossip:P',
      summary: 'forward to each other neighbour with probability P (the origin sends to all)',
      example: 'gossip:0.7',
      make: (arg, spec) => gossip(probability(arg, spec, 'gossip:0.7')),
    },
  ],
  ['fanout', { usage: 'fanout:K', summary: 'forward to K neighbours drawn at random', example: 'fanout:3', make: (arg, spec) => fanout(count(arg, spec, 1, 'K, a number of neighbours', 'fanout:3')) }],
  [
    'tree',
    {
      usage: 'tree',
      summary: 'forward along a spanning tree configured in the transport (N−1 sends; no repair)',
      exactSends: (n) => Math.max(0, n - 1),
      exactFormula: 'N − 1',
      exactMeaning: 'one send per new node along the configured tree',
      make: noArg(tree),
    },
  ],
  [
    'plumtree',
    {
      usage: 'plumtree[:MS]',
      summary: `eager push on tree links, IHAVE on the rest, GRAFT after MS (default ${PLUMTREE_TIMEOUT_MS}) without the payload, PRUNE on a duplicate`,
      controlMessages: true,
      make: (arg, spec) => plumtree(millis(arg, spec, PLUMTREE_TIMEOUT_MS, 'plumtree:100')),
    },
  ],
  [
    'announce',
    {
      usage: 'announce[:MS]',
      summary: `send the id to every neighbour, the payload only on request; ask the next announcer after MS (default ${ANNOUNCE_TIMEOUT_MS})`,
      controlMessages: true,
      make: (arg, spec) => announce(millis(arg, spec, ANNOUNCE_TIMEOUT_MS, 'announce:100')),
    },
  ],
]);

/**
 * Adds a protocol to the registry; from then on every command and the page accept `name` (or
 * `name:ARG`). Throws InputError for a name that is taken or that could not be typed as a spec.
 */
export function registerProtocol(name: string, entry: ProtocolEntry): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new InputError('ERR_BAD_PROTOCOL', `protocol: '${name}' cannot be registered; a name is lower-case letters, digits and '-', starting with a letter`);
  if (registry.has(name)) throw new InputError('ERR_BAD_PROTOCOL', `protocol: '${name}' is already registered`);
  registry.set(name, entry);
}

/** Removes a protocol registerProtocol() added (tests); built-in names cannot be removed. */
export function unregisterProtocol(name: string): void {
  if (!BUILT_IN.has(name)) registry.delete(name);
}

const BUILT_IN = new Set(registry.keys());

/** The registered name of a spec: 'gossip' for 'gossip:0.7'. */
export function protocolName(spec: string): string {
  const colon = spec.indexOf(':');
  return colon < 0 ? spec : spec.slice(0, colon);
}

/** The facts of the rule a spec names, or undefined when no such rule is registered. */
export function protocolFacts(spec: string): ProtocolFacts | undefined {
  return registry.get(protocolName(spec));
}

/** Exact payload sends of one message over a component of n nodes and e edges, or undefined when the rule has no closed form. */
export function exactSendsOf(spec: string, n: number, e: number): number | undefined {
  return protocolFacts(spec)?.exactSends?.(n, e);
}

/** Every protocol's facts in help order, as plain data (what the page's /api/meta sends). */
export function protocolList(): ProtocolInfo[] {
  return [...registry.entries()].map(([name, { make: _make, exactSends, example, ...facts }]) => ({ ...facts, name, example: example ?? name, hasClosedForm: exactSends !== undefined }));
}

/** Parses 'name' or 'name:param' into a Protocol; throws InputError naming what is allowed. */
export function parseProtocol(spec: string): Protocol {
  const colon = spec.indexOf(':');
  const arg = colon < 0 ? '' : spec.slice(colon + 1);
  const entry = registry.get(protocolName(spec));
  if (!entry) {
    const allowed = [...registry.values()].map((e) => e.usage).join(', ');
    throw new InputError('ERR_BAD_PROTOCOL', `protocol: unknown protocol '${spec}'; allowed: ${allowed}`);
  }
  return entry.make(arg, spec);
}

/** Every registered rule's name and facts, exactSends included (for reports built in this process). */
export function protocolFactsList(): { name: string; facts: ProtocolFacts }[] {
  return [...registry.entries()].map(([name, facts]) => ({ name, facts }));
}
