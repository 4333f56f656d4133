/**
 * `floodlab node --key FILE` as a user runs it: the key file is created once with mode 0600 and
 * reused; a malformed or too-open key file stops the node with one line and exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKey } from '../../../src/real/trust/keys.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'floodlab-cli-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a node that exits at once (stdin says exit); returns its exit code and output. */
function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/floodlab.js', 'node', '--port', '0', ...args], {
    cwd: root,
    input: 'exit\n',
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, XDG_CONFIG_HOME: dir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('floodlab node --key', () => {
  it('creates the key file with mode 0600 on first start and reuses it', () => {
    const file = join(dir, 'alice.key');
    const first = run('--name', 'alice', '--key', file);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`floodlab: new node key written to ${file}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const id = loadKey(file).id;
    const again = run('--name', 'alice', '--key', file);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(loadKey(file).id).toBe(id);
  }, 60_000);

  it('without --key, one file per name under $XDG_CONFIG_HOME/floodlab/keys', () => {
    const r = run('--name', 'bob');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`floodlab: new node key written to ${join(dir, 'floodlab', 'keys', 'bob.key')}\n`);
  }, 30_000);

  it('a malformed or too-open key file: one line, exit 2', () => {
    const junk = join(dir, 'junk.key');
    writeFileSync(junk, 'nonsense', { mode: 0o600 });
    const bad = run('--name', 'carol', '--key', junk);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain(`key: ${junk} is not a private key in PEM`);
    chmodSync(junk, 0o644);
    const open = run('--name', 'carol', '--key', junk);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('group and others must have no access');
  }, 60_000);
});
