/**
 * A node's Ed25519 key pair, kept in a file so a node keeps its identity across restarts. The
 * file holds the private key as PKCS#8 PEM (what node:crypto writes); it is created on first
 * start with mode 0600 in a 0700 folder, and a key file that group or others may read or write is
 * refused (as ssh does): a key anyone can read is no proof of authorship. Several nodes on one
 * machine get one file per node name under the user's config folder, so they stay distinct.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { InputError } from '../../core/errors.ts';

/** A node's key pair; `publicKey` is the 32 raw bytes, `id` the same as base64url (43 characters). */
export interface NodeKey {
  readonly privateKey: KeyObject;
  readonly publicKey: Buffer;
  readonly id: string;
}

/** Bytes of a raw Ed25519 public key. */
export const PUBLIC_KEY_BYTES = 32;

/** The key pair for an Ed25519 private KeyObject. */
export function nodeKeyFrom(privateKey: KeyObject): NodeKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new InputError('ERR_BAD_KEY', `key: a ${privateKey.asymmetricKeyType ?? 'secret'} key is not an Ed25519 private key`);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = Buffer.from(String(jwk.x), 'base64url');
  return { privateKey, publicKey, id: publicKey.toString('base64url') };
}

/** A fresh key pair held only in memory (tests, and nodes started without a key file). */
export function generateNodeKey(): NodeKey {
  return nodeKeyFrom(generateKeyPairSync('ed25519').privateKey);
}

/**
 * A name as a file name: letters, digits, `_` and `-` are kept; every other UTF-8 byte becomes
 * %XX, so the mapping is one-to-one and no name can reach outside the folder (`..`, `/`).
 */
export function keyFileName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (/^[A-Za-z0-9_-]$/.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${out}.key`;
}

/** Default key file of node `name`: $XDG_CONFIG_HOME (or ~/.config)/floodlab/keys/NAME.key. */
export function defaultKeyFile(name: string, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.config');
  return join(base, 'floodlab', 'keys', keyFileName(name));
}

function errnoOf(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

/** Reads and checks an existing key file; throws InputError with one line naming the file. */
export function loadKey(file: string): NodeKey {
  let mode: number;
  let pem: string;
  try {
    mode = statSync(file).mode;
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError('ERR_KEY_FILE', `key: cannot read ${file} (${errnoOf(err)})`);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new InputError('ERR_KEY_FILE', `key: ${file} has mode ${(mode & 0o777).toString(8)}; group and others must have no access (chmod 600 ${file})`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new InputError('ERR_KEY_FILE', `key: ${file} is not a private key in PEM (an Ed25519 PKCS#8 key, as floodlab writes)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new InputError('ERR_KEY_FILE', `key: ${file} holds a ${key.asymmetricKeyType ?? 'unknown'} key; only Ed25519 is allowed`);
  return nodeKeyFrom(key);
}

/**
 * The key pair in `file`, creating it (mode 0600, folders 0700) when there is none. `created`
 * says which happened, so the caller can tell the user where a new identity was written.
 */
export function loadOrCreateKey(file: string): NodeKey & { readonly created: boolean } {
  let exists = true;
  try {
    statSync(file);
  } catch (err) {
    if (errnoOf(err) !== 'ENOENT') throw new InputError('ERR_KEY_FILE', `key: cannot read ${file} (${errnoOf(err)})`);
    exists = false;
  }
  if (exists) return { ...loadKey(file), created: false };
  const key = generateNodeKey();
  const pem = key.privateKey.export({ format: 'pem', type: 'pkcs8' });
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // 'wx' fails if another process created the file meanwhile: then that key is the one to use.
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if (errnoOf(err) === 'EEXIST') return { ...loadKey(file), created: false };
    throw new InputError('ERR_KEY_FILE', `key: cannot create ${file} (${errnoOf(err)})`);
  }
  return { ...key, created: true };
}
