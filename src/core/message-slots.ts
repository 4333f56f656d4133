/**
 * The 'slots' capability for a transport that runs one node: a few int32s per message id, all in
 * one Int32Array, for the state a protocol keeps about a message it is fetching (announce's
 * announcers and request). Bounded like every per-id memory: past `limit` ids the oldest id's slot
 * is zeroed and reused, so a peer announcing endless ids cannot grow it. (The simulator keeps one
 * slot per node for the message in flight instead: src/sim/engine/port.ts.)
 */
import { check } from './errors.ts';
import type { MessageId } from './message.ts';
import { DEFAULT_REMEMBER } from './protocols/recent.ts';

export class MessageSlots {
  /** Every slot, `width` ints each. */
  readonly ints: Int32Array;
  private readonly offsets = new Map<MessageId, number>();
  /** The id in each slot, in the order slots are reused (oldest first once full). */
  private readonly ids: (MessageId | undefined)[];
  private next = 0;

  constructor(
    private readonly width: number,
    limit: number = DEFAULT_REMEMBER,
  ) {
    check(Number.isInteger(width) && width >= 1, 'ERR_BAD_OPTION', `message slots: width ${width} must be an integer >= 1`);
    check(Number.isInteger(limit) && limit >= 1, 'ERR_BAD_OPTION', `message slots: limit ${limit} must be an integer >= 1`);
    this.ints = new Int32Array(width * limit);
    this.ids = new Array<MessageId | undefined>(limit).fill(undefined);
  }

  /** Offset of `id`'s slot in `ints`; a new id gets a zeroed slot, the oldest id's once all are used. */
  slot(id: MessageId): number {
    const known = this.offsets.get(id);
    if (known !== undefined) return known;
    const i = this.next;
    this.next = i + 1 === this.ids.length ? 0 : i + 1;
    const old = this.ids[i];
    if (old !== undefined) this.offsets.delete(old);
    this.ids[i] = id;
    const at = i * this.width;
    this.ints.fill(0, at, at + this.width);
    this.offsets.set(id, at);
    return at;
  }
}
