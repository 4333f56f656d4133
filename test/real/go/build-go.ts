/**
 * Test helper: builds the original Go chat node (test/fixtures/seed-go, the write-up's program,
 * unchanged) and the gob oracle (test/fixtures/gob/oracle: Go's own encoding/gob, as an independent
 * check of our codec) with the machine's `go` (Debian's golang-go; never a downloaded toolchain)
 * into a cache folder keyed by a hash of the sources, so a test run builds each once and later runs
 * reuse it. A missing `go` is an error, not a skip: .ci/run installs golang-go where it is missing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Go program's sources, as published. */
export const SEED_GO_DIR = fileURLToPath(new URL('../../fixtures/seed-go/', import.meta.url));
/** The gob oracle's source. */
export const ORACLE_DIR = fileURLToPath(new URL('../../fixtures/gob/oracle/', import.meta.url));

const built = new Map<string, string>();

/** Finds `go` on PATH or in Debian's place; throws a one-line reason if there is none. */
export function goCommand(): string {
  for (const candidate of ['go', '/usr/lib/go/bin/go']) {
    try {
      execFileSync(candidate, ['version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next place
    }
  }
  throw new Error("go: no Go toolchain found; install Debian's golang-go (apt-get install -y golang-go), as .ci/run does");
}

/** Path of the built Go chat node, building it on first use (a few seconds). */
export function buildGoNode(): string {
  return buildGoProgram(SEED_GO_DIR, 'seednode');
}

/** Path of the built gob oracle. */
export function buildGobOracle(): string {
  return buildGoProgram(ORACLE_DIR, 'gob-oracle');
}

function buildGoProgram(sourceDir: string, name: string): string {
  const cached = built.get(name);
  if (cached !== undefined && existsSync(cached)) return cached;
  const sources = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.go'))
    .sort();
  const hash = createHash('sha256');
  for (const f of sources) hash.update(f).update(readFileSync(join(sourceDir, f)));
  const cacheDir = join(tmpdir(), `floodlab-go-${name}-${hash.digest('hex').slice(0, 16)}`);
  const binary = join(cacheDir, name);
  if (!existsSync(binary)) {
    const go = goCommand();
    const work = mkdtempSync(join(tmpdir(), `floodlab-go-build-${name}-`));
    try {
      for (const f of sources) copyFileSync(join(sourceDir, f), join(work, f));
      // Offline and with the local toolchain only: the program imports nothing outside the standard library.
      const env = {
        ...process.env,
        GOTOOLCHAIN: 'local',
        GOPROXY: 'off',
        GOFLAGS: '-mod=mod',
        GOCACHE: join(tmpdir(), 'floodlab-go-cache'),
        GOPATH: process.env.GOPATH ?? join(tmpdir(), 'floodlab-gopath'),
      };
      execFileSync(go, ['mod', 'init', name], { cwd: work, env, stdio: 'pipe' });
      execFileSync(go, ['build', '-o', name, '.'], { cwd: work, env, stdio: 'pipe' });
      mkdirSync(cacheDir, { recursive: true });
      // Rename is atomic, so test files building at once each end with a whole binary.
      renameSync(join(work, name), binary);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  built.set(name, binary);
  return binary;
}
