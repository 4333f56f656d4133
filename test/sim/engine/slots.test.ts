/**
 * The simulator's 'slots': a node's slot for a message is all zeros when it first asks and keeps
 * what it was given until the next message; an id not in flight gets a zeroed spare; a protocol
 * that requires slots but declares no width is refused by name.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import type { Msg } from '../../../src/core/message.ts';
import type { PortWith, ProtocolWith } from '../../../src/core/seam.ts';
import { simulate } from '../../../src/sim/engine/engine.ts';
import { parseLatency } from '../../../src/sim/latency.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { toCsr } from '../../../src/sim/topology/csr.ts';
import { ringWithChords } from '../graphs.ts';

const graph = toCsr(ringWithChords(60, 90, 3)); // N = 60, E = 150

/** A flood that writes its first-receipt hop + 1 into its slot and checks the slot on every copy. */
function slottedFlood(): { protocol: ProtocolWith<'slots' | 'hop'>; wrong: string[] } {
  const wrong: string[] = [];
  const copy = (port: PortWith<'slots' | 'hop'>, from: number, msg: Msg): void => {
    const ints = port.ints;
    const at = port.slot(msg.id);
    if (port.firstSight(msg.id)) {
      if (ints[at] !== 0 || ints[at + 1] !== 0) wrong.push(`slot not zeroed at first sight of ${msg.id}`);
      port.deliver(msg);
      ints[at] = port.hop + 1;
      ints[at + 1] = 1;
      const spare = port.slot('not in flight');
      if (ints[spare] !== 0) wrong.push('spare slot not zeroed');
      ints[spare] = 9;
      for (let link = 0; link < port.links; link++) if (link !== from) port.send(link, msg);
    } else {
      if (ints[at] === 0) wrong.push(`slot of ${msg.id} lost before a duplicate came`);
      ints[at + 1] = ints[at + 1]! + 1;
    }
  };
  const protocol: ProtocolWith<'slots' | 'hop'> = {
    name: 'slotted-flood',
    requires: ['slots', 'hop'],
    slotWidth: 2,
    originate: (port, msg) => copy(port, -1, msg),
    receive: (port, from, msg) => copy(port, from, msg),
  };
  return { protocol, wrong };
}

describe('slots in the simulator', () => {
  it('zeroed per node at its first ask in each message, kept through the message; a flood’s counts', () => {
    for (const latency of ['constant', 'uniform:1-9']) {
      const { protocol, wrong } = slottedFlood();
      const r = simulate(graph, protocol, { latency: parseLatency(latency), rng: seededRng(1, 'engine'), origins: [0, 31, 0, 59] });
      expect(wrong).toEqual([]);
      for (const m of r.perMessage) expect([m.sends, m.reached]).toEqual([2 * graph.size - (graph.order - 1), graph.order]);
    }
  });

  it('refuses a protocol that requires slots with no slotWidth', () => {
    const { protocol } = slottedFlood();
    const bad = { ...protocol, slotWidth: undefined };
    const run = (): unknown => simulate(graph, bad, { latency: parseLatency('constant'), rng: seededRng(1, 'engine'), origins: [0] });
    expect(run).toThrow(InputError);
    expect(run).toThrow("protocol 'slotted-flood' requires slots, so its slotWidth (undefined) must be an integer from 1 to 1024");
  });
});
