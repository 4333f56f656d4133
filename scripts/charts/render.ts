/**
 * Renders a Vega-Lite chart to results/NAME.svg and results/NAME.png, all in Node: Vega-Lite
 * compiles the spec to Vega, Vega renders it to SVG (no browser, no canvas package), and
 * @resvg/resvg-js rasterises the SVG. The same spec gives byte-identical files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** One look for every chart: plain, readable, the fonts Debian ships. */
export const CHART_CONFIG = {
  font: 'DejaVu Sans',
  background: 'white',
  padding: 12,
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', gridColor: '#e5e7eb', domainColor: '#9ca3af', tickColor: '#9ca3af' },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'vertical', columns: 1, symbolSize: 120, labelLimit: 480, titleLimit: 480 },
  title: { fontSize: 16, subtitleFontSize: 12, subtitleColor: '#4b5563', anchor: 'start', offset: 12 },
} as const;

/** Writes NAME.svg and NAME.png (twice the SVG's size) into `dir`; returns the two paths. */
export async function renderChart(spec: TopLevelSpec, name: string, dir: string): Promise<string[]> {
  const vega = compile({ ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  const svgPath = join(dir, `${name}.svg`);
  const pngPath = join(dir, `${name}.png`);
  writeFileSync(svgPath, svg + '\n');
  writeFileSync(pngPath, png);
  return [svgPath, pngPath];
}
