/**
 * results/bench.md as marked sections, so that `npm run bench -- SECTION` reruns one section and
 * keeps the others: each section sits between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`,
 * opened by a line saying when, at which commit and under what load it ran (figures from different
 * runs are never mixed silently).
 */

/** The block for one section: markers, the run line, the section's own text. */
export function sectionBlock(name: string, runLine: string, text: string): string {
  return [`<!-- bench:${name} -->`, text.trimEnd().replace(/^(## .*\n)/, `$1\n${runLine}\n`), `<!-- /bench:${name} -->`, ''].join('\n');
}

/**
 * `old` (the file as it was) with each of `blocks` (name → block) put in place of its marked
 * section, or after the last section when it had none; sections not rerun stay as they were, in
 * the order `order` gives. The head (everything before the first section) is replaced by `head`.
 */
export function spliceSections(old: string, head: string, blocks: ReadonlyMap<string, string>, order: readonly string[]): string {
  const kept = new Map<string, string>();
  const marked = /<!-- bench:([a-z]+) -->\n[\s\S]*?<!-- \/bench:\1 -->\n?/g;
  for (const m of old.matchAll(marked)) kept.set(m[1]!, m[0].endsWith('\n') ? m[0] : `${m[0]}\n`);
  for (const [name, block] of blocks) kept.set(name, block);
  return [head.trimEnd(), '', ...order.filter((name) => kept.has(name)).map((name) => kept.get(name)!)].join('\n');
}
