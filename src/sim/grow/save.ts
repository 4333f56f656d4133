/**
 * A grown network as plain edge-list text, one `u v` per line (nodes 0..n−1), the format
 * `floodlab sim --topology FILE` reads (src/sim/generators/graph-file/text.ts). Lines starting
 * with # are comments; the reader names nodes by first appearance, so a node with no link (none in
 * a settled grown network) would not survive the trip, and the header says how many there are.
 */
import type { EdgeList } from '../topology/edge-list.ts';

export function edgeListText(g: EdgeList, what: string): string {
  const deg = new Int32Array(g.order);
  for (let e = 0; e < g.size; e++) {
    deg[g.src[e]!]!++;
    deg[g.dst[e]!]!++;
  }
  const isolated = deg.reduce((s, d) => s + (d === 0 ? 1 : 0), 0);
  const parts = [`# ${what}\n# ${g.order} nodes, ${g.size} links${isolated > 0 ? `, ${isolated} of them without links (not listed below)` : ''}; one link 'u v' per line\n`];
  const chunk: string[] = [];
  for (let e = 0; e < g.size; e++) {
    chunk.push(`${g.src[e]} ${g.dst[e]}\n`);
    if (chunk.length === 65_536) parts.push(chunk.splice(0).join(''));
  }
  parts.push(chunk.join(''));
  return parts.join('');
}
