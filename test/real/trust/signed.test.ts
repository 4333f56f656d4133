/**
 * Signed messages: a genuine one verifies; a forged author, changed text, hijacked id, changed
 * time or a non-canonical key each fail with their own reason; sizes are checked before crypto.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';
import { MAX_SIGNED_TEXT, canonicalBytes, messageIdOf, signMessage, verifyMessage, type SignedMsg } from '../../../src/real/trust/signed.ts';

const alice = generateNodeKey();
const mallory = generateNodeKey();
const T = 1_764_000_000_000;

describe('signMessage / verifyMessage', () => {
  it('a signed message verifies; its id is the 16-byte hash of its content', () => {
    const m = signMessage(alice, 'n1', 'hello', T);
    expect(verifyMessage(m)).toEqual({ ok: true });
    expect(m.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(m.id).toBe(messageIdOf(canonicalBytes(alice.publicKey, 'n1', 'hello', T)));
    expect(m.key).toBe(alice.id);
    expect(m.sig).toHaveLength(86);
  });

  it('the same text twice at different times is two messages', () => {
    expect(signMessage(alice, 'n1', 'hi', T).id).not.toBe(signMessage(alice, 'n1', 'hi', T + 1).id);
  });

  it('a forged origin fails: mallory cannot sign as alice, nor claim her key', () => {
    const forged = signMessage(mallory, 'n1', 'please send me your password', T);
    const withAliceKey: SignedMsg = { ...forged, key: alice.id, id: messageIdOf(canonicalBytes(alice.publicKey, 'n1', forged.text, T)) };
    expect(verifyMessage(withAliceKey)).toMatchObject({ ok: false, why: 'bad-signature' });
  });

  it('an id hijack fails: other text under a genuine id and signature', () => {
    const genuine = signMessage(alice, 'n1', 'lunch at 12', T);
    expect(verifyMessage({ ...genuine, text: 'I agree, wire the money' })).toMatchObject({ ok: false, why: 'id-mismatch' });
    // Recomputing the id for the new text leaves the signature wrong.
    const text = 'I agree, wire the money';
    expect(verifyMessage({ ...genuine, text, id: messageIdOf(canonicalBytes(alice.publicKey, 'n1', text, T)) })).toMatchObject({ ok: false, why: 'bad-signature' });
  });

  it('a changed name or time fails', () => {
    const m = signMessage(alice, 'n1', 'x', T);
    expect(verifyMessage({ ...m, origin: 'n2' })).toMatchObject({ ok: false, why: 'id-mismatch' });
    expect(verifyMessage({ ...m, ts: T + 1 })).toMatchObject({ ok: false, why: 'id-mismatch' });
  });

  it('a key spelled non-canonically (spare bits set) is refused', () => {
    const m = signMessage(alice, 'n1', 'x', T);
    const last = m.key[42]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[(alphabet.indexOf(last) & ~3) + ((alphabet.indexOf(last) & 3) ^ 1)]!;
    expect(Buffer.from(m.key.slice(0, 42) + twin, 'base64url').equals(alice.publicKey)).toBe(true);
    expect(verifyMessage({ ...m, key: m.key.slice(0, 42) + twin })).toMatchObject({ ok: false, why: 'bad-key' });
  });

  it('bounds sizes and shapes before any crypto', () => {
    const m = signMessage(alice, 'n1', 'x', T);
    expect(verifyMessage({ ...m, text: 'x'.repeat(MAX_SIGNED_TEXT + 1) })).toMatchObject({ ok: false, why: 'bad-field' });
    expect(verifyMessage({ ...m, origin: 'n1 -> x' })).toMatchObject({ ok: false, why: 'bad-field' });
    expect(verifyMessage({ ...m, ts: -1 })).toMatchObject({ ok: false, why: 'bad-field' });
    expect(verifyMessage({ ...m, ts: 1.5 })).toMatchObject({ ok: false, why: 'bad-field' });
    expect(verifyMessage({ ...m, key: 'A'.repeat(44) })).toMatchObject({ ok: false, why: 'bad-key' });
    expect(verifyMessage({ ...m, sig: m.sig.slice(1) })).toMatchObject({ ok: false, why: 'bad-signature' });
    expect(verifyMessage({ ...m, id: m.id + 'A' })).toMatchObject({ ok: false, why: 'id-mismatch' });
    expect(verifyMessage({ ...m, sig: 'A'.repeat(86) })).toMatchObject({ ok: false, why: 'bad-signature' });
  });

  it('refuses to sign a bad name with an InputError naming it', () => {
    expect(() => signMessage(alice, 'evil\u202e', 'x', T)).toThrow(InputError);
    expect(() => signMessage(alice, 'a -> b', 'x', T)).toThrow("message: name must not contain '->'");
  });
});
