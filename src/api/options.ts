/**
 * What every library call shares with the command line: the defaults (the CLI's own, from the
 * option schema), seeds given as numbers or strings, and fault options written as the flags are.
 * So `simulate({ nodes: 1000 })` and `floodlab sim -n 1000` run the very same simulation.
 */
import { check } from '../core/errors.ts';
import { DEFAULTS } from '../options/schema.ts';
import { faultSpecOf, type FaultSpec } from '../sim/faults.ts';

export { DEFAULTS };

/** The options every simulation takes; each defaults to the CLI's default. */
export interface NetworkOptions {
  /** N: number of nodes (default 1,000; graphs of fixed size ignore it). */
  readonly nodes?: number;
  /** D: links per node (default 4). */
  readonly degree?: number;
  /** A topology spec as `--topology` takes it (default 'random-regular'); see topologies(). */
  readonly topology?: string;
  /** A latency model as `--latency` takes it (default 'constant'). */
  readonly latency?: string;
  /** Seed of every random choice (default 1); the same seed gives the same result. */
  readonly seed?: string | number;
  /** Messages flooded one after another (default 1). */
  readonly messages?: number;
  /** Every message starts at this node (index or name); default: seeded random live nodes. */
  readonly origin?: string | number;
}

/** Faults, written as the CLI's flags are. */
export interface FaultOptions {
  /** Each transmission is lost with this probability (`--loss`). */
  readonly loss?: number | string;
  /** 'F' or 'F@K': a fraction F of the nodes fails after the first K messages (`--fail`). */
  readonly fail?: string;
  /** 'F' or 'F@K' for links (`--fail-links`). */
  readonly failLinks?: string;
  /** Failures go unnoticed (`--silent-failures`). */
  readonly silentFailures?: boolean;
}

/** The seed as the simulator keys its streams: '1' for 1. */
export function seedText(seed: string | number | undefined): string {
  if (seed === undefined) return DEFAULTS.seed;
  check(typeof seed === 'string' || Number.isFinite(seed), 'ERR_BAD_OPTION', `seed: ${String(seed)} is not a seed; give a string or a finite number`);
  return String(seed);
}

/** The origin as the simulator takes it: an index or a name, as text. */
export function originText(origin: string | number | undefined): { origin?: string } {
  return origin === undefined ? {} : { origin: String(origin) };
}

/** The FaultSpec the options ask for; none when no fault option is given. */
export function faultsOf(o: FaultOptions): FaultSpec {
  return faultSpecOf(o, { fail: 'fail', failLinks: 'failLinks' });
}

/**
 * The network, messages and faults of a run, each defaulted as the CLI's flag is; `messages`
 * is the command's own default (sim floods 1, compare 100).
 */
export function runOf(o: NetworkOptions & FaultOptions, messages: number) {
  return {
    nodes: o.nodes ?? DEFAULTS.nodes,
    degree: o.degree ?? DEFAULTS.degree,
    topology: o.topology ?? DEFAULTS.topology,
    latency: o.latency ?? DEFAULTS.latency,
    seed: seedText(o.seed),
    messages: o.messages ?? messages,
    ...originText(o.origin),
    faults: faultsOf(o),
  };
}
