/** Plumtree's rules at one node (Leitão, Pereira, Rodrigues 2007, Algorithms 1 and 2). */
import { describe, expect, it } from 'vitest';
import { parseProtocol } from '../../../src/core/protocols/index.ts';
import { msg, recordingPort } from './recording-port.ts';

const setup = (links: number) => {
  const protocol = parseProtocol('plumtree:40');
  return { protocol, port: recordingPort(links, { protocol }) };
};

describe('plumtree', () => {
  it('starts with every link eager: the first payload goes everywhere but back', () => {
    const { protocol, port } = setup(4);
    protocol.receive(port, 1, msg);
    expect(port.sent).toEqual([0, 2, 3]);
    expect(port.controls).toEqual([]);
    expect(port.delivered).toEqual([msg]);
  });

  it('a duplicate makes its link lazy and sends PRUNE; later payloads go there as IHAVE', () => {
    const { protocol, port } = setup(3);
    protocol.receive(port, 0, msg);
    protocol.receive(port, 2, msg);
    expect(port.controls).toEqual([[2, 'prune', 'm1']]);
    port.clear();
    protocol.originate(port, { ...msg, id: 'm2' });
    expect(port.sent).toEqual([0, 1]);
    expect(port.controls).toEqual([[2, 'ihave', 'm2']]);
  });

  it('PRUNE from a neighbour makes that link lazy', () => {
    const { protocol, port } = setup(2);
    protocol.onControl!(port, 1, { type: 'prune', id: 'x' });
    protocol.originate(port, msg);
    expect(port.sent).toEqual([0]);
    expect(port.controls).toEqual([[1, 'ihave', 'm1']]);
  });

  it('IHAVE for a missing message starts one timer; on expiry GRAFT goes to the first announcer, then the next', () => {
    const { protocol, port } = setup(3);
    protocol.onControl!(port, 2, { type: 'ihave', id: 'm1' });
    protocol.onControl!(port, 0, { type: 'ihave', id: 'm1' });
    expect(port.timers).toEqual([[40, 'm1']]);
    protocol.onTimer!(port, 'm1');
    expect(port.controls).toEqual([[2, 'graft', 'm1']]);
    expect(port.timers[1]).toEqual([20, 'm1']);
    protocol.onTimer!(port, 'm1');
    expect(port.controls[1]).toEqual([0, 'graft', 'm1']);
    port.clear();
    protocol.onTimer!(port, 'm1'); // nobody left to ask: wait for another IHAVE
    expect(port.controls).toEqual([]);
    expect(port.timers).toEqual([]);
  });

  it('a grafted link is eager again: the payload is pushed there next time', () => {
    const { protocol, port } = setup(2);
    protocol.onControl!(port, 1, { type: 'prune', id: 'x' });
    protocol.onControl!(port, 1, { type: 'graft', id: 'unknown' });
    expect(port.sent).toEqual([]); // nothing to send for an id it never had
    protocol.originate(port, msg);
    expect(port.sent).toEqual([0, 1]);
  });

  it('answers GRAFT with the payload it holds', () => {
    const { protocol, port } = setup(2);
    protocol.originate(port, msg);
    port.clear();
    protocol.onControl!(port, 1, { type: 'graft', id: 'm1' });
    expect(port.sent).toEqual([1]);
  });

  it('ignores IHAVE for a message it has, and a timer whose message arrived', () => {
    const { protocol, port } = setup(2);
    protocol.onControl!(port, 0, { type: 'ihave', id: 'm1' });
    protocol.receive(port, 1, msg);
    port.clear();
    protocol.onControl!(port, 0, { type: 'ihave', id: 'm1' });
    protocol.onTimer!(port, 'm1');
    expect(port.controls).toEqual([]);
    expect(port.timers).toEqual([]);
  });
});
