/** ttl, gossip, fanout and tree, one node at a time: what each forwards, and to whom. */
import { describe, expect, it } from 'vitest';
import { parseProtocol } from '../../../src/core/protocols/index.ts';
import { msg, recordingPort } from './recording-port.ts';

describe('ttl:K', () => {
  it('forwards like flood while the hop count is below K, and stops at K', () => {
    const ttl = parseProtocol('ttl:2');
    const below = recordingPort(3);
    below.hop = 1;
    ttl.receive(below, 0, msg);
    expect(below.sent).toEqual([1, 2]);
    const at = recordingPort(3);
    at.hop = 2;
    ttl.receive(at, 0, msg);
    expect(at.sent).toEqual([]);
    expect(at.delivered).toEqual([msg]);
  });

  it('ttl:0 keeps the message at its origin', () => {
    const port = recordingPort(4);
    parseProtocol('ttl:0').originate(port, msg);
    expect(port.sent).toEqual([]);
    expect(port.delivered).toHaveLength(1);
  });
});

describe('gossip:P', () => {
  it('forwards to each other link whose draw is below P; the origin sends to all', () => {
    const port = recordingPort(4, { draws: [0.69, 0.71, 0.1] });
    parseProtocol('gossip:0.7').receive(port, 1, msg);
    expect(port.sent).toEqual([0, 3]);
    const origin = recordingPort(4, { draws: [0.99, 0.99, 0.99, 0.99] });
    parseProtocol('gossip:0.7').originate(origin, msg);
    expect(origin.sent).toEqual([0, 1, 2, 3]);
  });

  it('gossip:0 never forwards; gossip:1 forwards like flood and draws nothing', () => {
    const none = recordingPort(3, { draws: [0, 0] });
    parseProtocol('gossip:0').receive(none, 0, msg);
    expect(none.sent).toEqual([]);
    let draws = 0;
    const all = recordingPort(3);
    all.random = () => (draws++, 0.99);
    parseProtocol('gossip:1').receive(all, 0, msg);
    expect(all.sent).toEqual([1, 2]);
    expect(draws).toBe(0);
  });
});

describe('fanout:K', () => {
  it('sends to K distinct links, never the sender', () => {
    for (let trial = 0; trial < 50; trial++) {
      const port = recordingPort(8, { draws: Array.from({ length: 3 }, (_, i) => ((trial * 7 + i * 13) % 100) / 100) });
      parseProtocol('fanout:3').receive(port, 5, msg);
      expect(port.sent).toHaveLength(3);
      expect(new Set(port.sent).size).toBe(3);
      expect(port.sent).not.toContain(5);
    }
  });

  it('sends to every other link when it has no more than K', () => {
    const port = recordingPort(3);
    parseProtocol('fanout:5').receive(port, 0, msg);
    expect(port.sent).toEqual([1, 2]);
  });

  it('draws each link equally often', () => {
    const counts = [0, 0, 0, 0];
    let x = 0.123;
    for (let trial = 0; trial < 4000; trial++) {
      const port = recordingPort(4);
      port.random = () => (x = (x * 9301 + 0.49297) % 1);
      parseProtocol('fanout:1').originate(port, { ...msg, id: trial });
      counts[port.sent[0]!]!++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });
});

describe('tree', () => {
  it('forwards on tree links only, not back to the sender', () => {
    const port = recordingPort(5, { tree: [0, 2, 4] });
    parseProtocol('tree').receive(port, 2, msg);
    expect(port.sent).toEqual([0, 4]);
    const origin = recordingPort(5, { tree: [1, 3] });
    parseProtocol('tree').originate(origin, msg);
    expect(origin.sent).toEqual([1, 3]);
  });
});

describe('the registry', () => {
  it('parses every form and names the allowed forms on a bad one', () => {
    for (const spec of ['ttl:3', 'gossip:0.7', 'gossip:1', 'fanout:3', 'tree', 'plumtree', 'plumtree:20', 'announce', 'announce:10']) {
      expect(parseProtocol(spec).name).toBe(spec);
    }
    expect(() => parseProtocol('gossip')).toThrow(/'gossip' needs P, a probability from 0 to 1; write e.g. 'gossip:0.7'/);
    expect(() => parseProtocol('gossip:1.5')).toThrow(/probability from 0 to 1/);
    expect(() => parseProtocol('fanout:0')).toThrow(/integer from 1/);
    expect(() => parseProtocol('ttl:x')).toThrow(/'ttl:x' needs K, a hop limit/);
    expect(() => parseProtocol('tree:2')).toThrow(/takes no parameter/);
    expect(() => parseProtocol('plumtree:0')).toThrow(/timeout in milliseconds/);
    expect(() => parseProtocol('nope')).toThrow(/allowed: flood, flood-echo, ttl:K, gossip:P, fanout:K, tree, plumtree\[:MS\], announce\[:MS\]/);
  });
});
