/**
 * The waste table's note on a run with faults: what was down or lossy, whether failures were
 * detected, and what that did to the counts. Prose, so it lives with the other notes in src/report.
 */
import type { FaultSpec } from '../sim/faults.ts';
import { num, plural } from './format.ts';

/** The note for a run with faults (lost: transmissions lost over all k messages). */
export function faultNote(spec: FaultSpec, failedNodes: number, failedLinks: number, lost: number, k: number): string {
  const parts = [];
  if (failedNodes > 0) parts.push(`${plural(failedNodes, 'node')} down`);
  if (failedLinks > 0) parts.push(`${plural(failedLinks, 'link')} down`);
  if (spec.loss > 0) parts.push(`loss ${spec.loss} per transmission`);
  const detection = spec.silent
    ? 'failures are silent: copies sent to failed nodes and links count as sends, and are lost'
    : 'failures are detected: sends to failed nodes and links are refused, not counted';
  return `faults: ${parts.join(', ')}; ${detection}. ${num(lost / k, 1)} transmissions per message were lost. The exact rows and coverage use the live nodes of the origin's component.`;
}
