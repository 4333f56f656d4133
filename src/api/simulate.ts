/**
 * simulate(): one simulated flood, as `floodlab sim` runs it. The report is the object
 * `floodlab sim --json` prints (there, numbers that are not finite, such as the RMR of a flood
 * that reached nobody, are written as null; here they stay NaN).
 */
import { runSimulation, type SimReport } from '../sim/run.ts';
import { DEFAULTS, faultsOf, originText, seedText, type FaultOptions, type NetworkOptions } from './options.ts';

export type { SimReport };

export interface SimulateOptions extends NetworkOptions, FaultOptions {
  /** A registered protocol's spec, e.g. 'flood', 'gossip:0.7' (default 'flood'); see registerProtocol(). */
  readonly protocol?: string;
}

/** Runs one simulation; throws InputError (one line naming the bad value) on bad options. */
export function simulate(options: SimulateOptions = {}): SimReport {
  return runSimulation({
    nodes: options.nodes ?? DEFAULTS.nodes,
    degree: options.degree ?? DEFAULTS.degree,
    topology: options.topology ?? DEFAULTS.topology,
    protocol: options.protocol ?? DEFAULTS.protocol,
    latency: options.latency ?? DEFAULTS.latency,
    seed: seedText(options.seed),
    messages: options.messages ?? DEFAULTS.messages,
    ...originText(options.origin),
    faults: faultsOf(options),
  });
}
