/**
 * Faults for simulations: transmissions lost at random, nodes and links that fail. Parsed from
 * --loss P, --fail F[@K] and --fail-links F[@K]; drawn once per run from the seed, so every
 * protocol of a comparison meets the same failed nodes and links. Failures happen between
 * messages: after the first K messages (K = 0: from the start). Failures are detected (sends to a
 * failed peer are refused, not counted) unless they are asked to be silent.
 */
import { check, InputError } from '../core/errors.ts';
import { type Rng, shuffleInPlace } from '../core/rng.ts';
import { seededRng } from './random.ts';
import type { Csr } from './topology/csr.ts';

/** "Never fails": larger than any message index. */
export const NEVER = 0x7fffffff;

export interface FaultSpec {
  /** Probability that one transmission (payload or control) is lost. */
  readonly loss: number;
  /** Fraction of nodes that fail, and after how many messages. */
  readonly failNodes: number;
  readonly failNodesAfter: number;
  /** Fraction of links that fail, and after how many messages. */
  readonly failLinks: number;
  readonly failLinksAfter: number;
  /**
   * Whether failures go unnoticed. By default a failure is detected at once, as a closed TCP
   * connection is: a send to a failed node or over a failed link is refused locally and is not a
   * transmission (the real node does the same for a dropped peer). Silent failures are not
   * noticed: such copies are sent, counted and lost.
   */
  readonly silent: boolean;
}

export const NO_FAULTS: FaultSpec = { loss: 0, failNodes: 0, failNodesAfter: 0, failLinks: 0, failLinksAfter: 0, silent: false };

export interface FaultPlan {
  readonly loss: number;
  /** See FaultSpec.silent. */
  readonly silent: boolean;
  /** Per node: the message index from which it is down, or NEVER. */
  readonly nodeDownFrom: Int32Array;
  /** Per half-edge (twins alike): the message index from which the link is down, or NEVER. */
  readonly linkDownFrom: Int32Array;
  readonly failedNodes: number;
  readonly failedLinks: number;
}

/** Parses --loss: a probability in [0, 1]. */
export function parseLoss(text: string): number {
  const p = /^(\d+(\.\d+)?|\.\d+)$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(p >= 0 && p <= 1)) throw new InputError('ERR_BAD_FAULT', `--loss '${text}' is not allowed; expected a probability from 0 to 1, e.g. 0.05`);
  return p;
}

/** Parses --fail / --fail-links: 'F' or 'F@K', F a fraction in [0, 1), K messages before failing. */
export function parseFail(flag: string, text: string): { fraction: number; after: number } {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:@\s*(\d+))?\s*$/.exec(text);
  const fraction = m ? Number(m[1]) : Number.NaN;
  if (!m || !(fraction >= 0 && fraction < 1)) {
    throw new InputError(
      'ERR_BAD_FAULT',
      `${flag} '${text}' is not allowed; expected F or F@K: a fraction F from 0 to below 1 (e.g. 0.1), failing after the first K messages (default 0: from the start)`,
    );
  }
  return { fraction, after: m[2] === undefined ? 0 : Number(m[2]) };
}

/** Faults as asked for by the CLI's flags or the library's options: text or numbers, none by default. */
export interface FaultRequest {
  readonly loss?: number | string;
  /** 'F' or 'F@K' for nodes, and for links. */
  readonly fail?: string;
  readonly failLinks?: string;
  readonly silentFailures?: boolean;
}

/** The FaultSpec a request asks for (no faults when it asks for none); `names` name the fail options in errors. */
export function faultSpecOf(r: FaultRequest, names: { readonly fail: string; readonly failLinks: string }): FaultSpec {
  const nodes = r.fail === undefined ? { fraction: 0, after: 0 } : parseFail(names.fail, r.fail);
  const links = r.failLinks === undefined ? { fraction: 0, after: 0 } : parseFail(names.failLinks, r.failLinks);
  return {
    ...NO_FAULTS,
    loss: r.loss === undefined ? 0 : parseLoss(String(r.loss)),
    failNodes: nodes.fraction,
    failNodesAfter: nodes.after,
    failLinks: links.fraction,
    failLinksAfter: links.after,
    silent: r.silentFailures === true,
  };
}

/** True when the spec asks for any fault at all. */
export function hasFaults(spec: FaultSpec): boolean {
  return spec.loss > 0 || spec.failNodes > 0 || spec.failLinks > 0;
}

/** `count` distinct items of `pool`, uniformly (partial Fisher–Yates over the injected rng). */
function sample(pool: Int32Array, count: number, rng: Rng): Int32Array {
  return shuffleInPlace(pool, rng, count).subarray(pool.length - count);
}

/**
 * Draws which nodes and links fail: round(F·N) nodes other than `protect` (a user-given origin),
 * round(F·E) links. Each draw has its own seeded stream.
 */
export function planFaults(csr: Csr, spec: FaultSpec, seed: string, protect: readonly number[] = []): FaultPlan {
  check(spec.loss >= 0 && spec.loss <= 1, 'ERR_BAD_FAULT', `faults: loss ${spec.loss} must lie in [0, 1]`);
  check(spec.failNodes >= 0 && spec.failNodes < 1 && spec.failLinks >= 0 && spec.failLinks < 1, 'ERR_BAD_FAULT', 'faults: failing fractions must lie in [0, 1)');
  const nodeDownFrom = new Int32Array(csr.order).fill(NEVER);
  const linkDownFrom = new Int32Array(csr.targets.length).fill(NEVER);
  // The candidate lists are as large as the graph: made only when something fails.
  let nodeCount = 0;
  if (spec.failNodes > 0) {
    const guarded = new Set(protect);
    const candidates = Int32Array.from({ length: csr.order }, (_, u) => u).filter((u) => !guarded.has(u));
    nodeCount = Math.min(candidates.length, Math.round(spec.failNodes * csr.order));
    for (const u of sample(candidates, nodeCount, seededRng(seed, 'fail-nodes'))) nodeDownFrom[u] = spec.failNodesAfter;
  }
  let linkCount = 0;
  if (spec.failLinks > 0) {
    const canonical = Int32Array.from({ length: csr.targets.length }, (_, h) => h).filter((h) => h < csr.twins[h]!);
    linkCount = Math.round(spec.failLinks * csr.size);
    for (const h of sample(canonical, linkCount, seededRng(seed, 'fail-links'))) {
      linkDownFrom[h] = spec.failLinksAfter;
      linkDownFrom[csr.twins[h]!] = spec.failLinksAfter;
    }
  }
  return { loss: spec.loss, silent: spec.silent, nodeDownFrom, linkDownFrom, failedNodes: nodeCount, failedLinks: linkCount };
}

/** The message indices at which the set of live nodes or links changes (always includes 0). */
export function faultEpochs(plan: FaultPlan): number[] {
  const set = new Set<number>([0]);
  for (const k of plan.nodeDownFrom) if (k !== NEVER) set.add(k);
  for (const k of plan.linkDownFrom) if (k !== NEVER) set.add(k);
  return [...set].sort((a, b) => a - b);
}
