/**
 * vitest settings. Many tests start real processes (the CLI, sweep workers, Go nodes, the packed
 * package): each takes well under a second on a quiet machine, but on a shared 2-core machine a
 * start can take several, so a test gets 30 s before it counts as hung (vitest's default is 5 s).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
