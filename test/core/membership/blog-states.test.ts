/**
 * BlogStates, the blog rule's per-node state in flat arrays: slots never see each other's
 * addresses (across the chunk boundary too), learning refuses duplicates and, when full, writes
 * over the cell the draw picks; forgetting keeps the rest; pending opens and timers are per slot.
 */
import { describe, expect, it } from 'vitest';
import { BlogStates } from '../../../src/core/membership/blog-states.ts';

const draws = (...xs: number[]) => ({ random: () => xs.shift() ?? 0.5 });

describe('BlogStates', () => {
  it('keeps 2,100 slots apart (across chunks of 1,024): each learns its own addresses, at most `capacity`, no duplicates', () => {
    const states = new BlogStates(3, 1000);
    for (let i = 0; i < 2100; i++) expect(states.add()).toBe(i);
    for (const slot of [0, 1023, 1024, 2099]) {
      for (const a of [slot + 1, slot + 2, slot + 1]) states.learn(slot, a, draws());
      expect(states.learned(slot)).toEqual([slot + 1, slot + 2]);
    }
    expect(states.learned(1)).toEqual([]);
    expect(states.learned(1025)).toEqual([]);
  });

  it('when full, a new address takes the cell the draw picks (0.5 of 3 cells: the second)', () => {
    const states = new BlogStates(3, 1000);
    const s = states.add();
    for (const a of ['a:1', 'b:2', 'c:3']) states.learn(s, a, draws());
    states.learn(s, 'd:4', draws(0.5));
    expect(states.learned(s)).toEqual(['a:1', 'd:4', 'c:3']);
  });

  it('forgets one address and keeps the others', () => {
    const states = new BlogStates(4, 1000);
    const s = states.add();
    for (const a of [7, 8, 9]) states.learn(s, a, draws());
    states.forget(s, 7);
    states.forget(s, 42);
    expect([...states.learned(s)].sort()).toEqual([8, 9]);
    states.learn(s, 7, draws());
    expect([...states.learned(s)].sort()).toEqual([7, 8, 9]);
  });

  it('pending opens, backoff and the timer flag belong to one slot', () => {
    const states = new BlogStates(4, 1000);
    const [a, b] = [states.add(), states.add()];
    states.addPending(a, 5);
    states.addPending(a, 6);
    states.dropPending(a, 5);
    expect(states.pending(a)).toEqual([6]);
    expect(states.pending(b)).toEqual([]);
    states.setBackoff(a, 4000);
    states.setArmed(a, true);
    expect([states.backoff(a), states.backoff(b)]).toEqual([4000, 1000]);
    expect([states.armed(a), states.armed(b)]).toEqual([true, false]);
  });
});
