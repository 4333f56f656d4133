/**
 * Text from the network is shown, never obeyed. A newline in a chat text would print a second,
 * forged line; a right-to-left override would make a line read backwards; a name containing
 * ` -> ` would fake an author. So every control and format character (Unicode Cc and Cf, line and
 * paragraph separators, lone surrogates) is shown as a visible escape, and names are restricted.
 * Pure: no I/O.
 */

/** Longest node name, in characters (code points). */
export const MAX_DISPLAY_NAME = 32;

// Cc: C0/C1 controls incl. \n \r \t; Cf: format chars incl. bidi overrides U+202A–U+202E and
// isolates U+2066–U+2069, zero-width joiners, tag characters; Zl/Zp: U+2028/U+2029; Cs: lone halves.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
const UNSAFE_ONE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The visible escape of one unsafe character: `\n`, `\r`, `\t`, `\u202e`, or `\u{e0041}`. */
export function escapeChar(ch: string): string {
  const short = SHORT[ch];
  if (short) return short;
  const cp = ch.codePointAt(0) ?? 0;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** `text` with every control and format character replaced by its visible escape. */
export function safeText(text: string): string {
  return UNSAFE_ONE.test(text) ? text.replace(UNSAFE, escapeChar) : text;
}

/**
 * Why `name` cannot be a node name, or undefined when it can. A name is 1 to 32 characters with
 * no control or format characters, no space at either end, no ` -> ` (the author separator), no
 * `[` or `]` (a fingerprint label `NAME [fp:…]` cannot be faked), and does not start with `*`
 * (the mark of the node's own notices).
 */
export function displayNameProblem(name: string): string | undefined {
  const length = [...name].length;
  if (length === 0 || length > MAX_DISPLAY_NAME) return `must be 1 to ${MAX_DISPLAY_NAME} characters (has ${length})`;
  if (UNSAFE_ONE.test(name)) return 'must not contain control or format characters';
  if (/^\s|\s$/u.test(name)) return 'must not start or end with a space';
  if (name.includes('->')) return "must not contain '->'";
  if (/[[\]]/.test(name)) return "must not contain '[' or ']'";
  if (name.startsWith('*')) return "must not start with '*'";
  return undefined;
}

/** The line shown for a chat message: `LABEL -> text`, both parts made safe. */
export function chatLine(label: string, text: string): string {
  return `${safeText(label)} -> ${safeText(text)}`;
}
