/**
 * Every option of every command, defined once: its flag, the value it takes, its default, how it
 * is parsed and validated, and the key the page's query uses for it. Commander's options
 * (src/cli/options/commander.ts) and the page's parser (src/viz/query.ts) are made from these.
 * A command that needs another default or range says why, in `why`, next to the override.
 */
import { protocolList } from '../core/protocols/index.ts';
import { DEFAULT_PAYLOAD_BYTES } from '../core/sizes.ts';
import { MAX_SHARDS, parseShard, type Shard } from '../sim/sweep.ts';
import { MAX_NODES, topologyList } from '../sim/topology/spec.ts';
import { parseJoinAddress } from './address.ts';
import { intIn, intListIn, numberIn, oneOf, textUpTo, type Parse } from './parse.ts';

export { MAX_NODES };

export interface OptionSpec<T = unknown> {
  /** The long flag without dashes, e.g. 'nodes' (commander's key is its camelCase: 'payload-bytes' -> payloadBytes). */
  readonly long: string;
  readonly short?: string;
  /** The value's name in help, e.g. 'N'; none for a switch. */
  readonly arg?: string;
  /** True when the value may be left out ('--json' alone vs '--json FILE'). */
  readonly optionalArg?: boolean;
  readonly help: string;
  readonly default?: T;
  readonly parse?: Parse<T>;
  /** The page's query key for it, when the page takes it. */
  readonly query?: string;
  /** Why this command's default or range differs from the shared one. */
  readonly why?: string;
}

const spec = <T>(s: OptionSpec<T>): OptionSpec<T> => s;

/** The values every command starts from unless an override says why not. */
export const DEFAULTS = { nodes: 1000, degree: 4, topology: 'random-regular', protocol: 'flood', latency: 'constant', seed: '1', messages: 1 } as const;

/** Largest D accepted (the generators refuse D ≥ N on their own). */
export const MAX_DEGREE = 100_000;

const topologyHelp = (): string =>
  topologyList()
    .map((t) => t.usage)
    .join(', ');
const protocolHelp = (): string =>
  protocolList()
    .map((p) => p.usage)
    .join(', ');
const SPEC_TEXT = textUpTo(300);

export const OPTIONS = {
  nodes: spec<number>({ long: 'nodes', short: 'n', arg: 'N', help: 'number of nodes', default: DEFAULTS.nodes, parse: intIn(2, MAX_NODES), query: 'n' }),
  degree: spec<number>({
    long: 'degree',
    short: 'd',
    arg: 'D',
    help: 'links per node (the mean degree for random graphs that are not regular)',
    default: DEFAULTS.degree,
    parse: intIn(1, MAX_DEGREE),
    query: 'd',
  }),
  topology: spec<string>({
    long: 'topology',
    short: 't',
    arg: 'spec',
    get help() {
      return topologyHelp();
    },
    default: DEFAULTS.topology,
    parse: SPEC_TEXT,
    query: 'topology',
  }),
  protocol: spec<string>({
    long: 'protocol',
    short: 'p',
    arg: 'name',
    get help() {
      return `forwarding rule: ${protocolHelp()}`;
    },
    default: DEFAULTS.protocol,
    parse: SPEC_TEXT,
    query: 'protocol',
  }),
  latency: spec<string>({
    long: 'latency',
    short: 'l',
    arg: 'model',
    help: 'constant[:MS], uniform:MIN-MAX, exponential:MEAN, per-link:MIN-MAX (milliseconds)',
    default: DEFAULTS.latency,
    parse: SPEC_TEXT,
    query: 'latency',
  }),
  seed: spec<string>({ long: 'seed', short: 's', arg: 'seed', help: 'seed for every random choice; the same seed gives the same output', default: DEFAULTS.seed, parse: SPEC_TEXT, query: 'seed' }),
  messages: spec<number>({ long: 'messages', short: 'm', arg: 'K', help: 'messages to flood, one after another', default: DEFAULTS.messages, parse: intIn(1, 1_000_000) }),
  origin: spec<string>({ long: 'origin', short: 'o', arg: 'node', help: 'start every message at this node (index or name); default: seeded random live nodes', parse: SPEC_TEXT, query: 'origin' }),
  protocols: spec<string>({
    long: 'protocols',
    short: 'p',
    arg: 'list',
    get help() {
      return `comma-separated protocols, from: ${protocolHelp()}`;
    },
    default: 'flood,gossip:0.7,fanout:3,plumtree,tree,announce',
  }),
  payloadBytes: spec<number>({ long: 'payload-bytes', short: 'b', arg: 'B', help: 'bytes of content per message, for the byte columns', default: DEFAULT_PAYLOAD_BYTES, parse: intIn(0, 100_000_000) }),
  signed: spec<boolean>({
    long: 'signed',
    help: "model signed messages: each payload send carries the author's key, signature and timestamp (104 bytes), and checking costs CPU (see docs/security.md)",
  }),
  loss: spec<string>({ long: 'loss', arg: 'P', help: 'each transmission (payload or control) is lost with probability P' }),
  fail: spec<string>({ long: 'fail', arg: 'F[@K]', help: 'a fraction F of the nodes fails after the first K messages (default K = 0: from the start)' }),
  failLinks: spec<string>({ long: 'fail-links', arg: 'F[@K]', help: 'a fraction F of the links fails after the first K messages' }),
  silentFailures: spec<boolean>({
    long: 'silent-failures',
    help: 'failures go unnoticed: neighbours keep sending to failed nodes and links (counted, lost); default: detected at once, like a closed TCP connection',
  }),
  json: spec<string | true>({ long: 'json', arg: 'FILE', optionalArg: true, help: 'JSON: alone, printed instead of the table; with FILE, written there (the table still prints)' }),
  csv: spec<string | true>({ long: 'csv', arg: 'FILE', optionalArg: true, help: 'CSV: alone, printed instead of the table; with FILE, written there (the table still prints)' }),
  markdown: spec<boolean>({ long: 'markdown', help: 'print the table as markdown' }),
  nodesList: spec<number[]>({ long: 'nodes', short: 'n', arg: 'list', help: 'node counts: 100,1000 or 1000..5000:1000', default: [100, 1000, 10_000], parse: intListIn(2, MAX_NODES) }),
  degreeList: spec<number[]>({ long: 'degree', short: 'd', arg: 'list', help: 'degrees: 2..12 or 4,8,16', default: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], parse: intListIn(1, MAX_DEGREE) }),
  seeds: spec<number>({ long: 'seeds', arg: 'K', help: 'seeds per (N, D): S, S+1, ...', default: 1, parse: intIn(1, 10_000) }),
  jobs: spec<number>({ long: 'jobs', short: 'j', arg: 'J', help: 'worker processes running cells, one per core by default; 1 runs them in this process', parse: intIn(1, 1024) }),
  out: spec<string>({ long: 'out', arg: 'file.jsonl', help: 'append each finished cell to this JSONL file; rerunning with it skips finished cells' }),
  shard: spec<Shard>({ long: 'shard', arg: 'I/K', help: `run only the I-th of K slices of the grid (1 ≤ I ≤ K ≤ ${MAX_SHARDS}); needs --out; join with floodlab merge`, parse: parseShard }),
  progress: spec<boolean>({ long: 'no-progress', help: 'no progress on stderr' }),
  partial: spec<boolean>({ long: 'partial', help: 'summarise the cells there are even when some of the grid is missing' }),
  timeout: spec<number>({ long: 'timeout', arg: 'seconds', help: 'stop every node and fail after this long', default: 120, parse: intIn(1, 3600) }),
  processes: spec<boolean>({ long: 'processes', help: 'one OS process per node instead of all in this one' }),
  go: spec<number>({ long: 'go', arg: 'K', help: "mix K original Go nodes (the write-up's program, run as child processes) into the network", parse: intIn(1, 100) }),
  goBin: spec<string>({ long: 'go-bin', arg: 'path', help: 'the built Go program for --go (default: seednode on PATH)', parse: textUpTo(4096) }),
  verbose: spec<boolean>({ long: 'verbose', short: 'v', help: 'print what nodes log (drops, bad frames) on stderr' }),
  port: spec<number>({ long: 'port', arg: 'port', help: 'port on 127.0.0.1 (0: any free port)', default: 0, parse: intIn(0, 65_535) }),
  host: spec<string>({ long: 'host', arg: 'address', help: 'interface to listen on (another one than 127.0.0.1 only when you mean it)', default: '127.0.0.1' }),
  // floodlab grow: membership (src/core/membership), failure and churn (src/sim/grow).
  want: spec<number>({ long: 'want', arg: 'K', help: 'links each node keeps (blog: at least K; hyparview: the active view, at most K)', default: 5, parse: intIn(1, 1000) }),
  overlay: spec<string>({ long: 'overlay', arg: 'name', help: "membership protocol: blog (the write-up's rule) or hyparview (Leitão et al. 2007)", default: 'blog', parse: textUpTo(40) }),
  join: spec<string>({ long: 'join', arg: 'HOST:PORT', help: 'join the network through any running node (keeps --want links by --overlay; retried while that node is down)', parse: parseJoinAddress }),
  entry: spec<'first' | 'random'>({
    long: 'entry',
    arg: 'who',
    help: 'the one address a newcomer knows: first (the first node) or random (a random live node)',
    default: 'first',
    parse: oneOf(['first', 'random'] as const),
  }),
  kill: spec<number>({ long: 'kill', arg: 'F', help: 'after growth, crash a fraction F of the nodes at once (0 < F ≤ 0.99), flood, wait for repair, flood again', parse: numberIn(0, 0.99, true) }),
  churn: spec<number>({
    long: 'churn',
    arg: 'R',
    help: 'after growth, Poisson joins and Poisson crashes, each at R per second of simulated time, for --churn-for seconds',
    parse: numberIn(0, 10_000, true),
  }),
  churnFor: spec<number>({ long: 'churn-for', arg: 'seconds', help: 'how long --churn lasts, in simulated seconds', default: 60, parse: intIn(1, 3600) }),
  save: spec<string>({ long: 'save', arg: 'FILE', help: 'write the grown network as edge-list text (`u v` per line) that `sim --topology FILE` reads' }),
  name: spec<string>({ long: 'name', arg: 'name', help: 'your name, shown beside your messages (default node-PORT)' }),
} as const;

/** A copy of `base` with another default or range for one command, and the reason. */
export function override<T>(base: OptionSpec<T>, changes: Partial<OptionSpec<T>> & { why: string }): OptionSpec<T> {
  return { ...base, ...changes };
}

/** A copy of `base` with a default worked out when the command starts (e.g. one job per core): not a difference between commands. */
export function withDefault<T>(base: OptionSpec<T>, value: T): OptionSpec<T> {
  return { ...base, default: value };
}
