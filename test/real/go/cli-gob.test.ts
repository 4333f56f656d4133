// `floodlab node` as a user runs it beside the real Go node: --wire, `connect gob://HOST:PORT`,
// a Go line shown as the Go program shows it (`ADDRESS -> text`) and, the node being signed by
// default, marked unverified; --wire json refuses the Go node; a bad --wire refused.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCliNode, stopAll } from '../cli-node.ts';
import { buildGoNode } from './build-go.ts';
import { startGoNode, stopAllGo } from './go-node.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
afterEach(async () => {
  await stopAll();
  await stopAllGo();
});
beforeAll(() => void buildGoNode(), 120_000);

describe('floodlab node and the Go node', { timeout: 30_000 }, () => {
  it('connect gob://127.0.0.1:PORT links to a Go node; lines pass both ways; /peers says gob', async () => {
    const go = await startGoNode();
    const f = await startCliNode('--name', 'alice', '--wire', 'auto');
    f.type(`connect gob://127.0.0.1:${go.port}`);
    await f.waitLine(new RegExp(`^\\* connected to 127\\.0\\.0\\.1:${go.port}`));
    await go.waitLine(/^Handling connection/);
    await new Promise((r) => setTimeout(r, 50));
    go.type('hi from the Go node');
    expect(await f.waitLine(/hi from the Go node/)).toBe(`127.0.0.1:${go.port} -> hi from the Go node  (unverified: Go wire)`);
    f.type('hi from alice');
    await go.waitLine(/ -> hi from alice$/);
    f.type('/peers');
    expect(await f.waitLine(/^link 0 /)).toMatch(new RegExp(`^link 0  to   127\\.0\\.0\\.1:${go.port}  connected  gob  frames in [12], out 1$`)); // in: its line, and maybe already its echo of ours
  });

  it('--wire takes json, gob or auto only', async () => {
    const out = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
      execFile(process.execPath, ['bin/floodlab.js', 'node', '--wire', 'xml'], { cwd: root }, (err, _stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr })),
    );
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--wire 'xml' is not one of json, gob, auto/);
  });
});
