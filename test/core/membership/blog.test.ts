/**
 * The blog rule, one step at a time on a recording port: the acceptance probability 1/(k+1), the hop
 * limit, never linking twice, joining through the entry, repair after a link goes down, bad input.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { blog, BLOG_HOP_LIMIT } from '../../../src/core/membership/blog.ts';
import { NO_LINK } from '../../../src/core/membership/seam.ts';
import { fakePort, linkUp } from './fake-port.ts';

const req = (joiner: number, hops: number) => ({ type: 'join_req' as const, joiner, hops });

describe('blog rule', () => {
  it('a node with k = 3 links accepts with probability 1/(k+1) = 1/4: a draw of 0.24 accepts, 0.26 passes on', () => {
    const m = blog();
    const port = fakePort(m, 0);
    linkUp(m, port, 1, 2, 3);
    port.draws = [0.24];
    m.onControl(port, 0, req(9, 0));
    expect(port.opened).toEqual([9]);
    port.draws = [0.26, 0.9];
    m.onControl(port, 0, req(8, 0));
    expect(port.opened).toEqual([9]);
    expect(port.sent).toEqual([{ link: 2, msg: req(8, 1) }]);
  });

  it('a node with no link accepts every request (1/(0+1))', () => {
    const m = blog();
    const port = fakePort(m, 0);
    port.draws = [0.999];
    m.onControl(port, NO_LINK, req(5, 0));
    expect(port.opened).toEqual([5]);
  });

  it(`drops a request that would exceed the hop limit (${BLOG_HOP_LIMIT} by default; 3 here)`, () => {
    const m = blog({ hopLimit: 3 });
    const port = fakePort(m, 0);
    linkUp(m, port, 1, 2);
    port.draws = [0.9, 0.1];
    m.onControl(port, 0, req(9, 2));
    expect(port.sent).toEqual([{ link: 1, msg: req(9, 3) }]); // never back over the link it came by while another exists
    port.draws = [0.9];
    m.onControl(port, 0, req(9, 3));
    expect(port.sent).toHaveLength(1);
  });

  it('never accepts a node it is linked to or already opening a link to, and never itself', () => {
    const m = blog();
    const port = fakePort(m, 0);
    linkUp(m, port, 1, 2);
    port.draws = [0, 0.9, 0.1];
    m.onControl(port, 0, req(2, 0)); // linked to 2: passes it on though the draw would accept
    expect(port.opened).toEqual([]);
    port.draws = [0];
    m.onControl(port, 0, req(7, 0));
    port.draws = [0, 0.9];
    m.onControl(port, 0, req(7, 0)); // already opening to 7
    port.draws = [0, 0.9];
    m.onControl(port, 0, req(0, 0)); // its own request
    expect(port.opened).toEqual([7]);
  });

  it('a newcomer sends K requests to its entry and sets a retry timer; below K it retries through its links', () => {
    const m = blog({ want: 3 });
    const port = fakePort(m, 10, 0);
    m.onStart(port);
    expect(port.sentTo).toEqual([0, 1, 2].map(() => ({ to: 0, msg: req(10, 0) })));
    expect(port.timers.map((t) => t.token)).toEqual(['retry']);
    linkUp(m, port, 4);
    m.onTimer(port, 'retry');
    expect(port.sent).toEqual([
      { link: 0, msg: req(10, 0) },
      { link: 0, msg: req(10, 0) },
    ]);
  });

  it('re-issues one request per missing link when a link goes down, plus one to a learned address it is not linked to', () => {
    const m = blog({ want: 2 });
    const port = fakePort(m, 0);
    linkUp(m, port, 1, 2);
    port.peers[1] = undefined;
    m.onLinkDown(port, 1, 2);
    expect(port.sent).toEqual([{ link: 0, msg: req(0, 0) }]);
    expect(port.sentTo).toEqual([{ to: 2, msg: req(0, 0) }]);
  });

  it('a node left with no link opens one to a learned address or its entry, and forgets an address that fails', () => {
    const m = blog({ want: 2 });
    const port = fakePort(m, 5, 0);
    linkUp(m, port, 1);
    port.peers[0] = undefined;
    port.draws = [0.1];
    m.onLinkDown(port, 0, 1);
    expect(port.opened).toEqual([1]); // candidates: known [1], then the entry 0
    m.onOpenFailed(port, 1, 'unreachable');
    m.onTimer(port, 'retry');
    expect(port.opened).toEqual([1, 0]);
  });

  it('a node at its link cap (10K by default) passes every request on', () => {
    const m = blog({ want: 1, maxLinks: 2 });
    const port = fakePort(m, 0);
    linkUp(m, port, 1, 2);
    port.draws = [0, 0.9];
    m.onControl(port, 0, req(9, 0));
    expect(port.opened).toEqual([]);
    expect(port.sent.map((x) => x.msg)).toEqual([req(9, 1)]);
  });

  it('refuses K < 1 and a negative hop limit with an InputError naming the value', () => {
    expect(() => blog({ want: 0 })).toThrow(InputError);
    expect(() => blog({ want: 0 })).toThrow('blog: want 0 must be an integer >= 1');
    expect(() => blog({ hopLimit: -1 })).toThrow('hopLimit -1');
  });
});
