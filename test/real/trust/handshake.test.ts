/**
 * The link handshake: two honest sides prove their keys to each other; a reflected proof, a
 * forged proof, a proof from another connection and a peer presenting our own key all fail.
 */
import { describe, expect, it } from 'vitest';
import { HandshakeError, makeHello, makeProof, parseHello, verifyProof } from '../../../src/real/trust/handshake.ts';
import { LinkHandshake } from '../../../src/real/trust/link-handshake.ts';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';

const alice = generateNodeKey();
const bob = generateNodeKey();
const mallory = generateNodeKey();

describe('makeProof / verifyProof', () => {
  it('each side proves its key to the other', () => {
    const ha = makeHello(alice, '127.0.0.1:5001');
    const hb = makeHello(bob, '127.0.0.1:5002');
    expect(verifyProof('accept', hb, ha, makeProof(alice, 'dial', ha, hb))).toEqual({ key: alice.id, addr: '127.0.0.1:5001' });
    expect(verifyProof('dial', ha, hb, makeProof(bob, 'accept', hb, ha))).toEqual({ key: bob.id, addr: '127.0.0.1:5002' });
  });

  it('a proof reflected back to its maker fails', () => {
    // Mallory dials alice, and replays alice's own hello and proof at her.
    const ha = makeHello(alice, '127.0.0.1:5001');
    const hm = makeHello(mallory, '127.0.0.1:6666');
    const aliceProof = makeProof(alice, 'accept', ha, hm);
    expect(() => verifyProof('accept', ha, ha, aliceProof)).toThrow('our own key');
    // With a fresh nonce but alice's key, the role in the transcript still differs.
    const fake = { ...ha, nonce: hm.nonce };
    expect(() => verifyProof('accept', ha, fake, aliceProof)).toThrow('our own key');
  });

  it('a proof made in the same role cannot be reflected between two sides (role is signed)', () => {
    const ha = makeHello(alice, '127.0.0.1:5001');
    const hb = makeHello(bob, '127.0.0.1:5002');
    // bob signs as a dialer; alice, also a dialer, must not accept it.
    expect(() => verifyProof('dial', ha, hb, makeProof(bob, 'dial', hb, ha))).toThrow('does not verify');
  });

  it('a forged proof (wrong key) and a proof from another connection fail', () => {
    const ha = makeHello(alice, '127.0.0.1:5001');
    const hb = makeHello(bob, '127.0.0.1:5002');
    // mallory claims bob's key but signs with her own.
    expect(() => verifyProof('dial', ha, hb, makeProof(mallory, 'accept', { ...hb, key: mallory.id }, ha))).toThrow('does not verify');
    // bob's proof for an earlier connection (alice's earlier nonce) does not fit this one.
    const haOld = makeHello(alice, '127.0.0.1:5001');
    expect(() => verifyProof('dial', ha, hb, makeProof(bob, 'accept', hb, haOld))).toThrow('does not verify');
    expect(() => verifyProof('dial', ha, hb, 'A'.repeat(86))).toThrow(HandshakeError);
    expect(() => verifyProof('dial', ha, hb, 42)).toThrow('proof must be 86 base64url characters');
  });

  it('a lied address is caught: the address is inside the signed transcript', () => {
    const ha = makeHello(alice, '127.0.0.1:5001');
    const hb = makeHello(bob, '127.0.0.1:5002');
    const proof = makeProof(bob, 'accept', hb, ha);
    expect(() => verifyProof('dial', ha, { ...hb, addr: '127.0.0.1:9999' }, proof)).toThrow('does not verify');
  });

  it('parseHello checks every field', () => {
    const h = makeHello(alice, '127.0.0.1:5001');
    expect(parseHello({ ...h })).toEqual(h);
    expect(() => parseHello(null)).toThrow('hello must be an object');
    expect(() => parseHello({ ...h, key: 'x' })).toThrow('hello key');
    expect(() => parseHello({ ...h, nonce: 'x'.repeat(23) })).toThrow('hello nonce');
    expect(() => parseHello({ ...h, addr: '127.0.0.1:0' })).toThrow('hello addr');
    expect(() => parseHello({ ...h, addr: '127.0.0.1:70000' })).toThrow('hello addr');
    expect(() => parseHello({ ...h, addr: 'a b:1' })).toThrow('hello addr');
    expect(parseHello({ ...h, addr: '[::1]:80' }).addr).toBe('[::1]:80');
  });
});

describe('LinkHandshake', () => {
  it('two state machines complete over bodies, in either arrival order of hellos', () => {
    const d = new LinkHandshake(alice, 'dial', '127.0.0.1:5001');
    const a = new LinkHandshake(bob, 'accept', '127.0.0.1:5002');
    const proofFromA = a.receive(d.helloBody()).reply!;
    const proofFromD = d.receive(a.helloBody()).reply!;
    expect(d.receive(proofFromA).done).toEqual({ key: bob.id, addr: '127.0.0.1:5002' });
    expect(a.receive(proofFromD).done).toEqual({ key: alice.id, addr: '127.0.0.1:5001' });
  });

  it('refuses a chat frame, a proof before the hello, a second hello and an oversized body', () => {
    const a = new LinkHandshake(bob, 'accept', '127.0.0.1:5002');
    expect(() => a.receive(Buffer.from('{"i":"x","o":"n1","t":"hi","h":1}'))).toThrow('an unauthenticated peer gets nothing');
    expect(() => a.receive(Buffer.from('{"hs":"proof","sig":"x"}'))).toThrow('a proof before the hello');
    const d = new LinkHandshake(alice, 'dial', '127.0.0.1:5001');
    a.receive(d.helloBody());
    expect(() => a.receive(d.helloBody())).toThrow('a second hello');
    expect(() => a.receive(Buffer.alloc(2000, 0x20))).toThrow('over 1024');
  });

  it('an acceptor facing its own reflected hello fails at the proof', () => {
    const a = new LinkHandshake(bob, 'accept', '127.0.0.1:5002');
    const reflectedProof = a.receive(a.helloBody()).reply!;
    expect(() => a.receive(reflectedProof)).toThrow('our own key');
  });
});
