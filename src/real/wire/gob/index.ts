/** The gob wire of the original Go chat node: codec, wire detection and paced writes. */
export { GobDecoder, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_TYPES, type GobDecoderOptions } from './decoder.ts';
export { detectWire, DETECT_BYTES, type WireGuess } from './detect.ts';
export { encodeGobMessage, encodeGobStream, encodeGobValue, MESSAGE_DEFINITION, MESSAGE_TYPE_ID } from './encoder.ts';
export { GobError, type GobErrorCode } from './errors.ts';
export { checkGobId, DEFAULT_MAX_TEXT_BYTES, GOB_ID_MAX, GOB_ID_MIN, gobIdToDecimal, parseGobId, type GobMessage } from './message.ts';
export { DEFAULT_MAX_QUEUED, DEFAULT_MAX_WAIT_MS, PacedWriter, type PaceOptions } from './pace.ts';
export { canonicalId, gobIdOf, gobIdOfG, jsonIdOfGob } from './ids.ts';
export { gobCodec } from './wire-codec.ts';
