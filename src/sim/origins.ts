/**
 * Where each message starts: one node the user named (by index or by name), or seeded random
 * nodes, one per message.
 */
import { InputError } from '../core/errors.ts';
import { randomInt, type Rng } from '../core/rng.ts';

/** Resolves the origin option and the message count into one origin node index per message. */
export function pickOrigins(order: number, messages: number, origin: string | undefined, labels: readonly string[] | undefined, rng: Rng): number[] {
  if (origin === undefined) return Array.from({ length: messages }, () => randomInt(rng, order));
  let node = labels ? labels.indexOf(origin) : -1;
  if (node < 0 && /^\d+$/.test(origin)) node = Number(origin);
  if (!(node >= 0 && node < order)) {
    const names = labels ? ` or a node name such as '${labels[0]}'` : '';
    throw new InputError('ERR_BAD_ORIGIN', `origin '${origin}' is not a node; allowed: 0 to ${order - 1}${names}`);
  }
  return new Array<number>(messages).fill(node);
}
