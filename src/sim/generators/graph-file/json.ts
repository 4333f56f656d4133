/**
 * JSON graph files: a plain edge list [[u, v], ...], an object {nodes?, edges: [[u, v], ...]}, or
 * graphology's serialisation {nodes: [{key}], edges: [{source, target}]}. Node names may be
 * strings or numbers; anything else is an error naming where it was found.
 */
import { type CleanedEdgeList, GraphBuilder } from './builder.ts';

function name(value: unknown, where: string): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new Error(`${where} is not a node name (string or number)`);
}

/** The graph a JSON text describes. */
export function fromJson(text: string): CleanedEdgeList {
  const data: unknown = JSON.parse(text);
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const edges = Array.isArray(data) ? data : record['edges'];
  if (!Array.isArray(edges)) throw new Error('expected [[u, v], ...] or an object with an "edges" array');
  const builder = new GraphBuilder();
  const nodes = Array.isArray(data) ? [] : record['nodes'];
  if (nodes !== undefined && !Array.isArray(nodes)) throw new Error('"nodes" is not an array');
  (nodes ?? []).forEach((node: unknown, i) => {
    const key = typeof node === 'object' && node !== null ? (node as { key?: unknown }).key : node;
    builder.node(name(key, `nodes[${i}]`));
  });
  edges.forEach((edge: unknown, i) => {
    const pair = Array.isArray(edge) ? edge : typeof edge === 'object' && edge !== null ? [(edge as { source?: unknown }).source, (edge as { target?: unknown }).target] : [];
    builder.edge(name(pair[0], `edges[${i}][0]`), name(pair[1], `edges[${i}][1]`));
  });
  return builder.build();
}
