/**
 * The form and the playback controls: fills them from the server's choices, the command line's
 * defaults and the page's URL, and reads them back as the query for `/api/flood`.
 */
import type { VizMeta } from '../types.ts';

const FIELDS = ['n', 'd', 'topology', 'protocol', 'latency', 'seed', 'origin'] as const;

function el<T extends HTMLElement>(selector: string): T {
  return document.querySelector<T>(selector)!;
}

/** Slider position 0..100 ↔ hops per second, on a log scale from 0.2 to about 60. */
export const speedFromSlider = (v: number): number => 0.2 * 10 ** (v / 40);
export const sliderFromSpeed = (hops: number): number => Math.max(0, Math.min(100, 40 * Math.log10(hops / 0.2)));

export class Controls {
  readonly form = el<HTMLFormElement>('#network');

  /** Fills the form: URL parameters first, then the command line's defaults. */
  init(meta: VizMeta, params: URLSearchParams): void {
    const protocol = this.input('protocol') as unknown as HTMLSelectElement;
    protocol.innerHTML = '';
    for (const p of meta.protocols) {
      const option = document.createElement('option');
      option.value = p.usage;
      option.textContent = p.usage;
      option.title = p.summary;
      protocol.append(option);
    }
    const fill = (id: string, values: readonly { usage: string; summary?: string }[]): void => {
      const list = el<HTMLDataListElement>(`#${id}`);
      list.innerHTML = '';
      for (const v of values) list.append(Object.assign(document.createElement('option'), { value: v.usage, label: v.summary ?? '' }));
    };
    fill('topologies', meta.topologies);
    fill(
      'latencies',
      meta.latencies.map((usage) => ({ usage })),
    );
    this.input('n').max = String(meta.limits.maxNodes);
    const defaults = meta.defaults;
    const initial: Record<(typeof FIELDS)[number], string> = {
      n: String(defaults.n),
      d: String(defaults.d),
      topology: defaults.topology,
      protocol: defaults.protocol,
      latency: defaults.latency,
      seed: defaults.seed,
      origin: defaults.origin,
    };
    for (const f of FIELDS) this.set(f, params.get(f) ?? initial[f]);
    const speed = Number(params.get('speed'));
    if (speed > 0) el<HTMLInputElement>('#speed').value = String(sliderFromSpeed(speed));
    if (params.get('layout') === 'rings') el<HTMLSelectElement>('#layout').value = 'rings';
  }

  private input(name: string): HTMLInputElement {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  set(name: (typeof FIELDS)[number], value: string): void {
    const input = this.input(name);
    if (input instanceof HTMLSelectElement && ![...input.options].some((o) => o.value === value)) {
      // A protocol with a parameter ('gossip:0.5') is kept as typed.
      input.append(Object.assign(document.createElement('option'), { value, textContent: value }));
    }
    input.value = value;
  }

  /** The query string for `/api/flood` (and the page's own URL). */
  query(): string {
    const params = new URLSearchParams();
    for (const f of FIELDS) {
      const v = this.input(f).value.trim();
      if (v !== '') params.set(f, v);
    }
    return params.toString();
  }

  /** Hops per second chosen on the slider. */
  get speed(): number {
    return speedFromSlider(Number(el<HTMLInputElement>('#speed').value));
  }

  get layout(): 'force' | 'rings' {
    return el<HTMLSelectElement>('#layout').value === 'rings' ? 'rings' : 'force';
  }
}
