/**
 * The fault flags shared by `sim` and `compare` (--loss, --fail, --fail-links, --silent-failures), declared once, and
 * the FaultSpec they make. Parsing happens in src/sim/faults.ts so the messages match everywhere.
 */
import type { Command } from 'commander';
import { NO_FAULTS, parseFail, parseLoss, type FaultSpec } from '../sim/faults.ts';

export interface FaultFlags {
  loss?: string;
  fail?: string;
  failLinks?: string;
  silentFailures?: boolean;
}

/** Adds --loss P, --fail F[@K] and --fail-links F[@K]. */
export function addFaultOptions(cmd: Command): Command {
  return cmd
    .option('--loss <P>', 'each transmission (payload or control) is lost with probability P')
    .option('--fail <F[@K]>', 'a fraction F of the nodes fails after the first K messages (default K = 0: from the start)')
    .option('--fail-links <F[@K]>', 'a fraction F of the links fails after the first K messages')
    .option('--silent-failures', 'failures go unnoticed: neighbours keep sending to failed nodes and links (counted, lost); default: detected at once, like a closed TCP connection');
}

/** The fault spec the flags ask for (no faults when none is given). */
export function faultSpec(flags: FaultFlags): FaultSpec {
  const nodes = flags.fail === undefined ? { fraction: 0, after: 0 } : parseFail('--fail', flags.fail);
  const links = flags.failLinks === undefined ? { fraction: 0, after: 0 } : parseFail('--fail-links', flags.failLinks);
  return {
    ...NO_FAULTS,
    loss: flags.loss === undefined ? 0 : parseLoss(flags.loss),
    failNodes: nodes.fraction,
    failNodesAfter: nodes.after,
    failLinks: links.fraction,
    failLinksAfter: links.after,
    silent: flags.silentFailures === true,
  };
}

/** One phrase describing the faults of a run, e.g. '100 of 1,000 nodes down from the start'. */
export function describeFaults(spec: FaultSpec, failedNodes: number, failedLinks: number, nodes: number, edges: number): string {
  const when = (after: number): string => (after === 0 ? 'from the start' : after === 1 ? 'after the first message' : `after the first ${after} messages`);
  const parts: string[] = [];
  if (failedNodes > 0) parts.push(`${failedNodes.toLocaleString('en-US')} of ${nodes.toLocaleString('en-US')} nodes down ${when(spec.failNodesAfter)}`);
  if (failedLinks > 0) parts.push(`${failedLinks.toLocaleString('en-US')} of ${edges.toLocaleString('en-US')} links down ${when(spec.failLinksAfter)}`);
  if ((failedNodes > 0 || failedLinks > 0) && spec.silent) parts.push('failures silent (not detected)');
  if (spec.loss > 0) parts.push(`each transmission lost with probability ${spec.loss}`);
  return parts.length > 0 ? parts.join('; ') : 'none';
}
