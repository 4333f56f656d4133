/** Key files: created once with mode 0600, read back as the same identity, and every bad file refused in one line. */
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { defaultKeyFile, keyFileName, loadKey, loadOrCreateKey } from '../../../src/real/trust/keys.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'floodlab-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function errorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('loadOrCreateKey', () => {
  it('creates a 0600 file in a 0700 folder on first start, then reads back the same key', () => {
    const file = join(tempDir(), 'a', 'b', 'n1.key');
    const first = loadOrCreateKey(file);
    expect(first.created).toBe(true);
    expect(first.publicKey).toHaveLength(32);
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toContain('BEGIN PRIVATE KEY');
    const again = loadOrCreateKey(file);
    expect(again.created).toBe(false);
    expect(again.id).toBe(first.id);
  });

  it('refuses a key file group or others can read, naming the fix', () => {
    const file = join(tempDir(), 'n1.key');
    loadOrCreateKey(file);
    chmodSync(file, 0o644);
    const err = errorOf(() => loadOrCreateKey(file));
    expect(err.message).toBe(`key: ${file} has mode 644; group and others must have no access (chmod 600 ${file})`);
  });

  it('refuses a malformed file and a non-Ed25519 key, in one line each', () => {
    const dir = tempDir();
    const junk = join(dir, 'junk.key');
    writeFileSync(junk, 'not a key\n', { mode: 0o600 });
    expect(errorOf(() => loadKey(junk)).message).toBe(`key: ${junk} is not a private key in PEM (an Ed25519 PKCS#8 key, as floodlab writes)`);
    const ec = join(dir, 'ec.key');
    writeFileSync(ec, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    expect(errorOf(() => loadKey(ec)).message).toBe(`key: ${ec} holds a ec key; only Ed25519 is allowed`);
  });

  it('names an unreadable path and its error code', () => {
    const dir = tempDir();
    expect(errorOf(() => loadKey(join(dir, 'missing.key'))).message).toBe(`key: cannot read ${join(dir, 'missing.key')} (ENOENT)`);
    // A folder (mode 0700) where the file should be: reading fails with EISDIR.
    expect(errorOf(() => loadOrCreateKey(dir)).message).toBe(`key: cannot read ${dir} (EISDIR)`);
  });
});

describe('key file paths', () => {
  it('one file per node name under $XDG_CONFIG_HOME or ~/.config', () => {
    expect(defaultKeyFile('n1', { XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/floodlab/keys/n1.key');
    expect(defaultKeyFile('n1', {}, '/home/u')).toBe('/home/u/.config/floodlab/keys/n1.key');
    expect(defaultKeyFile('n1', { XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/floodlab/keys/n1.key');
  });

  it('maps every name to a distinct file inside the folder', () => {
    expect(keyFileName('../etc/passwd')).toBe('%2E%2E%2Fetc%2Fpasswd.key');
    expect(keyFileName('Zoë')).toBe('Zo%C3%AB.key');
    expect(keyFileName('a.b')).not.toBe(keyFileName('a_b'));
    expect(keyFileName('a%2E')).toBe('a%252E.key');
  });
});
