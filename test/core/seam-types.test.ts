/**
 * The seam narrows by capability at compile time: `npm test`'s typecheck fails if a protocol can
 * use a Port member it did not require. The runtime part checks the transport's one-time refusal.
 */
import { describe, expect, it } from 'vitest';
import { assertCapabilities } from '../../src/core/protocols/requires.ts';
import type { Protocol, ProtocolWith } from '../../src/core/seam.ts';

describe('the seam by capability', () => {
  it('gives a protocol exactly the members it requires (checked by tsc)', () => {
    const needsControl: ProtocolWith<'control'> = {
      name: 'pinger',
      requires: ['control'],
      originate: (port, msg) => port.control(0, { type: 'ping', id: msg.id }),
      receive: (port) => {
        // @ts-expect-error timers were not required, so setTimer does not exist here
        port.setTimer(1, 'x');
      },
    };
    const plain: ProtocolWith<never> = {
      name: 'plain',
      requires: [],
      originate: (port, msg) => {
        // @ts-expect-error control was not required
        port.control(0, { type: 'ping', id: msg.id });
        // @ts-expect-error hop was not required
        void port.hop;
      },
      receive: () => {},
    };
    const held: Protocol[] = [needsControl, plain]; // any protocol fits where transports hold one
    expect(held.map((p) => p.requires)).toEqual([['control'], []]);
  });

  it('a transport refuses, once and by name, a protocol needing what it lacks', () => {
    const p: ProtocolWith<'control' | 'timers'> = { name: 'p', requires: ['control', 'timers'], originate: () => {}, receive: () => {} };
    expect(() => assertCapabilities(p, ['hop', 'control'], 'tcp')).toThrow("tcp: protocol 'p' needs timers, which this transport does not provide");
    expect(() => assertCapabilities(p, ['control', 'timers'], 'tcp')).not.toThrow();
  });
});
