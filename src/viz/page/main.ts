/**
 * The page's entry point: loads a flood from the local server, replays it through the player,
 * and keeps the view, the counters and the controls in step. One animation loop; simulated time
 * runs at the chosen number of hops per second.
 */
import { degreeLabel } from '../../report/format.ts';
import type { FloodPayload, VizMeta } from '../types.ts';
import { Controls, speedFromSlider } from './controls.ts';
import { Panel } from './panel.ts';
import { FloodPlayer } from './player.ts';
import { ringLayout } from './rings.ts';
import { FloodView } from './view.ts';

const $ = (id: string): HTMLElement => document.getElementById(id)!;
const controls = new Controls();
const panel = new Panel();
let payload: FloodPayload | null = null;
let player: FloodPlayer | null = null;
let playing = false;
/** Mean delay of one transmission, µs: one "hop" of simulated time. */
let hopTime = 1000;
let last = performance.now();
let dirty = true;

type State = 'loading' | 'ready' | 'playing' | 'paused' | 'done' | 'error';
function setState(state: State): void {
  document.body.dataset['state'] = state;
  $('play').textContent = state === 'playing' ? '❚❚ Pause' : state === 'done' ? '↺ Replay' : '▶ Play';
}

function showError(message: string | null): void {
  const box = $('error');
  box.hidden = message === null;
  box.textContent = message ?? '';
}

const view = new FloodView($('graph'), {
  onNodeClick(node) {
    controls.set('origin', String(node));
    void load(true);
  },
  onNodeHover(node, x, y) {
    const tip = $('tooltip');
    if (node === null || !player || !payload) {
      tip.hidden = true;
      return;
    }
    const name = payload.graph.labels?.[node] ?? String(node);
    const hop = player.firstHop[node]!;
    const degree = payload.graph.src.reduce((n, u, i) => n + (u === node ? 1 : 0) + (payload!.graph.dst[i] === node ? 1 : 0), 0);
    const got = hop < 0 ? 'does not have it yet' : hop === 0 ? 'is the origin' : `got it first at hop ${hop} from node ${payload.graph.labels?.[player.parent[node]!] ?? player.parent[node]}`;
    tip.textContent = `node ${name} · degree ${degree} · ${got} · sent ${player.sent[node]} · ${player.duplicatesAt[node]} duplicate${player.duplicatesAt[node] === 1 ? '' : 's'} received`;
    tip.style.left = `${x + 14}px`;
    tip.style.top = `${y + 14}px`;
    tip.hidden = false;
  },
});

function summary(p: FloodPayload): string {
  const r = p.report;
  const origin = p.graph.labels?.[p.trace.origin] ?? String(p.trace.origin);
  const degrees = r.degree.min === r.degree.max ? `every node has degree ${r.degree.min}` : `degrees ${r.degree.min}–${r.degree.max}`;
  return `${r.protocol} over ${r.topology}: N = ${r.nodes}, D = ${degreeLabel(r.degree.nominal)}, E = ${r.edges} (${degrees}) · origin node ${origin} · latency ${r.latency} · seed ${r.seed}`;
}

function measureIt(p: FloodPayload): string {
  const r = p.report;
  return `Measure it at any size: floodlab sim -n ${r.nodes} -d ${r.degree.nominal} --topology ${r.topology} --protocol ${r.protocol} --latency ${r.latency} --seed ${r.seed} --origin ${p.trace.origin}`;
}

function applyLayout(): void {
  if (!payload) return;
  view.moveTo(controls.layout === 'rings' ? ringLayout(payload.graph.order, payload.trace) : payload.graph);
}

/** Fetches the flood the form describes and starts over with it. */
async function load(autoplay: boolean): Promise<void> {
  setState('loading');
  playing = false;
  const query = controls.query();
  const res = await fetch(`/api/flood?${query}`);
  const body = (await res.json()) as FloodPayload | { error: string };
  if ('error' in body) {
    showError(body.error);
    setState(payload ? 'paused' : 'error');
    return;
  }
  showError(null);
  const newGraph = payload?.graph.key !== body.graph.key;
  payload = body;
  history.replaceState(null, '', `?${query}`);
  if (newGraph) view.setGraph(body.graph);
  player = new FloodPlayer(body.graph.order, body.graph.src.length, body.trace);
  view.setPlayer(player);
  panel.start(body.graph, body.report);
  controls.set('origin', String(body.trace.origin));
  // Graphs of fixed size (karate, files) ignore N: show the N they have.
  controls.set('n', String(body.graph.order));
  const t = body.trace;
  let total = 0;
  let count = 0;
  for (let i = 0; i < t.kind.length; i++) if (t.kind[i] === 0) (total += t.arrive[i]! - t.time[i]!), count++;
  hopTime = count > 0 ? total / count : 1000;
  $('summary').textContent = summary(body);
  $('measure-it').textContent = measureIt(body);
  if (controls.layout === 'rings' || !newGraph) applyLayout();
  dirty = true;
  playing = autoplay;
  setState(autoplay ? 'playing' : 'ready');
}

function finishIfDone(): void {
  if (player?.done && document.body.dataset['state'] !== 'done') {
    playing = false;
    panel.showWaste();
    setState('done');
  }
}

function frame(now: number): void {
  const dt = Math.min(now - last, 100) / 1000;
  last = now;
  if (playing && player) {
    const before = player.cursor;
    player.advanceTo(player.clock + dt * controls.speed * hopTime);
    dirty ||= player.cursor !== before;
  }
  view.update(now);
  if (dirty && player) {
    panel.update(player);
    dirty = false;
    finishIfDone();
  }
  requestAnimationFrame(frame);
}

function togglePlay(): void {
  if (!player) return;
  if (player.done) {
    player.reset();
    panel.start(payload!.graph, payload!.report);
  }
  playing = !playing;
  dirty = true;
  setState(playing ? 'playing' : 'paused');
}

function step(kind: 'event' | 'hop'): void {
  if (!player || player.done) return;
  playing = false;
  if (kind === 'event') player.stepEvent();
  else player.stepHop();
  dirty = true;
  setState('paused');
}

function showSpeed(): void {
  $('speed-out').textContent = `${speedFromSlider(Number((document.getElementById('speed') as HTMLInputElement).value)).toFixed(1)} hops/s`;
}

// For tests and the curious: where node i is on screen (e.g. to click it from a script).
Object.assign(globalThis, { floodlab: { nodePosition: (node: number) => view.nodePosition(node) } });

async function main(): Promise<void> {
  const meta = (await (await fetch('/api/meta')).json()) as VizMeta;
  const params = new URLSearchParams(location.search);
  controls.init(meta, params);
  showSpeed();
  controls.form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load(false);
  });
  $('play').addEventListener('click', togglePlay);
  $('step-event').addEventListener('click', () => step('event'));
  $('step-hop').addEventListener('click', () => step('hop'));
  $('reset').addEventListener('click', () => {
    if (!player || !payload) return;
    player.reset();
    playing = false;
    panel.start(payload.graph, payload.report);
    dirty = true;
    setState('ready');
  });
  $('speed').addEventListener('input', showSpeed);
  $('layout').addEventListener('change', applyLayout);
  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
    if (e.key === ' ') e.preventDefault(), togglePlay();
    if (e.key === 'ArrowRight') e.preventDefault(), step(e.shiftKey ? 'hop' : 'event');
  });
  await load(params.get('autoplay') === '1');
  requestAnimationFrame(frame);
}

main().catch((err: unknown) => {
  showError(`The page could not start: ${err instanceof Error ? err.message : String(err)}`);
  setState('error');
});
