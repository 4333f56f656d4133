/**
 * Names bound to keys on first use (trust on first use). The first key seen with a name owns it
 * and is shown as plain `NAME`; any other key claiming that name is shown as `NAME [fp:abcd1234]`
 * (the first 8 hex digits of sha256 of its key), so two authors can never look alike. The book is
 * bounded: past `maxNames`, the name used least recently is forgotten (a node's own name is pinned).
 */
import { createHash } from 'node:crypto';
import { check } from '../../core/errors.ts';

/** Short fingerprint of a base64url public key: 8 hex digits of its sha256. */
export function fingerprint(key: string): string {
  return createHash('sha256').update(Buffer.from(key, 'base64url')).digest('hex').slice(0, 8);
}

/** Names remembered by default. */
export const DEFAULT_MAX_NAMES = 10_000;

export class NameBook {
  // Map order is use order: the first entry is the least recently used.
  private readonly owners = new Map<string, string>();
  private readonly pinned = new Map<string, string>();

  constructor(private readonly maxNames: number = DEFAULT_MAX_NAMES) {
    check(Number.isInteger(maxNames) && maxNames >= 1, 'ERR_BAD_NAMEBOOK', `name book: maxNames ${maxNames} must be an integer >= 1`);
  }

  /** Names bound now (pinned ones included). */
  get size(): number {
    return this.owners.size + this.pinned.size;
  }

  /** Binds `name` to `key` for good (the node's own name): no other key is ever shown bare as it. */
  pin(name: string, key: string): void {
    this.owners.delete(name);
    this.pinned.set(name, key);
  }

  /** The key that owns `name`, if any. */
  owner(name: string): string | undefined {
    return this.pinned.get(name) ?? this.owners.get(name);
  }

  /** The label to show for a message by `key` signed as `name`; binds the name on first use. */
  label(name: string, key: string): string {
    const pinned = this.pinned.get(name);
    if (pinned !== undefined) return pinned === key ? name : `${name} [fp:${fingerprint(key)}]`;
    const owner = this.owners.get(name);
    if (owner === undefined) {
      this.owners.set(name, key);
      if (this.owners.size + this.pinned.size > this.maxNames) this.owners.delete(this.owners.keys().next().value!);
      return name;
    }
    if (owner !== key) return `${name} [fp:${fingerprint(key)}]`;
    this.owners.delete(name); // refresh: an active name is the last to be forgotten
    this.owners.set(name, key);
    return name;
  }
}
