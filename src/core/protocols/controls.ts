/**
 * Control objects reused while their id stays the same. Controls are immutable and shared by
 * reference, as messages are, so the PRUNEs a flood of duplicates sets off (millions in a large
 * simulation) need one object per id, not one per send.
 */
import type { MessageId } from '../message.ts';
import type { Control } from '../seam.ts';

/** A function giving the control of `type` for an id, the same object for the same id in a row. */
export function controlMaker(type: string): (id: MessageId) => Control {
  let last: Control | undefined;
  return (id) => (last !== undefined && last.id === id ? last : (last = { type, id }));
}
