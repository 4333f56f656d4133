/**
 * The page's request for a flood (`/api/flood?n=60&d=4&...`) turned into the simulator's options,
 * with the limits of what a browser can draw smoothly. Bad values throw an InputError naming the
 * parameter, the value and what is allowed; the server answers it as a 400 with that line.
 */
import { InputError } from '../core/errors.ts';
import type { FloodOptions } from './trace.ts';
import type { VizDefaults } from './types.ts';

/** Largest N and E the page is asked to draw (smooth up to about 2,000 nodes). */
export const VIZ_LIMITS = { maxNodes: 5000, maxEdges: 50_000 } as const;

function int(name: string, text: string, min: number, max: number): number {
  const value = Number(text.replaceAll('_', ''));
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError('ERR_BAD_OPTION', `viz: ${name} '${text}' is not allowed; expected an integer from ${min} to ${max}`);
  }
  return value;
}

function text(name: string, value: string): string {
  if (value.length > 300) throw new InputError('ERR_BAD_OPTION', `viz: ${name} is ${value.length} characters long; at most 300 allowed`);
  return value;
}

/** Reads a flood request; missing parameters take the defaults the server was started with. */
export function parseFloodQuery(params: URLSearchParams, defaults: VizDefaults): FloodOptions {
  const get = (key: string, fallback: string): string => params.get(key) ?? fallback;
  const origin = get('origin', defaults.origin).trim();
  return {
    nodes: int('n', get('n', String(defaults.n)), 2, VIZ_LIMITS.maxNodes),
    degree: int('d', get('d', String(defaults.d)), 1, VIZ_LIMITS.maxNodes - 1),
    topology: text('topology', get('topology', defaults.topology)),
    protocol: text('protocol', get('protocol', defaults.protocol)),
    latency: text('latency', get('latency', defaults.latency)),
    seed: text('seed', get('seed', defaults.seed)),
    ...(origin !== '' ? { origin: text('origin', origin) } : {}),
    maxEdges: VIZ_LIMITS.maxEdges,
  };
}
