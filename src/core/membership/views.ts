/**
 * Small helpers over address lists shared by the membership protocols: a uniform sample without
 * replacement (index draws for few of many, else a partial Fisher–Yates, over the port's generator) and a bounded view that refuses
 * duplicates and evicts, when full, a preferred victim or else a random entry (HyParView's passive view).
 */
import type { Address } from './seam.ts';

/** Up to `k` distinct entries of `items` drawn uniformly at random; `items` is not changed. */
export function sample<T>(random: () => number, items: readonly T[], k: number): T[] {
  const n = items.length;
  if (k <= 0 || n === 0) return [];
  if (2 * k < n) {
    // Few of many (a shuffle's 3 or 4 of a passive view of 30): draw indices, redraw repeats.
    const picked: number[] = [];
    while (picked.length < k) {
      const i = Math.floor(random() * n);
      if (!picked.includes(i)) picked.push(i);
    }
    return picked.map((i) => items[i]!);
  }
  const copy = items.slice();
  const m = Math.min(k, n);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = copy[i]!;
    copy[i] = copy[j]!;
    copy[j] = t;
  }
  return copy.slice(0, m);
}

/** Removes `a` from `view` when present; true when it was. */
export function removeFrom(view: Address[], a: Address): boolean {
  const i = view.indexOf(a);
  if (i < 0) return false;
  view[i] = view[view.length - 1]!;
  view.pop();
  return true;
}

/**
 * Adds `a` to a view of at most `capacity` addresses unless it is already there. When full, evicts
 * the first of `prefer` still in the view (HyParView evicts the addresses it just sent away in a
 * shuffle), else a random entry.
 */
export function addBounded(view: Address[], a: Address, capacity: number, random: () => number, prefer: readonly Address[] = []): void {
  if (capacity <= 0 || view.includes(a)) return;
  if (view.length >= capacity) {
    let evicted = false;
    for (let i = 0; i < prefer.length && !evicted; i++) evicted = removeFrom(view, prefer[i]!);
    if (!evicted) removeFrom(view, view[Math.floor(random() * view.length)]!);
  }
  view.push(a);
}
