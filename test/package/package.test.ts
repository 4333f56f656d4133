/**
 * floodlab as a user gets it from npm: the packed tarball installed into an empty project (from
 * the local npm cache), then (a) the API imported from plain Node ESM, (b) a consumer's .ts file
 * type-checked under strict with skipLibCheck off and no @types of its own, (c) `npx floodlab sim`,
 * and the README's "Use it as a library" example, run as written.
 * Packs with --ignore-scripts: `npm test` has just built dist/, and rebuilding it here would pull
 * it from under the test files that fork it. One file, one install: it is the slow test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floodFormulas } from '../../src/core/formulas.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules', '.bin', 'tsc');
let project = '';
let tarball = '';

const run = (cmd: string, args: readonly string[], cwd = project): string => execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  statSync(join(root, 'dist', 'index.js')); // built by `npm test` (npm run build) before the suite
  project = mkdtempSync(join(tmpdir(), 'floodlab-consumer-'));
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], root)) as { filename: string; size: number; entryCount: number }[];
  tarball = join(project, packed[0]!.filename);
  expect(packed[0]!.size).toBeLessThanOrEqual(300_000);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball]);
}, 120_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed floodlab, installed into an empty project', { timeout: 60_000 }, () => {
  it('installs only dist, bin and the README, and few packages', () => {
    const listing = run('tar', ['-tzf', tarball]).split('\n').filter(Boolean);
    expect(listing.filter((f) => !/^package\/(dist\/|bin\/|README\.md$|package\.json$)/.test(f))).toEqual([]);
    expect(listing.some((f) => f.endsWith('.map') || f.includes('/src/') || f.includes('/test/'))).toBe(false);
    const installed = run('npm', ['ls', '--all', '--parseable']).split('\n').filter(Boolean).length - 1; // the project itself is the first line
    expect(installed).toBeLessThanOrEqual(40);
  });

  it('(a) runs simulate() from plain Node ESM: 2E − (N−1) transmissions', () => {
    const code = "import { simulate } from 'floodlab'; const r = simulate({ nodes: 1000, degree: 4, seed: 1 }); console.log(JSON.stringify([r.transmissionsTotal, r.edges]));";
    const [transmissions, edges] = JSON.parse(run('node', ['--input-type=module', '-e', code])) as [number, number];
    expect(edges).toBe(2000); // N·D/2
    expect(transmissions).toBe(floodFormulas(1000, edges, 4).noEcho);
    expect(transmissions).toBe(3001);
  });

  it('(b) type-checks a consumer under strict with skipLibCheck off', { timeout: 120_000 }, () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { simulate, sweep, compare, buildTopology, registerProtocol, startNode, InputError, type SimReport, type CellResult } from 'floodlab';",
        "import { flood, onFirstSight, type Protocol, type Port } from 'floodlab/core';",
        "import { runSimulation, toCsr } from 'floodlab/sim';",
        "import { RealNode, startInProcess } from 'floodlab/real';",
        'const report: SimReport = simulate({ nodes: 100, degree: 4, seed: 1 });',
        'const sends: number = report.transmissionsTotal;',
        "const mine: Protocol = onFirstSight('mine', (port: Port, from: number, msg) => { for (let l = 0; l < port.links; l++) if (l !== from) port.send(l, msg); });",
        'registerProtocol(mine);',
        'const cells: Promise<CellResult[]> = (async () => { const out: CellResult[] = []; for await (const c of sweep({ nodes: [100], degrees: [4] }, { jobs: 1 })) out.push(c); return out; })();',
        "const rows: number = compare({ protocols: ['flood', 'mine'] }).rows.length;",
        'const pairs: [number, number][] = buildTopology([[0, 1], [1, 2]]).edges;',
        "const node = startNode({ protocol: 'mine' });",
        "const bad: boolean = new InputError('ERR_X', 'x') instanceof Error;",
        'export { sends, cells, rows, pairs, node, bad, flood, runSimulation, toCsr, RealNode, startInProcess };',
      ].join('\n'),
    );
    const tsconfig = { compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [] }, files: ['consumer.ts'] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    expect(run(tsc, ['-p', '.'])).toBe('');
  });

  it('(c) runs `npx floodlab sim` from that project', () => {
    const out = run('npx', ['--no-install', 'floodlab', 'sim', '-n', '1000', '-d', '4', '--json']);
    const report = JSON.parse(out) as SimJson;
    expect([report.nodes, report.edges, report.transmissionsTotal]).toEqual([1000, 2000, 3001]);
    expect(readFileSync(join(project, 'node_modules', 'floodlab', 'bin', 'floodlab.js'), 'utf8')).not.toMatch(/tsx/);
  });

  it("runs the README's library example as written", () => {
    writeFileSync(join(project, 'example.mjs'), readmeExample());
    const lines = run('node', ['example.mjs']).trimEnd().split('\n');
    expect(lines[0]).toBe('3001 3001');
    // N·D/2 edges each: 2E − (N−1) sends; cells come as they finish (largest first).
    expect(lines.slice(1, 5).sort()).toEqual(
      [`N=100 D=4: ${2 * 200 - 99} sends`, `N=100 D=8: ${2 * 400 - 99} sends`, `N=1000 D=4: ${2 * 2000 - 999} sends`, `N=1000 D=8: ${2 * 4000 - 999} sends`].sort(),
    );
    expect(lines[5]).toBe('[ [ 0, 1 ], [ 1, 2 ], [ 2, 0 ] ]');
    expect(lines[6]).toBe(`flood: ${2 * 2000 - 999} sends per message, coverage 1`);
    expect(lines[7]).toMatch(/^two: [\d.]+ sends per message, coverage [\d.]+$/);
    expect(lines.at(-1)).toBe('bob got "hello" from alice');
  });
});

/** The README's library example: the js block between its markers. */
function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- library-example:start -->\s*```js\n([\s\S]*?)```\s*<!-- library-example:end -->/.exec(readme);
  if (!block) throw new Error('README.md: no js block between <!-- library-example:start --> and <!-- library-example:end -->');
  return block[1]!;
}

interface SimJson {
  readonly nodes: number;
  readonly edges: number;
  readonly transmissionsTotal: number;
}
