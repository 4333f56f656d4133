/**
 * The flags `sim` and `compare` share (the network, messages, origin, faults, payload size,
 * signing) and the options they make for the simulator, written once.
 */
import { faultSpec, type FaultFlags } from './fault-options.ts';

export interface RunFlags extends FaultFlags {
  nodes: number;
  degree: number;
  topology: string;
  latency: string;
  seed: string;
  messages: number;
  origin?: string;
  payloadBytes: number;
  signed?: boolean;
}

/** The simulator's options for these flags (a command adds its protocol or protocols). */
export function runOptionsOf(flags: RunFlags) {
  return {
    nodes: flags.nodes,
    degree: flags.degree,
    topology: flags.topology,
    latency: flags.latency,
    seed: flags.seed,
    messages: flags.messages,
    ...(flags.origin !== undefined ? { origin: flags.origin } : {}),
    faults: faultSpec(flags),
    payloadBytes: flags.payloadBytes,
    ...(flags.signed ? { signed: true } : {}),
  };
}
