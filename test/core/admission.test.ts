/** Admission counts: each cap refuses exactly at its limit, and released tickets free their place. */
import { describe, expect, it } from 'vitest';
import { Admission, type Ticket } from '../../src/core/admission.ts';

const isTicket = (t: Ticket | string): t is Ticket => typeof t !== 'string';

describe('Admission', () => {
  it('caps connections still in their handshake, then frees the place when one is promoted', () => {
    const a = new Admission({ maxLinks: 100, maxInbound: 100, maxHandshaking: 3, maxPerIp: 100 });
    const t = [a.inbound('1.1.1.1'), a.inbound('1.1.1.2'), a.inbound('1.1.1.3')].filter(isTicket);
    expect(t).toHaveLength(3);
    expect(a.inbound('1.1.1.4')).toBe('at the limit of 3 connections in their handshake');
    t[0]!.promote();
    expect(isTicket(a.inbound('1.1.1.4'))).toBe(true);
    expect(a.counts()).toEqual({ links: 4, inbound: 4, handshaking: 3, ips: 4, unauthenticated: 0 });
  });

  it('caps connections per IP', () => {
    const a = new Admission({ maxLinks: 100, maxInbound: 100, maxHandshaking: 100, maxPerIp: 2 });
    const t1 = a.inbound('9.9.9.9');
    expect(isTicket(t1)).toBe(true);
    expect(isTicket(a.inbound('9.9.9.9'))).toBe(true);
    expect(a.inbound('9.9.9.9')).toBe('at the limit of 2 connections from 9.9.9.9');
    expect(isTicket(a.inbound('8.8.8.8'))).toBe(true);
    (t1 as Ticket).release();
    (t1 as Ticket).release(); // idempotent
    expect(isTicket(a.inbound('9.9.9.9'))).toBe(true);
    expect(a.counts().links).toBe(3);
  });

  it('caps inbound links and all links; outbound dials count toward the total', () => {
    const a = new Admission({ maxLinks: 5, maxInbound: 3, maxHandshaking: 10, maxPerIp: 10 });
    for (let i = 0; i < 3; i++) (a.inbound(`10.0.0.${i}`) as Ticket).promote();
    expect(a.inbound('10.0.0.9')).toBe('at the limit of 3 inbound links');
    const out = [a.outbound(), a.outbound()];
    expect(out.every(isTicket)).toBe(true);
    expect(a.outbound()).toBe('at the limit of 5 links');
    (out[0] as Ticket).release();
    expect(isTicket(a.outbound())).toBe(true);
  });

  it('1,000 sockets from one address hold at most maxPerIp places', () => {
    const a = new Admission();
    let admitted = 0;
    for (let i = 0; i < 1000; i++) if (isTicket(a.inbound('127.0.0.1'))) admitted++;
    expect(admitted).toBe(Math.min(a.limits.maxHandshaking, a.limits.maxPerIp, a.limits.maxInbound));
  });

  it('caps inbound links up without a key (gob) on their own; a refused one keeps its place until released', () => {
    const a = new Admission({ maxLinks: 100, maxInbound: 100, maxHandshaking: 100, maxPerIp: 100, maxUnauthenticated: 2 });
    const t = Array.from({ length: 4 }, (_, i) => a.inbound(`10.0.1.${i}`) as Ticket);
    expect(t[0]!.promote(true)).toBeUndefined();
    expect(t[1]!.promote(true)).toBeUndefined();
    expect(t[2]!.promote(true)).toBe('at the limit of 2 links without a key (Go nodes, or silent sockets taken for them)');
    expect(t[3]!.promote(false)).toBeUndefined(); // a link with a key is not held to it
    expect(a.counts()).toMatchObject({ handshaking: 1, unauthenticated: 2 });
    t[2]!.release();
    t[0]!.release();
    expect(a.counts()).toMatchObject({ links: 2, handshaking: 0, unauthenticated: 1 });
    expect(new Admission().limits.maxUnauthenticated).toBe(8);
  });
});
