/** announce (inv/getdata) at one node: ids announced, payloads only on request. */
import { describe, expect, it } from 'vitest';
import { parseProtocol } from '../../../src/core/protocols/index.ts';
import { msg, recordingPort } from './recording-port.ts';

const setup = (links: number) => {
  const protocol = parseProtocol('announce:30');
  return { protocol, port: recordingPort(links, { protocol }) };
};

describe('announce', () => {
  it('the origin announces to every neighbour and sends no payload', () => {
    const { protocol, port } = setup(3);
    protocol.originate(port, msg);
    expect(port.sent).toEqual([]);
    expect(port.controls).toEqual([
      [0, 'inv', 'm1'],
      [1, 'inv', 'm1'],
      [2, 'inv', 'm1'],
    ]);
  });

  it('asks the first announcer at once, the next one after the timeout', () => {
    const { protocol, port } = setup(3);
    protocol.onControl!(port, 1, { type: 'inv', id: 'm1' });
    protocol.onControl!(port, 2, { type: 'inv', id: 'm1' });
    expect(port.controls).toEqual([[1, 'getdata', 'm1']]);
    expect(port.timers).toEqual([[30, 'm1']]);
    protocol.onTimer!(port, 'm1');
    expect(port.controls[1]).toEqual([2, 'getdata', 'm1']);
  });

  it('on the payload, announces only to neighbours not known to have it', () => {
    const { protocol, port } = setup(4);
    protocol.onControl!(port, 1, { type: 'inv', id: 'm1' });
    protocol.onControl!(port, 3, { type: 'inv', id: 'm1' });
    port.clear();
    protocol.receive(port, 1, msg);
    expect(port.controls).toEqual([
      [0, 'inv', 'm1'],
      [2, 'inv', 'm1'],
    ]);
    expect(port.delivered).toEqual([msg]);
    port.clear();
    protocol.onTimer!(port, 'm1'); // the payload came: no second request
    expect(port.controls).toEqual([]);
  });

  it('serves GETDATA for a message it holds, and ignores INV for it', () => {
    const { protocol, port } = setup(2);
    protocol.originate(port, msg);
    port.clear();
    protocol.onControl!(port, 1, { type: 'getdata', id: 'm1' });
    protocol.onControl!(port, 0, { type: 'inv', id: 'm1' });
    protocol.onControl!(port, 0, { type: 'getdata', id: 'other' });
    expect(port.sent).toEqual([1]);
    expect(port.controls).toEqual([]);
  });

  it('when every announcer was asked, a later INV asks again', () => {
    const { protocol, port } = setup(2);
    protocol.onControl!(port, 0, { type: 'inv', id: 'm1' });
    protocol.onTimer!(port, 'm1');
    port.clear();
    protocol.onControl!(port, 1, { type: 'inv', id: 'm1' });
    expect(port.controls).toEqual([[1, 'getdata', 'm1']]);
  });
});
