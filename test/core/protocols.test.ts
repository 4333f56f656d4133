import { describe, expect, it } from 'vitest';
import type { MessageId, Msg } from '../../src/core/message.ts';
import { parseProtocol } from '../../src/core/protocols/index.ts';
import type { Port } from '../../src/core/seam.ts';

/** A Port that records what the protocol asked for, for a node with `links` links. */
function recordingPort(links: number): Port & { sent: number[]; delivered: Msg[] } {
  const seen = new Set<MessageId>();
  const sent: number[] = [];
  const delivered: Msg[] = [];
  return {
    links,
    sent,
    delivered,
    send: (link) => void sent.push(link),
    deliver: (msg) => void delivered.push(msg),
    firstSight: (id) => (seen.has(id) ? false : (seen.add(id), true)),
    random: () => 0.5,
  };
}

const msg: Msg = { id: 'm1', origin: 'alice', text: 'hi' };

describe('flood protocols', () => {
  it('flood forwards to every link but the one it came in on', () => {
    const port = recordingPort(4);
    parseProtocol('flood').receive(port, 2, msg);
    expect(port.sent).toEqual([0, 1, 3]);
    expect(port.delivered).toEqual([msg]);
  });

  it('flood-echo forwards to every link, the sender included', () => {
    const port = recordingPort(3);
    parseProtocol('flood-echo').receive(port, 1, msg);
    expect(port.sent).toEqual([0, 1, 2]);
  });

  it('an originator sends on all its links and delivers to itself', () => {
    const port = recordingPort(3);
    parseProtocol('flood').originate(port, msg);
    expect(port.sent).toEqual([0, 1, 2]);
    expect(port.delivered).toHaveLength(1);
  });

  it('drops a message seen before: no delivery, no sends', () => {
    const port = recordingPort(3);
    const flood = parseProtocol('flood');
    flood.receive(port, 0, msg);
    flood.receive(port, 1, msg);
    expect(port.delivered).toHaveLength(1);
    expect(port.sent).toEqual([1, 2]);
  });

  it('treats the same text with a new id as a new message', () => {
    const port = recordingPort(1);
    const flood = parseProtocol('flood');
    flood.receive(port, 0, msg);
    flood.receive(port, 0, { ...msg, id: 'm2' });
    expect(port.delivered.map((m) => m.text)).toEqual(['hi', 'hi']);
  });

  it('rejects an unknown protocol naming it and the allowed ones', () => {
    expect(() => parseProtocol('gossipy')).toThrow(/unknown protocol 'gossipy'; allowed: .*flood/);
    expect(() => parseProtocol('flood:3')).toThrow(/takes no parameter/);
  });
});
