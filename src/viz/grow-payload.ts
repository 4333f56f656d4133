/**
 * `/api/grow`: reads the page's grow query, records the run (grow-trace.ts) and lays the grown
 * network out once, so nodes appear where they will stay. The last few answers are cached: a
 * reload or a replay of the same options costs nothing.
 */
import { growCommand, parseGrowQuery } from './grow-query.ts';
import { recordGrow } from './grow-trace.ts';
import type { GrowPayload } from './grow-types.ts';
import { layoutGraph } from './layout.ts';

const cache = new Map<string, GrowPayload>();

export function growPayload(params: URLSearchParams): GrowPayload {
  const query = parseGrowQuery(params);
  const key = JSON.stringify(query);
  const hit = cache.get(key);
  if (hit) return hit;
  const { trace, figures, grownEdges } = recordGrow(query);
  const { x, y } = layoutGraph(grownEdges, query.seed);
  const payload: GrowPayload = { query, order: grownEdges.order, x, y, trace, figures, command: growCommand(query) };
  cache.set(key, payload);
  if (cache.size > 8) cache.delete(cache.keys().next().value!);
  return payload;
}
