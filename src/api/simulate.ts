/**
 * simulate(): one simulated flood, as `floodlab sim` runs it. The report is the object
 * `floodlab sim --json` prints (there, numbers that are not finite, such as the RMR of a flood
 * that reached nobody, are written as null; here they stay NaN).
 */
import { runSimulation, type SimReport } from '../sim/run.ts';
import { DEFAULTS, runOf, type FaultOptions, type NetworkOptions } from './options.ts';

export type { SimReport };

export interface SimulateOptions extends NetworkOptions, FaultOptions {
  /** A registered protocol's spec, e.g. 'flood', 'gossip:0.7' (default 'flood'); see registerProtocol(). */
  readonly protocol?: string;
}

/** Runs one simulation; throws InputError (one line naming the bad value) on bad options. */
export function simulate(options: SimulateOptions = {}): SimReport {
  return runSimulation({ ...runOf(options, DEFAULTS.messages), protocol: options.protocol ?? DEFAULTS.protocol });
}
