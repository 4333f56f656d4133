/**
 * What a run's payload sends put on the wire under the size model (src/core/sizes.ts), and, for
 * `--signed`, what signing them costs (src/core/signing-cost.ts): the byte and CPU figures of the
 * simulator's report, apart from the counting in run.ts.
 */
import type { MessageStats } from './engine/types.ts';
import { payloadSendBytes, SIGNATURE_BYTES } from '../core/sizes.ts';
import { signingCost, type SigningCost } from '../core/signing-cost.ts';

/** What the payload sends put on the wire, under the size model of src/core/sizes.ts. */
export interface BytesReport {
  readonly payloadBytes: number;
  readonly signed: boolean;
  /** One payload send: content, framing, and the signature when signed. */
  readonly perSend: number;
  /** Payload bytes of one message over the whole network (mean over messages). */
  readonly perMessage: number;
  /** Of those, what the signatures take (0 unsigned). */
  readonly signaturePerMessage: number;
}

/** The bytes the payload sends of a run put on the wire, per the size model. */
export function bytesReport(payloadBytes: number, signed: boolean, sendsPerMessage: number): BytesReport {
  const perSend = payloadSendBytes(payloadBytes, signed);
  return { payloadBytes, signed, perSend, perMessage: sendsPerMessage * perSend, signaturePerMessage: signed ? sendsPerMessage * SIGNATURE_BYTES : 0 };
}

/** The signing cost model, averaged over the messages of a run. */
export function meanSigningCost(perMessage: readonly MessageStats[]): SigningCost {
  const k = perMessage.length;
  const each = perMessage.map((m) => signingCost(m.reached, m.received));
  const mean = (f: (c: SigningCost) => number): number => each.reduce((s, c) => s + f(c), 0) / k;
  return { signatures: mean((c) => c.signatures), verifications: mean((c) => c.verifications), hashChecks: mean((c) => c.hashChecks), cpuMs: mean((c) => c.cpuMs) };
}
