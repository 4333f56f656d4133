/**
 * One option schema: every command's options come from src/options/schema.ts, a flag means the
 * same and defaults the same in every command that takes it unless the command says why, and the
 * page's query reads the same entries with the same parsers.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMPARE_OPTIONS } from '../../src/cli/compare.ts';
import { LAUNCH_OPTIONS } from '../../src/cli/launch.ts';
import { addOptions } from '../../src/cli/options/commander.ts';
import { SIM_OPTIONS } from '../../src/cli/sim.ts';
import { SWEEP_OPTIONS } from '../../src/cli/sweep.ts';
import { VIZ_OPTIONS } from '../../src/cli/viz.ts';
import { MAX_NODES, OPTIONS, type OptionSpec } from '../../src/options/schema.ts';
import { MAX_NODES as TOPOLOGY_MAX_NODES } from '../../src/sim/topology/spec.ts';
import { parseFloodQuery } from '../../src/viz/query.ts';

const commands: Record<string, readonly OptionSpec[]> = { sim: SIM_OPTIONS, compare: COMPARE_OPTIONS, sweep: SWEEP_OPTIONS, launch: LAUNCH_OPTIONS, viz: VIZ_OPTIONS };

describe('the option schema', () => {
  it('gives every command the shared default of each flag, or a reason for another', () => {
    const base = Object.values(OPTIONS);
    for (const [name, specs] of Object.entries(commands)) {
      for (const spec of specs) {
        const shared = base.find((b) => b.long === spec.long && b.arg === spec.arg);
        if (!shared || spec.why !== undefined || spec.long === 'jobs') continue; // jobs: one per core, worked out at start
        expect(spec.default, `${name} --${spec.long}`).toEqual(shared.default);
      }
    }
  });

  it('agrees across sim and compare on N, D, topology, latency and seed (compare used D = 8)', () => {
    const defaults = (specs: readonly OptionSpec[]) => Object.fromEntries(specs.filter((s) => ['nodes', 'degree', 'topology', 'latency', 'seed'].includes(s.long)).map((s) => [s.long, s.default]));
    expect(defaults(COMPARE_OPTIONS)).toEqual(defaults(SIM_OPTIONS));
    expect(defaults(SIM_OPTIONS)).toEqual({ nodes: 1000, degree: 4, topology: 'random-regular', latency: 'constant', seed: '1' });
    expect(COMPARE_OPTIONS.find((s) => s.long === 'messages')).toMatchObject({ default: 100, why: expect.stringContaining('plumtree') });
  });

  it('defines MAX_NODES once', () => {
    expect(MAX_NODES).toBe(TOPOLOGY_MAX_NODES);
  });

  it('makes commander options whose errors name the flag, from parsers that do not', () => {
    const cmd = addOptions(new Command().exitOverride(), [OPTIONS.nodes]);
    expect(() => cmd.parse(['-n', '1'], { from: 'user' })).toThrow("--nodes '1' is not allowed; expected an integer from 2 to 50000000");
    expect(() => OPTIONS.nodes.parse!('1')).toThrow(/^'1' is not allowed/);
  });

  it("reads the page's query through the same entries, naming the query key", () => {
    const defaults = { n: 60, d: 4, topology: 'random-regular', protocol: 'flood', latency: 'constant', seed: '1', origin: '' };
    expect(parseFloodQuery(new URLSearchParams('n=100&d=6&protocol=gossip:0.5'), defaults)).toMatchObject({ nodes: 100, degree: 6, protocol: 'gossip:0.5', topology: 'random-regular' });
    expect(() => parseFloodQuery(new URLSearchParams('d=0'), defaults)).toThrow("viz: d '0' is not allowed; expected an integer from 1 to 4999");
    expect(() => parseFloodQuery(new URLSearchParams(`seed=${'x'.repeat(301)}`), defaults)).toThrow('viz: seed is 301 characters long; at most 300 allowed');
  });
});
