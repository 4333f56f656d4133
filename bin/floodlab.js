#!/usr/bin/env node
// The `floodlab` command: registers tsx so the TypeScript sources run as they are, then hands over
// to the CLI. Kept in plain JS so `npx floodlab` works from a fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
