/**
 * vitest settings. Many tests start real processes (the CLI, sweep workers, Go nodes, the packed
 * package): each takes well under a second on a quiet machine, but on a shared 2-core machine a
 * start can take several, so a test gets 30 s before it counts as hung (vitest's default is 5 s).
 * Two workers on two cores: most files wait on sockets and child processes, not on the CPU, and
 * vitest's default here (one worker fewer than the cores) ran the suite one file at a time.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
});
