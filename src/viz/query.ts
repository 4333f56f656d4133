/**
 * The page's request for a flood (`/api/flood?n=60&d=4&...`) turned into the simulator's options,
 * from the same option schema as `floodlab viz` (src/options/schema.ts): keys, ranges and parsers
 * are the schema's, with the limits of what a browser can draw smoothly. Bad values throw an
 * InputError naming the query key, the value and what is allowed; the server answers it as a 400.
 */
import { intIn, named } from '../options/parse.ts';
import { OPTIONS, override, type OptionSpec } from '../options/schema.ts';
import type { FloodOptions } from './trace.ts';
import type { VizDefaults } from './types.ts';

/** Largest N and E the page is asked to draw (smooth up to about 2,000 nodes). */
export const VIZ_LIMITS = { maxNodes: 5000, maxEdges: 50_000 } as const;

/** The flood options of `floodlab viz` and of the page's query, with the page's limits and why. */
export const VIZ_FLOOD_OPTIONS = {
  nodes: override(OPTIONS.nodes, {
    default: 60,
    parse: intIn(2, VIZ_LIMITS.maxNodes),
    why: `60, not 1,000 as in sim, and at most ${VIZ_LIMITS.maxNodes}: the page draws every node; floodlab sim measures larger floods`,
  }),
  degree: override(OPTIONS.degree, { parse: intIn(1, VIZ_LIMITS.maxNodes - 1), why: "below the page's node limit" }),
  topology: OPTIONS.topology,
  protocol: OPTIONS.protocol,
  latency: OPTIONS.latency,
  seed: OPTIONS.seed,
  origin: { ...OPTIONS.origin, help: 'where the flood starts (index or name); default: a seeded random node' },
} as const;

/** One query value through its schema entry: the server's default when missing, the key named in errors. */
function read<T>(params: URLSearchParams, spec: OptionSpec<T>, fallback: string): T {
  const key = spec.query ?? spec.long;
  const parse = spec.parse;
  if (!parse) throw new Error(`option ${spec.long} has no parser`);
  return named(`viz: ${key}`, parse)(params.get(key) ?? fallback);
}

/** Reads a flood request; missing parameters take the defaults the server was started with. */
export function parseFloodQuery(params: URLSearchParams, defaults: VizDefaults): FloodOptions {
  const o = VIZ_FLOOD_OPTIONS;
  const origin = read(params, o.origin, defaults.origin).trim();
  return {
    nodes: read(params, o.nodes, String(defaults.n)),
    degree: read(params, o.degree, String(defaults.d)),
    topology: read(params, o.topology, defaults.topology),
    protocol: read(params, o.protocol, defaults.protocol),
    latency: read(params, o.latency, defaults.latency),
    seed: read(params, o.seed, defaults.seed),
    ...(origin !== '' ? { origin } : {}),
    maxEdges: VIZ_LIMITS.maxEdges,
  };
}
