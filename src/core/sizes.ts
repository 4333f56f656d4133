/**
 * The byte-size model of every transmission, in one place, so that the byte columns of every
 * table mean the same thing. A frame is a 4-byte length prefix, a 1-byte type and a 16-byte
 * message id; a payload frame adds a 1-byte hop count and the payload itself.
 */

export const FRAME_BYTES = 4;
export const TYPE_BYTES = 1;
export const ID_BYTES = 16;
export const HOP_BYTES = 1;

/** Payload size used when none is given (a short chat line or a small transaction). */
export const DEFAULT_PAYLOAD_BYTES = 256;

/** Largest payload the byte model takes. */
export const MAX_PAYLOAD_BYTES = 100_000_000;

/** Bytes of one control message (IHAVE, GRAFT, PRUNE, INV, GETDATA): 21. */
export const CONTROL_BYTES = FRAME_BYTES + TYPE_BYTES + ID_BYTES;

/**
 * What a signed message adds to every payload send (the real node's signed wire, docs/security.md):
 * the author's Ed25519 public key (32), the signature (64) and the timestamp it covers (8).
 */
export const SIGNATURE_BYTES = 32 + 64 + 8;

/** Bytes of one payload send carrying `payloadBytes` of content: payload + 22 (+ 104 when signed). */
export function payloadSendBytes(payloadBytes: number, signed = false): number {
  return FRAME_BYTES + TYPE_BYTES + ID_BYTES + HOP_BYTES + payloadBytes + (signed ? SIGNATURE_BYTES : 0);
}

/** One sentence saying what the model is, for table footnotes. */
export function sizeModelNote(payloadBytes: number, signed = false): string {
  return (
    `Bytes: a payload send is ${payloadSendBytes(payloadBytes, signed)} bytes (${payloadBytes} payload + ${FRAME_BYTES} length prefix + ${TYPE_BYTES} type + ${ID_BYTES} id + ${HOP_BYTES} hop${signed ? ` + ${SIGNATURE_BYTES} signature: key, signature, timestamp` : ''}); ` +
    `a control message (IHAVE, GRAFT, PRUNE, INV, GETDATA) is ${CONTROL_BYTES} bytes (length prefix, type, id).`
  );
}
