/**
 * The checks `sim` and `compare` make of the options they share, in one place so both refuse the
 * same values with the same words (naming the value, not a flag: the CLI adds the flag).
 */
import { check } from '../core/errors.ts';
import { DEFAULT_PAYLOAD_BYTES, MAX_PAYLOAD_BYTES } from '../core/sizes.ts';

/** Largest number of messages one run takes. */
export const MAX_MESSAGES = 1_000_000;

/** Throws InputError unless `messages` is an integer from 1 to MAX_MESSAGES. */
export function checkMessages(who: string, messages: number): void {
  check(Number.isInteger(messages) && messages >= 1 && messages <= MAX_MESSAGES, 'ERR_BAD_MESSAGES', `${who}: ${messages} messages: must be an integer from 1 to ${MAX_MESSAGES}`);
}

/** The payload size to model (the default when none is given); throws InputError when out of range. */
export function payloadBytesOf(who: string, payloadBytes: number | undefined): number {
  const bytes = payloadBytes ?? DEFAULT_PAYLOAD_BYTES;
  check(Number.isInteger(bytes) && bytes >= 0 && bytes <= MAX_PAYLOAD_BYTES, 'ERR_BAD_OPTION', `${who}: payload of ${bytes} bytes: must be an integer from 0 to ${MAX_PAYLOAD_BYTES}`);
  return bytes;
}
