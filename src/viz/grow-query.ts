/**
 * The page's grow mode request (`/api/grow?n=60&want=4&overlay=blog&entry=first&kill=0.3&seed=1`)
 * read through `floodlab grow`'s schema entries (src/options/schema.ts) with the limits of what the
 * page draws and replays smoothly. Bad values throw an InputError naming the key; the server
 * answers it as a 400.
 */
import { check } from '../core/errors.ts';
import { intIn, named, numberIn, oneOf } from '../options/parse.ts';
import { OPTIONS, override, type OptionSpec } from '../options/schema.ts';
import type { GrowQuery } from './grow-types.ts';

/** Largest network grow mode draws: every join and link change is a step of the replay. */
export const GROW_LIMITS = { maxNodes: 300, maxWant: 20 } as const;

export const OVERLAYS = ['blog', 'hyparview'] as const;

/** The grow options of the page's query (and of `floodlab viz --grow`), with the page's limits and why. */
export const VIZ_GROW_OPTIONS = {
  nodes: override(OPTIONS.nodes, {
    default: 60,
    parse: intIn(2, GROW_LIMITS.maxNodes),
    why: `at most ${GROW_LIMITS.maxNodes} in grow mode: the page replays every join and link; floodlab grow measures larger networks`,
  }),
  want: override({ ...OPTIONS.want, query: 'want' }, { parse: intIn(1, GROW_LIMITS.maxWant), why: `at most ${GROW_LIMITS.maxWant} in grow mode, to keep the drawing readable` }),
  overlay: override({ ...OPTIONS.overlay, query: 'overlay' }, { parse: oneOf(OVERLAYS), why: 'the two overlays there are, named up front so the form can offer them' }),
  entry: { ...OPTIONS.entry, query: 'entry' },
  kill: override({ ...OPTIONS.kill, query: 'kill' }, { default: 0.3, parse: numberIn(0, 0.9), why: 'the page shows a kill of 30% unless told otherwise; 0 shows growth only' }),
  seed: OPTIONS.seed,
} as const;

function read<T>(params: URLSearchParams, spec: OptionSpec<T>): T {
  const key = spec.query ?? spec.long;
  const raw = params.get(key);
  return named(`viz: ${key}`, spec.parse!)(raw ?? String(spec.default));
}

/** Reads a grow request; missing keys take the defaults above. */
export function parseGrowQuery(params: URLSearchParams): GrowQuery {
  const o = VIZ_GROW_OPTIONS;
  const n = read(params, o.nodes);
  const want = read(params, o.want);
  check(want < n, 'ERR_BAD_WANT', `viz: want ${want} with n ${n}; need want < n`);
  return { n, want, overlay: read(params, o.overlay), entry: read(params, o.entry), kill: read(params, o.kill), seed: read(params, o.seed) };
}

/** The command line that measures the same run. */
export function growCommand(q: GrowQuery): string {
  return `floodlab grow -n ${q.n} --want ${q.want} --overlay ${q.overlay} --entry ${q.entry}${q.kill > 0 ? ` --kill ${q.kill}` : ''} --seed ${q.seed}`;
}

/** The page's URL query for these options. */
export function growUrlQuery(q: GrowQuery): string {
  return new URLSearchParams({ mode: 'grow', n: String(q.n), want: String(q.want), overlay: q.overlay, entry: q.entry, kill: String(q.kill), seed: q.seed }).toString();
}
