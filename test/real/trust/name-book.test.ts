/** Trust on first use: one key per name shows bare; a second key claiming it shows its fingerprint. */
import { describe, expect, it } from 'vitest';
import { NameBook, fingerprint } from '../../../src/real/trust/name-book.ts';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';

const a = generateNodeKey().id;
const b = generateNodeKey().id;

describe('NameBook', () => {
  it('shows NAME for its first key and NAME [fp:…] for any other', () => {
    const book = new NameBook();
    expect(book.label('n1', a)).toBe('n1');
    expect(book.label('n1', b)).toBe(`n1 [fp:${fingerprint(b)}]`);
    expect(book.label('n1', a)).toBe('n1');
    expect(fingerprint(b)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('a pinned name (the node itself) is never shown bare for another key', () => {
    const book = new NameBook();
    book.pin('me', a);
    expect(book.label('me', b)).toBe(`me [fp:${fingerprint(b)}]`);
    expect(book.label('me', a)).toBe('me');
  });

  it('stays bounded, forgetting the least recently used name', () => {
    const book = new NameBook(100);
    book.label('active', a);
    for (let i = 0; i < 1000; i++) {
      book.label(`sybil${i}`, b);
      if (i % 50 === 0) book.label('active', a); // in use: kept
    }
    expect(book.size).toBe(100);
    expect(book.owner('active')).toBe(a);
    expect(book.owner('sybil0')).toBeUndefined();
    expect(book.owner('sybil999')).toBe(b);
  });
});
