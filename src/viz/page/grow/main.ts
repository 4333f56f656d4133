/**
 * Grow mode's entry (`/?mode=grow&n=60&want=4&overlay=blog&kill=0.3&seed=1`): loads a membership
 * run from `/api/grow`, replays it row by row at the chosen rows per second, pauses once growth
 * has settled (the kill comes next), and keeps the counters beside the drawing. Each counter
 * element carries its number in `data-value` for tests.
 */
import type { GrowPayload } from '../../grow-types.ts';
import { GrowPlayer } from './replay.ts';
import { GrowView } from './view.ts';

const $ = (id: string): HTMLElement => document.getElementById(id)!;
const form = $('grow-form') as HTMLFormElement;
const FIELDS = ['n', 'want', 'overlay', 'entry', 'kill', 'seed'] as const;
const DEFAULTS: Record<(typeof FIELDS)[number], string> = { n: '60', want: '5', overlay: 'blog', entry: 'first', kill: '0.3', seed: '1' };

let payload: GrowPayload | null = null;
let player: GrowPlayer | null = null;
let view: GrowView | null = null;
let playing = false;
let budget = 0;
let last = performance.now();
let pausedAtGrown = false;

/** Slider 0..100 ↔ rows per second, 1 to 1,000 on a log scale. */
const rowsPerSecond = (): number => 10 ** (Number(($('speed') as HTMLInputElement).value) / 33.3);

function field(name: string): HTMLInputElement {
  return form.elements.namedItem(name) as HTMLInputElement;
}

function show(id: string, value: number | string, text?: string): void {
  const el = $(id);
  el.dataset['value'] = String(value);
  el.textContent = text ?? (typeof value === 'number' ? value.toLocaleString('en-US') : value);
}

type State = 'loading' | 'ready' | 'playing' | 'paused' | 'grown' | 'done' | 'error';
function setState(state: State): void {
  document.body.dataset['state'] = state;
  $('play').textContent = state === 'playing' ? '❚❚ Pause' : state === 'done' ? '↺ Replay' : state === 'grown' ? '▶ Kill & repair' : '▶ Play';
}

function showError(message: string | null): void {
  $('error').hidden = message === null;
  $('error').textContent = message ?? '';
}

function snapshot(p: GrowPlayer): string {
  const d = p.degreeStats();
  const comps = p.components();
  const cost = p.floodCost();
  return `${p.live} live nodes, ${p.links} links, links per node ${d.min}–${d.max} (mean ${d.mean.toFixed(2)}), ${comps} component${comps === 1 ? '' : 's'}; a flood costs ${cost === null ? 'n/a (not one piece)' : `2·${p.links} − ${p.live - 1} = ${cost}`}; ${p.messages.toLocaleString('en-US')} membership messages so far.`;
}

function phase(p: GrowPayload, pl: GrowPlayer): string {
  const t = p.trace;
  if (pl.cursor < t.grownAt)
    return `Growing: ${pl.live} of ${p.order} nodes have joined through the ${p.query.overlay} rule, each knowing only the ${p.query.entry === 'first' ? 'first node' : 'a random live node'}.`;
  if (p.query.kill === 0 || (pl.cursor === t.grownAt && pl.crashed === 0))
    return `Settled: every node joined; links per node now ${pl.degreeStats().min}–${pl.degreeStats().max} against K = ${p.query.want}.${p.query.kill > 0 ? ` Next: ${Math.round(p.query.kill * 100)}% of the nodes crash at once.` : ''}`;
  if (!pl.done) return `Killed ${pl.crashed} nodes at once; the survivors notice lost links and repair: ${pl.components()} component${pl.components() === 1 ? '' : 's'} now.`;
  const f = p.figures.failure;
  return f?.repaired
    ? `Repaired ${(f.repairTimeMs! / 1000).toFixed(2)} s (simulated) after the kill: one component, every live node back at K.`
    : `Repair stopped at the limit: not every survivor is back at K (see floodlab grow's report).`;
}

function update(): void {
  if (!player || !payload) return;
  const p = player;
  const d = p.degreeStats();
  show('live', p.live);
  show('crashed', p.crashed);
  show('links', p.links);
  show('deg-min', d.min);
  show('deg-mean', Number(d.mean.toFixed(2)), d.mean.toFixed(2));
  show('deg-max', d.max);
  show('want', payload.query.want);
  show('components', p.components());
  const cost = p.floodCost();
  show('flood-cost', cost ?? -1, cost === null ? 'not one piece' : `2·${p.links} − (${p.live} − 1) = ${cost}`);
  show('messages', p.messages);
  show('sim-time', p.time, `${(p.time / 1000).toFixed(2)} s`);
  show('rows', p.cursor, `${p.cursor} of ${p.length}`);
  const body = $('by-type').querySelector('tbody')!;
  body.innerHTML = payload.trace.messageTypes.map((type, k) => `<tr><td>${type.toUpperCase()}</td><td data-type="${type}">${p.byType[k]!.toLocaleString('en-US')}</td></tr>`).join('');
  $('phase').textContent = phase(payload, p);
  if (p.cursor === payload.trace.grownAt)
    ($('grown-line').textContent = snapshot(p)), ($('grown-line').dataset['links'] = String(p.links)), ($('grown-line').dataset['components'] = String(p.components()));
  if (p.done && payload.query.kill > 0) $('repaired-line').textContent = snapshot(p);
  view?.draw(p, payload.query.want);
}

function cliLine(p: GrowPayload): string {
  const g = p.figures.grown;
  const f = p.figures.failure;
  const grown = `grown: ${g.edges} links, ${g.components} component${g.components === 1 ? '' : 's'}, a flood from node 0 costs ${g.floodTransmissions}, ${g.membershipMessages.toLocaleString('en-US')} membership messages${g.settled ? '' : ' (not settled)'}`;
  if (!f) return grown + '.';
  return `${grown}; --kill: ${f.killed} crashed, ${f.live} live, ${f.componentsAfterRepair} component${f.componentsAfterRepair === 1 ? '' : 's'} after repair, repair ${f.repairTimeMs === null ? 'not within the limit' : `${f.repairTimeMs} ms`}, ${f.repairMessages} repair messages.`;
}

function query(): string {
  const params = new URLSearchParams({ mode: 'grow' });
  for (const f of FIELDS) params.set(f, field(f).value.trim());
  return params.toString();
}

async function load(): Promise<void> {
  setState('loading');
  playing = false;
  const q = query();
  const res = await fetch(`/api/grow?${q}`);
  const body = (await res.json()) as GrowPayload | { error: string };
  if ('error' in body) {
    showError(body.error);
    setState(payload ? 'paused' : 'error');
    return;
  }
  showError(null);
  payload = body;
  history.replaceState(null, '', `?${q}`);
  player = new GrowPlayer(body.order, body.trace);
  view = new GrowView($('grow-canvas') as HTMLCanvasElement, body.x, body.y);
  pausedAtGrown = false;
  const k = body.query;
  $('summary').textContent = `${k.overlay} · N = ${k.n} joins · K = ${k.want} · entry ${k.entry} · ${k.kill > 0 ? `then kill ${Math.round(k.kill * 100)}%` : 'no kill'} · seed ${k.seed}`;
  $('cli-line').textContent = cliLine(body);
  $('measure-it').textContent = `Measure it at any size: ${body.command}`;
  $('grown-line').textContent = '–';
  $('repaired-line').textContent = k.kill > 0 ? '–' : 'no kill asked for (kill = 0)';
  update();
  setState('ready');
}

function togglePlay(): void {
  if (!player) return;
  if (player.done) player.reset(), (pausedAtGrown = false);
  playing = !playing;
  budget = 0;
  setState(playing ? 'playing' : 'paused');
  update();
}

function afterAdvance(): void {
  if (!player || !payload) return;
  if (player.done) {
    playing = false;
    setState('done');
  } else if (!pausedAtGrown && payload.query.kill > 0 && player.cursor === payload.trace.grownAt) {
    pausedAtGrown = true;
    playing = false;
    setState('grown');
  }
  update();
}

function frame(now: number): void {
  const dt = Math.min(now - last, 100) / 1000;
  last = now;
  if (playing && player && payload) {
    budget += dt * rowsPerSecond();
    const stopAt = !pausedAtGrown && payload.query.kill > 0 ? payload.trace.grownAt : Infinity;
    while (budget >= 1 && !player.done && !(player.cursor === stopAt)) player.step(), budget--;
    if (player.cursor >= player.length) player.advanceTo(player.length);
    afterAdvance();
  }
  requestAnimationFrame(frame);
}

function init(): void {
  const params = new URLSearchParams(location.search);
  for (const f of FIELDS) field(f).value = params.get(f) ?? DEFAULTS[f];
  const speed = Number(params.get('speed'));
  if (speed > 0) ($('speed') as HTMLInputElement).value = String(Math.max(0, Math.min(100, 33.3 * Math.log10(speed))));
  const showSpeed = (): void => void ($('speed-out').textContent = `${Math.round(rowsPerSecond())} rows/s`);
  showSpeed();
  $('speed').addEventListener('input', showSpeed);
  form.addEventListener('submit', (e) => (e.preventDefault(), void load()));
  $('play').addEventListener('click', togglePlay);
  $('step').addEventListener('click', () => {
    if (!player || player.done) return;
    playing = false;
    player.step();
    if (player.cursor >= player.length) player.advanceTo(player.length);
    setState('paused');
    afterAdvance();
  });
  $('reset').addEventListener('click', () => {
    if (!player) return;
    player.reset();
    playing = false;
    pausedAtGrown = false;
    setState('ready');
    update();
  });
  window.addEventListener('resize', () => (view?.fit(), update()));
  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
    if (e.key === ' ') e.preventDefault(), togglePlay();
    if (e.key === 'ArrowRight') e.preventDefault(), $('step').click();
  });
  load()
    .then(() => {
      if (params.get('autoplay') === '1') togglePlay();
      requestAnimationFrame(frame);
    })
    .catch((err: unknown) => {
      showError(`The page could not start: ${err instanceof Error ? err.message : String(err)}`);
      setState('error');
    });
}

init();
