/**
 * The one place the terminal renderers read a simulation report's fields: every figure they print,
 * worked out per message (sums over messages divided by K) or labelled as over all messages. When
 * the report's field names change, this file is the only one to follow.
 */
import type { SimReport } from '../../sim/run.ts';

export interface SimView {
  readonly messages: number;
  readonly sendsPerMessage: number;
  /** Nodes that had the message, the origin included, mean per message. */
  readonly reachedPerMessage: number;
  /** Reached over the origin's component, mean per message (0..1). */
  readonly coverage: number;
  /** Messages that reached every node of their origin's component. */
  readonly completeMessages: number;
  /** The largest last-delivery hop over the messages. */
  readonly ldh: number;
  /** Virtual ms until the last node had it, mean over the messages that covered their component (NaN: none did). */
  readonly fullCoverageMs: number;
  /** Copies that reached a node that had the message, mean per message. */
  readonly duplicatesPerMessage: number;
  /** Copies each node got beyond its first, per message (each node's count over all messages ÷ K). */
  readonly duplicatesPerNodePerMessage: { readonly min: number; readonly mean: number; readonly max: number };
  /** Control messages per message, in total and by type, when the rule sends any. */
  readonly controlPerMessage?: { readonly total: number; readonly byType: readonly (readonly [string, number])[] };
  /** Transmissions lost per message, and what failed, when the run had faults. */
  readonly faults?: { readonly failedNodes: number; readonly failedLinks: number; readonly loss: number; readonly lostPerMessage: number };
  readonly rmr: number;
}

export function simView(r: SimReport): SimView {
  const k = r.messages;
  return {
    messages: k,
    sendsPerMessage: r.transmissionsPerMessage,
    reachedPerMessage: r.reachedPerMessage,
    coverage: r.coverageMean,
    completeMessages: r.completeMessages,
    ldh: r.ldhMax,
    fullCoverageMs: r.timeToFullCoverageMs ?? Number.NaN,
    duplicatesPerMessage: r.duplicatesPerMessage,
    duplicatesPerNodePerMessage: r.duplicatesPerNodePerMessage,
    ...(r.control ? { controlPerMessage: { total: r.control.total / k, byType: Object.entries(r.control.byType).map(([t, c]) => [t, c / k] as const) } } : {}),
    ...(r.faults ? { faults: { failedNodes: r.faults.failedNodes, failedLinks: r.faults.failedLinks, loss: r.faults.spec.loss, lostPerMessage: r.faults.lostTotal / k } } : {}),
    rmr: r.rmr ?? Number.NaN,
  };
}
