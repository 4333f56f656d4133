/** A real node's per-message slots: zeroed for a new id, kept for a known one, bounded (oldest reused). */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { MessageSlots } from '../../src/core/message-slots.ts';

describe('MessageSlots', () => {
  it('gives each id its own zeroed slot and the same slot again', () => {
    const s = new MessageSlots(3, 4);
    const a = s.slot('a');
    s.ints[a + 2] = 7;
    const b = s.slot('b');
    expect(b).not.toBe(a);
    expect([...s.ints.subarray(b, b + 3)]).toEqual([0, 0, 0]);
    expect(s.slot('a')).toBe(a);
    expect(s.ints[a + 2]).toBe(7);
  });

  it('past its limit reuses the oldest id’s slot, zeroed, and forgets that id', () => {
    const s = new MessageSlots(2, 2);
    const a = s.slot(1);
    s.ints[a] = 5;
    s.slot(2);
    const c = s.slot(3); // the third id takes id 1's slot
    expect(c).toBe(a);
    expect(s.ints[c]).toBe(0);
    expect(s.ints.length).toBe(4);
    s.ints[c] = 9;
    const again = s.slot(1); // id 1 was forgotten: a fresh zeroed slot (id 2's, the oldest now)
    expect(again).not.toBe(c);
    expect(s.ints[again]).toBe(0);
    expect(s.slot(3)).toBe(c);
  });

  it('refuses a width or limit that is not a positive integer', () => {
    expect(() => new MessageSlots(0)).toThrow(InputError);
    expect(() => new MessageSlots(2, 1.5)).toThrow('message slots: limit 1.5 must be an integer >= 1');
  });
});
