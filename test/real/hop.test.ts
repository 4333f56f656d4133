/**
 * The hop memory behind `port.hop` during control messages and timers: bounded like the seen
 * cache (oldest ids go first), and -1 for an id this node never got, as in the simulator.
 * (That the hop equals the hop of first receipt on both transports is in test/contract.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Protocol } from '../../src/core/seam.ts';
import { HopMemory } from '../../src/real/hop-memory.ts';
import { closeAll, testNode, until } from './nodes.ts';

afterEach(closeAll);

describe('hop memory', () => {
  it('keeps at most its limit, dropping the oldest', () => {
    const hops = new HopMemory(3);
    ['a', 'b', 'c', 'd'].forEach((id, k) => hops.set(id, k + 1));
    expect(hops.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((id) => hops.get(id))).toEqual([-1, 2, 3, 4]);
  });

  it('on a real node: a control message about an id it never got shows hop -1', async () => {
    const shown: number[] = [];
    const asker: Protocol = {
      name: 'asker',
      requires: ['hop', 'control'],
      originate: (port) => port.control!(0, { type: 'ask', id: 'never-seen' }),
      receive: () => {},
      onControl: (port) => void shown.push(port.hop!),
    };
    const a = await testNode('a', { protocol: asker });
    const b = await testNode('b', { protocol: asker });
    a.node.connect('127.0.0.1', b.node.port);
    await until(() => b.node.stats().connected === 1, 'the link');
    a.node.originate('x');
    await until(() => shown.length === 1, 'the control message');
    expect(shown).toEqual([-1]);
  });
});
