/**
 * results/bench.md keeps the sections that were not rerun: a rerun section replaces its own marked
 * block only, a new one lands in the bench's order, and the head is rewritten.
 */
import { expect, it } from 'vitest';
import { sectionBlock, spliceSections } from '../../scripts/bench/splice.ts';

const ORDER = ['simulator', 'real', 'membership'];

it('replaces the rerun section, keeps the others with their own run lines, in the bench order', () => {
  const old = ['old head', sectionBlock('simulator', '_Run A._', '## Simulator\n\nsim 1.0 s'), sectionBlock('membership', '_Run B._', '## Membership\n\ngrow 20 s')].join('\n');
  const out = spliceSections(old, 'new head', new Map([['real', sectionBlock('real', '_Run C._', '## Real\n\nburst 3,000/s')]]), ORDER);
  expect(out.startsWith('new head\n')).toBe(true);
  expect(out).not.toContain('old head');
  const at = (s: string): number => out.indexOf(s);
  expect(at('sim 1.0 s')).toBeGreaterThan(0);
  expect(at('_Run A._')).toBeLessThan(at('_Run C._'));
  expect(at('burst 3,000/s')).toBeLessThan(at('grow 20 s'));

  const again = spliceSections(out, 'new head', new Map([['membership', sectionBlock('membership', '_Run D._', '## Membership\n\ngrow 9 s')]]), ORDER);
  expect(again).toContain('grow 9 s');
  expect(again).not.toContain('grow 20 s');
  expect(again).not.toContain('_Run B._');
  expect(again).toContain('sim 1.0 s');
  expect(again).toContain('burst 3,000/s');
  expect(again.match(/<!-- bench:membership -->/g)).toHaveLength(1);
});

it('puts the run line right under the section heading', () => {
  expect(sectionBlock('go', '_Run E._', '## Go\n\ntext\n')).toBe('<!-- bench:go -->\n## Go\n\n_Run E._\n\ntext\n<!-- /bench:go -->\n');
});
