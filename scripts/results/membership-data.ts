/**
 * The figures behind results/membership.md and its charts, from seeded runs (same output every
 * time): each overlay grown to N nodes; for each fraction killed, a fresh grow, the kill, floods
 * right after and after repair; the static random-regular networks of each overlay's mean degree
 * with the same fraction removed and nothing repaired.
 */
import { randomRegular } from '../../src/sim/generators/random-regular.ts';
import { killAndRepair } from '../../src/sim/grow/failure.ts';
import { grow } from '../../src/sim/grow/grow.ts';
import { floodReliability, induced, pickDistinct } from '../../src/sim/grow/reliability.ts';
import { growReport, type GrowReport } from '../../src/sim/grow/report.ts';
import { seededRng } from '../../src/sim/random.ts';

export const N = 1000;
export const K = 5;
export const MESSAGES = 50;
export const SEEDS = [1, 2, 3];
export const FRACTIONS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** Simulated time allowed for repair in these runs (the CLI's default is 600 s). */
export const REPAIR_LIMIT_MS = 120_000;
export const OVERLAYS = ['blog', 'hyparview'] as const;

export interface KillPoint {
  readonly network: string;
  readonly fraction: number;
  /** Means over SEEDS. */
  readonly reliabilityRightAfter: number;
  readonly reliabilityAfterRepair: number;
  /** Seeds (of SEEDS) that were repaired (connected, all at K) within the limit, and the mean repair time of those (ms). */
  readonly repaired: number;
  readonly repairTimeMs: number | null;
  /** Seeds connected again within the limit, and their mean time (ms). */
  readonly connected: number;
  readonly connectedTimeMs: number | null;
  readonly repairMessages: number | null;
}

const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export function grownReports(): GrowReport[] {
  return OVERLAYS.map((overlay) => growReport(grow({ nodes: N, want: K, overlay, seed: 1 }), 1));
}

function overlayPoint(overlay: string, fraction: number): KillPoint {
  const runs = SEEDS.map((seed) => killAndRepair(grow({ nodes: N, want: K, overlay, seed }).net, K, fraction, MESSAGES, seed, REPAIR_LIMIT_MS));
  const done = runs.filter((r) => r.repaired);
  const conn = runs.filter((r) => r.connectedTimeMs !== null);
  return {
    network: overlay,
    fraction,
    reliabilityRightAfter: mean(runs.map((r) => r.reliabilityBefore))!,
    reliabilityAfterRepair: mean(runs.map((r) => r.reliabilityAfterRepair))!,
    repaired: done.length,
    repairTimeMs: mean(done.map((r) => r.repairTimeMs!)),
    connected: conn.length,
    connectedTimeMs: mean(conn.map((r) => r.connectedTimeMs!)),
    repairMessages: mean(runs.map((r) => r.repairMessages)),
  };
}

function staticPoint(degree: number, fraction: number): KillPoint {
  const rel = SEEDS.map((seed) => {
    const g = randomRegular({ order: N, degree, rng: seededRng(seed, 'static-regular') });
    const keep = new Uint8Array(N).fill(1);
    for (const u of pickDistinct(N, Math.floor(fraction * N), seededRng(seed, 'kill'))) keep[u] = 0;
    return floodReliability(induced(g, keep), MESSAGES, seededRng(seed, 'repair-origins'), seed).reliability;
  });
  const r = mean(rel)!;
  return {
    network: `random ${degree}-regular`,
    fraction,
    reliabilityRightAfter: r,
    reliabilityAfterRepair: r,
    repaired: 0,
    repairTimeMs: null,
    connected: 0,
    connectedTimeMs: null,
    repairMessages: null,
  };
}

/** Every point: both overlays, and a static random-regular network at each overlay's rounded mean degree. */
export function killSweep(reports: readonly GrowReport[]): KillPoint[] {
  const degrees = [...new Set(reports.map((r) => Math.round(r.degree.mean)))].sort((a, b) => a - b);
  return [...OVERLAYS.flatMap((o) => FRACTIONS.map((f) => overlayPoint(o, f))), ...degrees.flatMap((d) => FRACTIONS.map((f) => staticPoint(d, f)))];
}
