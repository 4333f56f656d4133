/**
 * The fault flags shared by `sim` and `compare` (--loss, --fail, --fail-links, --silent-failures),
 * from the option schema, and the FaultSpec they make. Parsing happens in src/sim/faults.ts so the
 * messages match everywhere.
 */
import { faultSpecOf, type FaultSpec } from '../sim/faults.ts';
import { OPTIONS } from '../options/schema.ts';
import { num, plural } from '../report/format.ts';

export interface FaultFlags {
  loss?: string;
  fail?: string;
  failLinks?: string;
  silentFailures?: boolean;
}

/** The schema entries of the fault flags. */
export const FAULT_OPTIONS = [OPTIONS.loss, OPTIONS.fail, OPTIONS.failLinks, OPTIONS.silentFailures] as const;

/** The fault spec the flags ask for (no faults when none is given). */
export function faultSpec(flags: FaultFlags): FaultSpec {
  return faultSpecOf(flags, { fail: '--fail', failLinks: '--fail-links' });
}

/** One phrase describing the faults of a run, e.g. '100 of 1,000 nodes down from the start'. */
export function describeFaults(spec: FaultSpec, failedNodes: number, failedLinks: number, nodes: number, edges: number): string {
  const when = (after: number): string => (after === 0 ? 'from the start' : after === 1 ? 'after the first message' : `after the first ${num(after)} messages`);
  const parts: string[] = [];
  if (failedNodes > 0) parts.push(`${num(failedNodes)} of ${plural(nodes, 'node')} down ${when(spec.failNodesAfter)}`);
  if (failedLinks > 0) parts.push(`${num(failedLinks)} of ${plural(edges, 'link')} down ${when(spec.failLinksAfter)}`);
  if ((failedNodes > 0 || failedLinks > 0) && spec.silent) parts.push('failures silent (not detected)');
  if (spec.loss > 0) parts.push(`each transmission lost with probability ${spec.loss}`);
  return parts.length > 0 ? parts.join('; ') : 'none';
}
