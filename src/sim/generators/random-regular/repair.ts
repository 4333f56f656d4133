/**
 * Repair: removes every self-loop and parallel edge the configuration model left, by random
 * double-edge switches, each accepted one lowering their number. Degrees never change.
 */
import type { Rng } from '../../../core/rng.ts';
import { applySwitch, has, isBad, multiplicity, type Pairing } from './pairing.ts';

/** Strict tries per bad edge before relaxed switches are allowed too (see trySwitch). */
const STRICT_TRIES = 100;
/** Failed tries for one bad edge before giving up (never reached in our tests). */
const MAX_TRIES = 1_000_000;

/** Loops plus surplus parallel copies, over the distinct node pairs among `ends`. */
function badness(g: Pairing, ends: readonly number[]): number {
  let sum = 0;
  const done: number[] = [];
  for (let i = 0; i < ends.length; i += 2) {
    const a = Math.min(ends[i]!, ends[i + 1]!);
    const b = Math.max(ends[i]!, ends[i + 1]!);
    if (done.includes(a * 2 ** 26 + b)) continue;
    done.push(a * 2 ** 26 + b);
    const m = multiplicity(g, a, b);
    sum += a === b ? m / 2 : Math.max(0, m - 1);
  }
  return sum;
}

/**
 * Switches bad edge e with a random edge f in a random orientation. Strict: only if both new
 * edges are new and not loops (cheap, and nearly always possible). Relaxed: kept if it lowers the
 * loops and surplus copies around the four nodes, which unblocks e.g. a graph made only of loops.
 * Returns f, or -1 when nothing changed.
 */
function trySwitch(g: Pairing, e: number, rng: Rng, strict: boolean): number {
  const r = Math.floor(rng() * 2 * g.size);
  const f = r >> 1;
  const u = g.src[e]!;
  const v = g.dst[e]!;
  const x = (r & 1) === 0 ? g.src[f]! : g.dst[f]!;
  const y = (r & 1) === 0 ? g.dst[f]! : g.src[f]!;
  if (f === e || u === x || v === y) return -1;
  if (strict) {
    if ((u === v && x === y) || has(g, u, x) || has(g, v, y)) return -1;
    applySwitch(g, e, f, u, v, x, y);
    return f;
  }
  const ends = [u, v, x, y, u, x, v, y];
  const before = badness(g, ends);
  applySwitch(g, e, f, u, v, x, y);
  if (badness(g, ends) < before) return f;
  applySwitch(g, e, f, u, x, v, y); // undo
  return -1;
}

/** Widest row checked by pairwise comparison; wider rows use a stamp array (see flagRows). */
const ROW_SCAN_MAX_DEGREE = 32;

/**
 * Marks the nodes whose slots hold a loop or a repeated neighbour: those are the ends of every
 * bad edge. Small degrees compare each row's slots pairwise, inside one or two cache lines; a
 * stamp array indexed by neighbour would cost a cache miss per slot on large graphs (10^7 nodes).
 */
function flagRows(g: Pairing, order: number): Uint8Array {
  const flagged = new Uint8Array(order);
  const { adj, degree } = g;
  if (degree <= ROW_SCAN_MAX_DEGREE) {
    for (let u = 0; u < order; u++) {
      const row = u * degree;
      scan: for (let k = row, end = row + degree; k < end; k++) {
        const v = adj[k]!;
        if (v === u) {
          flagged[u] = 1;
          break;
        }
        for (let j = row; j < k; j++) {
          if (adj[j] === v) {
            flagged[u] = 1;
            break scan;
          }
        }
      }
    }
    return flagged;
  }
  const stamp = new Int32Array(order).fill(-1); // a bad edge shows as a repeat in its ends' slots
  for (let u = 0; u < order; u++) {
    stamp[u] = u;
    for (let k = u * degree, end = k + degree; k < end; k++) {
      if (stamp[adj[k]!] === u) flagged[u] = 1;
      stamp[adj[k]!] = u;
    }
  }
  return flagged;
}

/** Removes every self-loop and parallel edge; each accepted switch lowers their number. */
export function repair(g: Pairing, order: number, rng: Rng): void {
  const pending: number[] = [];
  const flagged = flagRows(g, order);
  for (let e = 0; e < g.size; e++) if (flagged[g.src[e]!] === 1 && isBad(g, e)) pending.push(e);
  for (let e = pending.pop(); e !== undefined; e = pending.pop()) {
    for (let tries = 0, bad = isBad(g, e); bad; tries++) {
      if (tries >= MAX_TRIES) throw new Error(`random-regular: edge ${e} still bad after ${MAX_TRIES} switches`);
      const strict = tries < STRICT_TRIES || tries % 2 === 0;
      const f = trySwitch(g, e, rng, strict);
      if (f >= 0 && !strict) pending.push(f); // a relaxed switch may leave f bad
      if (f >= 0) bad = isBad(g, e);
    }
  }
}
