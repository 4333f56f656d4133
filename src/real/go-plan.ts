/**
 * Where the Go nodes of a mixed launch go, and what they must have sent. Go nodes are placed so
 * that no two are linked: a Go node writes to its links unpaced and reads each message with a
 * fresh decoder, so a Go–Go link loses a message that shares a TCP read with another, while every
 * link with a floodlab end is paced (floodlab's writes) or read whole (floodlab's reads). A Go node
 * counts nothing, so its sends are inferred from its rule (messaging.go's announce): on a message's
 * first sight, typed or received, it writes it to every connection, the sender's included; each
 * first sight shows as one printed line (or the typed one).
 */
import { InputError } from '../core/errors.ts';
import type { Rng } from '../core/rng.ts';
import type { LaunchGraph } from './graph.ts';

/**
 * K nodes of the graph, no two of them linked, drawn in a seeded order (greedy: each node in a
 * shuffled order is taken unless it is next to one already taken). Throws when K such nodes are
 * not found that way, naming K and the most it found.
 */
export function pickGoNodes(graph: LaunchGraph, k: number, rng: Rng): number[] {
  const n = graph.order;
  if (!(Number.isInteger(k) && k >= 1 && k < n)) throw new InputError('ERR_BAD_GO', `launch: --go ${k} must be from 1 to N − 1 = ${n - 1}: at least one node must be floodlab's`);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < graph.size; e++) {
    neighbours[graph.src[e]!]!.push(graph.dst[e]!);
    neighbours[graph.dst[e]!]!.push(graph.src[e]!);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const blocked = new Uint8Array(n);
  const out: number[] = [];
  for (const u of order) {
    if (out.length === k) break;
    if (blocked[u]) continue;
    out.push(u);
    blocked[u] = 1;
    for (const v of neighbours[u]!) blocked[v] = 1;
  }
  if (out.length < k)
    throw new InputError(
      'ERR_BAD_GO',
      `launch: --go ${k}: found only ${out.length === 1 ? '1 node' : `${out.length} nodes`} of this graph with no link between them; Go nodes must not be linked to each other (their links are not paced and lose messages), so use fewer Go nodes or a sparser graph`,
    );
  return out.sort((a, b) => a - b);
}

/**
 * A Go node's inferred sends for one message: every `ADDR -> text` line it printed is followed by
 * one write on every link, and so is a line typed at it; `times` counts both (it is 2 when the
 * node printed the message twice, its unsynchronised seen check letting two links through).
 */
export function inferredGoSends(degree: number, times: number): number {
  return degree * times;
}
