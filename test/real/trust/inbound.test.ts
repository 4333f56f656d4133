// What a node with a key lets through unsigned (a Go message only, marked), what a node without
// one does, and how signed ids and their Go spellings share one seen set without letting an
// unverified copy make a signed message a duplicate.
import { describe, expect, it } from 'vitest';
import { ReceivedMsg } from '../../../src/real/codec.ts';
import { Inbound, UnverifiedMsg } from '../../../src/real/trust/inbound.ts';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';
import { signMessage } from '../../../src/real/trust/signed.ts';
import { canonicalId } from '../../../src/real/wire/gob/ids.ts';

const options = { maxEntries: 100, windowMs: 60_000, skewMs: 30_000 };
const link = (): { remote: string; offences: string[]; offend(reason: string): void } => {
  const offences: string[] = [];
  return { remote: '127.0.0.1:40000', offences, offend: (r) => void offences.push(r) };
};

describe('Inbound', () => {
  it('with a key: an unsigned Go message passes marked, named by its link when it has no author', () => {
    const inbound = new Inbound({ ...options, signedOnly: true });
    const fromGob = inbound.admit(link(), { id: 'g9223372036854775801', origin: '', text: 'hi', hops: 1 });
    expect(fromGob).toBeInstanceOf(UnverifiedMsg);
    expect(fromGob).toMatchObject({ id: 'g9223372036854775801', origin: '127.0.0.1:40000', text: 'hi', hops: 1 });
    const relayed = inbound.admit(link(), { id: 'g-5', origin: '127.0.0.1:55555', text: 'hi', hops: 3 });
    expect(relayed).toBeInstanceOf(UnverifiedMsg);
    expect(inbound.counts).toMatchObject({ unverified: 2, unsigned: 0 });
  });

  it('with a key: every other unsigned message is refused and counted', () => {
    const inbound = new Inbound({ ...options, signedOnly: true });
    const l = link();
    expect(inbound.admit(l, { id: 'AAAAAAAAAAAAAAAA', origin: 'n1', text: 'a native id', hops: 1 })).toBeUndefined();
    expect(inbound.admit(l, { id: 'g12', origin: 'n1', text: 'a Go id with a name for author', hops: 1 })).toBeUndefined();
    expect(inbound.admit(l, { id: 'g99999999999999999999', origin: '127.0.0.1:1', text: "beyond Go's int", hops: 1 })).toBeUndefined();
    expect(inbound.counts).toMatchObject({ unverified: 0, unsigned: 3 });
    expect(l.offences).toEqual([]);
  });

  it('without a key: unsigned messages pass unmarked', () => {
    const inbound = new Inbound({ ...options, signedOnly: false });
    const m = inbound.admit(link(), { id: 'AAAAAAAAAAAAAAAA', origin: 'n1', text: 'plain', hops: 2 });
    expect(m).toBeInstanceOf(ReceivedMsg);
    expect(m).not.toBeInstanceOf(UnverifiedMsg);
  });

  it('a signed id is also seen under its Go spelling, so its echo from a Go node is a duplicate', () => {
    const inbound = new Inbound({ ...options, signedOnly: true });
    const msg = signMessage(generateNodeKey(), 'a', 'hello', Date.now());
    expect(inbound.during(msg.ts, () => inbound.firstSight(msg.id))).toBe(true);
    expect(inbound.firstSight(canonicalId(msg.id))).toBe(false);
    expect(inbound.during(msg.ts, () => inbound.firstSight(msg.id))).toBe(false);
    expect(inbound.size).toBe(1);
  });

  it("an unverified copy under a signed id's Go spelling never makes the signed message a duplicate", () => {
    const inbound = new Inbound({ ...options, signedOnly: true });
    const msg = signMessage(generateNodeKey(), 'a', 'the genuine text', Date.now());
    expect(inbound.firstSight(canonicalId(msg.id))).toBe(true); // a racer's unsigned copy with that Go id
    expect(inbound.during(msg.ts, () => inbound.firstSight(msg.id))).toBe(true);
  });

  it('a signed message with a bad signature is refused and scored against its link', () => {
    const inbound = new Inbound({ ...options, signedOnly: true });
    const msg = signMessage(generateNodeKey(), 'a', 'x', Date.now());
    const l = link();
    const bad = { ...msg, hops: 1, sig: (msg.sig.startsWith('A') ? 'B' : 'A') + msg.sig.slice(1) };
    expect(inbound.admit(l, bad)).toBeUndefined();
    expect(inbound.counts.badSignatures).toBe(1);
    expect(l.offences).toHaveLength(1);
  });
});
