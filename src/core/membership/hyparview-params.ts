/**
 * HyParView's parameters (named as in the paper, with the paper's defaults and their validation) and
 * the per-node state its rules work on.
 */
import { check } from '../errors.ts';
import type { Address } from './address.ts';

/** Parameters, named as in the paper. */
export interface HvParams {
  /** Active view size: fanout + 1 (K, `--want`). */
  readonly activeSize: number;
  /** Passive view size. */
  readonly passiveSize: number;
  /** Active random walk length: the FORWARDJOIN walk's initial ttl. */
  readonly arwl: number;
  /** Passive random walk length: the ttl at which a FORWARDJOIN holder adds the newcomer to its passive view. */
  readonly prwl: number;
  /** Active and passive addresses sent in a SHUFFLE. */
  readonly ka: number;
  readonly kp: number;
  /** The SHUFFLE walk's initial ttl. */
  readonly shuffleTtl: number;
  /** Shuffle period (ms of simulated or real time). */
  readonly shuffleMs: number;
  /** Wait before retrying a join whose entry did not answer or had no room (ms); doubles per failure up to joinMaxRetryMs. */
  readonly joinRetryMs: number;
  readonly joinMaxRetryMs: number;
}

/**
 * The paper's values (section 5, 10,000 nodes): active 5 = fanout 4 + 1, passive 30, ARWL 6, PRWL 3,
 * ka 3, kp 4; the shuffle walk uses ARWL as its ttl. The paper's simulations run in rounds, so the
 * shuffle period and join retry in milliseconds are ours.
 */
export const HYPARVIEW_DEFAULTS: HvParams = { activeSize: 5, passiveSize: 30, arwl: 6, prwl: 3, ka: 3, kp: 4, shuffleTtl: 6, shuffleMs: 10_000, joinRetryMs: 1000, joinMaxRetryMs: 16_000 };

/** The defaults overridden by `options`; throws an InputError naming a bad value. */
export function hyparviewParams(options: Partial<HvParams>): HvParams {
  const p = { ...HYPARVIEW_DEFAULTS, ...options };
  for (const [key, value] of Object.entries(p)) {
    const min = key === 'activeSize' || key === 'shuffleMs' || key === 'joinRetryMs' ? 1 : key === 'joinMaxRetryMs' ? p.joinRetryMs : 0;
    check(Number.isInteger(value) && value >= min, 'ERR_BAD_MEMBERSHIP', `hyparview: ${key} ${value} must be an integer >= ${min}`);
  }
  return p;
}

/** Why an open is in flight: our join, a walk's acceptance, or a repair request. */
export type Purpose = 'join' | 'accept' | 'neighbor';

export interface HvState {
  /** The active view: admitted peer → its link. */
  readonly active: Map<Address, number>;
  readonly passive: Address[];
  /** Opens in flight and why. */
  readonly outbound: Map<Address, Purpose>;
  /** NEIGHBOR requests sent and not yet answered: peer → link. */
  readonly asking: Map<Address, number>;
  /** Passive nodes that refused or failed in this repair round (cleared each shuffle tick). */
  readonly tried: Set<Address>;
  /** Inbound links that have not yet said why they were opened: link → peer. */
  readonly inbound: Map<number, Address>;
  /** Inbound links already waiting at the previous tick (closed at the next if still silent). */
  readonly stale: Set<number>;
  /** The addresses sent in our last SHUFFLE (evicted first when merging the reply). */
  lastShuffle: Address[];
  /** Low-priority requests were refused in the last shuffle period while short by two or more (see HyParViewNode.highPriority). */
  insist: boolean;
  /** The next join retry's delay before jitter (ms): joinRetryMs, doubled per failed join, back to joinRetryMs once admitted. */
  joinDelay: number;
}
