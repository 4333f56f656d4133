/**
 * Numbers and counted nouns as people read them, in one place for the terminal and the page:
 * thousands separators, plurals ("1 send", "2 sends"), percentages, and D for uneven graphs.
 */

// One formatter per precision: toLocaleString builds an ICU formatter on every call, which made
// formatting the costliest part of a small sweep cell.
const formats = new Map<number, Intl.NumberFormat>();

/** x with thousands separators and at most `digits` decimals (whole numbers show none). */
export function num(x: number, digits = 2): string {
  if (Number.isNaN(x)) return 'n/a';
  let f = formats.get(digits);
  if (!f) formats.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  return f.format(x);
}

/** "1 send", "2 sends", "1,000 nodes"; `many` for irregular plurals. */
export function plural(x: number, one: string, many = `${one}s`): string {
  return `${num(x)} ${x === 1 ? one : many}`;
}

/** part / whole as a percentage with one decimal ('0.0%' when whole is 0). */
export function pct(part: number, whole = 1): string {
  return `${whole > 0 ? ((100 * part) / whole).toFixed(1) : '0.0'}%`;
}

/**
 * D as a person reads it: a regular graph's degree as is; otherwise the graph's D is its mean
 * degree 2E/N, shown to two decimals and labelled so (not 4.588235294117647).
 */
export function degreeLabel(d: number): string {
  return Number.isInteger(d) ? String(d) : `${d.toFixed(2)} (mean)`;
}
