/**
 * compare(): several protocols on one network, with the same seed, origins and faults, as
 * `floodlab compare` runs them (its defaults too: 100 messages, so plumtree can settle).
 */
import { compareProtocols, type CompareResult, type CompareRow } from '../sim/compare.ts';
import { OPTIONS } from '../options/schema.ts';
import { runOf, type FaultOptions, type NetworkOptions } from './options.ts';

export type { CompareResult, CompareRow };

/** The protocols `floodlab compare` compares unless told otherwise. */
export const DEFAULT_COMPARED: readonly string[] = (OPTIONS.protocols.default ?? 'flood').split(',');

export interface CompareOptions extends NetworkOptions, FaultOptions {
  /** Protocol specs (default DEFAULT_COMPARED). */
  readonly protocols?: readonly string[];
  /** Bytes of content per message, for the byte columns (default 256). */
  readonly payloadBytes?: number;
}

/** Runs every protocol on the same network; throws InputError on bad options. */
export function compare(options: CompareOptions = {}): CompareResult {
  return compareProtocols({
    ...runOf(options, 100),
    protocols: options.protocols ?? DEFAULT_COMPARED,
    ...(options.payloadBytes !== undefined ? { payloadBytes: options.payloadBytes } : {}),
  });
}
