/**
 * Safe display: no character from the network can start a new line, reorder a line or fake an
 * author. Each case names the attack it stops.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DISPLAY_NAME, chatLine, displayNameProblem, safeText } from '../../src/core/display.ts';

describe('safeText', () => {
  it('leaves ordinary text alone, emoji and accents included', () => {
    expect(safeText('héllo wörld 🌊 -> ok')).toBe('héllo wörld 🌊 -> ok');
  });

  it('shows a newline as \\n, so no second (forged) line is printed', () => {
    const shown = chatLine('mallory', 'hi\nn1 -> I agree, wire the money');
    expect(shown).toBe('mallory -> hi\\nn1 -> I agree, wire the money');
    expect(shown.split('\n')).toHaveLength(1);
  });

  it('escapes tab, CR, ESC, DEL and C1 controls', () => {
    expect(safeText('a\tb\rc\u001b[2Jd\u007fe\u0085f')).toBe('a\\tb\\rc\\u001b[2Jd\\u007fe\\u0085f');
  });

  it('escapes every bidi override and isolate (U+202A–U+202E, U+2066–U+2069)', () => {
    const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    for (const cp of bidi) expect(safeText(`x${String.fromCodePoint(cp)}y`)).toBe(`x\\u${cp.toString(16)}y`);
  });

  it('escapes line/paragraph separators, zero-width and tag characters, and lone surrogates', () => {
    expect(safeText('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
    expect(safeText('a\u200bb\ufeffc')).toBe('a\\u200bb\\ufeffc');
    expect(safeText('a\u{e0041}b')).toBe('a\\u{e0041}b');
    expect(safeText('a\ud800b')).toBe('a\\ud800b');
  });

  it('leaves no Cc or Cf character in any of the first 0x30000 code points', () => {
    let all = '';
    for (let cp = 0; cp < 0x30000; cp++) if (cp < 0xd800 || cp > 0xdfff) all += String.fromCodePoint(cp);
    expect(safeText(all)).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
  });
});

describe('displayNameProblem', () => {
  it('accepts ordinary names up to the limit', () => {
    expect(displayNameProblem('n1')).toBeUndefined();
    expect(displayNameProblem('Zoë the node')).toBeUndefined();
    expect(displayNameProblem('x'.repeat(MAX_DISPLAY_NAME))).toBeUndefined();
    expect(displayNameProblem('🌊'.repeat(MAX_DISPLAY_NAME))).toBeUndefined(); // counted in characters
  });

  it.each([
    ['', 'must be 1 to 32'],
    ['x'.repeat(MAX_DISPLAY_NAME + 1), 'must be 1 to 32 characters (has 33)'],
    ['n1 -> hi', "'->'"],
    ['n1->x', "'->'"],
    ['evil\u202egnp.exe', 'control or format'],
    ['a\nb', 'control or format'],
    ['n1\u200b', 'control or format'],
    [' n1', 'space'],
    ['n1\u00a0', 'space'],
    ['n1 [fp:abcd1234]', "'['"],
    ['* link dropped', "'*'"],
  ])('refuses %j', (name, why) => {
    expect(displayNameProblem(name)).toContain(why);
  });
});
