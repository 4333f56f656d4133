/**
 * `grow --kill F` and `grow --churn R`: disturb a grown network, then flood, repair and flood again
 * (repair.ts). A kill crashes ⌊F·n⌋ random live nodes at one instant (links vanish; the far ends
 * hear of it one link delay later). Churn is two Poisson processes of rate R per simulated second
 * for a stated time: joins (each through the grow run's entry rule) and crashes of a random live
 * node; nobody says goodbye, as when a laptop closes.
 */
import { check } from '../../core/errors.ts';
import type { Rng } from '../../core/rng.ts';
import { seededRng } from '../random.ts';
import { randomLive, spent, type MembershipSpent } from './grow.ts';
import type { MembershipNet } from './network.ts';
import { pickDistinct } from './reliability.ts';
import { floodAndRepair, type RepairReport } from './repair.ts';

export interface FailureReport extends RepairReport {
  /** The fraction asked for and the nodes crashed. */
  readonly fraction: number;
  readonly killed: number;
}

export interface ChurnReport extends RepairReport {
  readonly rate: number;
  readonly seconds: number;
  readonly joins: number;
  readonly departures: number;
  /** Membership messages spent during the churn itself. */
  readonly churnMessages: MembershipSpent;
}

function liveIds(net: MembershipNet): number[] {
  const ids: number[] = [];
  for (let u = 0; u < net.topology.order; u++) if (net.alive(u)) ids.push(u);
  return ids;
}

/** Crashes ⌊fraction·live⌋ random live nodes now, then floods, repairs and floods again. */
export function killAndRepair(net: MembershipNet, want: number, fraction: number, messages: number, seed: string | number, limitMs?: number): FailureReport {
  check(fraction > 0 && fraction < 1, 'ERR_BAD_OPTION', `kill: fraction ${fraction} is not allowed; expected a number above 0 and below 1`);
  const ids = liveIds(net);
  const chosen = pickDistinct(ids.length, Math.floor(fraction * ids.length), seededRng(seed, 'kill'));
  for (const i of chosen) net.crash(ids[i]!);
  return { fraction, killed: chosen.length, ...floodAndRepair(net, want, messages, seed, limitMs) };
}

/** One churn event: a join or a crash at a simulated time (ms from the start of the churn). */
export interface ChurnEvent {
  readonly atMs: number;
  readonly join: boolean;
}

/** Both Poisson processes of rate `rate` per second over `seconds`, merged in time order. */
export function churnSchedule(rate: number, seconds: number, seed: string | number): ChurnEvent[] {
  const rng = seededRng(seed, 'churn');
  const events: ChurnEvent[] = [];
  for (const join of [true, false]) {
    for (let t = exponential(rng, rate); t < seconds; t += exponential(rng, rate)) events.push({ atMs: t * 1000, join });
  }
  return events.sort((a, b) => a.atMs - b.atMs);
}

const exponential = (rng: Rng, rate: number): number => -Math.log(1 - rng()) / rate;

/** Runs the schedule on the network (joins through `entryOf`), then floods, repairs and floods again. */
export function churnAndRepair(
  net: MembershipNet,
  want: number,
  events: readonly ChurnEvent[],
  o: { rate: number; seconds: number; messages: number; seed: string | number; entryOf: () => number },
): ChurnReport {
  const pick = seededRng(o.seed, 'churn-victims');
  const start = net.now;
  const m0 = spent(net);
  let joins = 0;
  let departures = 0;
  for (const e of events) {
    net.run(start + e.atMs);
    if (e.join) {
      net.addNode(o.entryOf());
      joins++;
      continue;
    }
    if (net.liveNodes <= 1) continue;
    net.crash(randomLive(net, pick));
    departures++;
  }
  net.run(start + o.seconds * 1000);
  const m1 = spent(net);
  const churnMessages = { total: m1.total - m0.total, bytes: m1.bytes - m0.bytes, byType: Object.fromEntries(Object.entries(m1.byType).map(([k, v]) => [k, v - (m0.byType[k] ?? 0)])) };
  return { rate: o.rate, seconds: o.seconds, joins, departures, churnMessages, ...floodAndRepair(net, want, o.messages, o.seed) };
}
