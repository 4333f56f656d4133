/**
 * The numbers beside the picture: transmissions so far against each formula (N·D, 2E,
 * 2E − (N−1), N − 1 from src/core/formulas.ts), the count worked out from the nodes reached so
 * far, duplicates, hops, and at the end the waste table `floodlab sim` prints.
 */
import { floodFormulas } from '../../core/formulas.ts';
import { degreeCounts } from '../../core/graph/degrees.ts';
import { degreeLabel } from '../../core/waste.ts';
import type { SimReport } from '../../sim/run.ts';
import type { VizGraph } from '../types.ts';
import type { FloodPlayer } from './player.ts';
import { hopColor } from './view.ts';

const $ = (id: string): HTMLElement => document.getElementById(id)!;
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (x: number): string => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 2 }));

function setValue(id: string, value: number, text = num(value)): void {
  const el = $(id);
  el.textContent = text;
  el.dataset['value'] = String(value);
}

interface FormulaRow {
  readonly formula: string;
  readonly value: number;
  readonly what: string;
  readonly exactFor?: string;
}

export class Panel {
  private rows: FormulaRow[] = [];
  private degrees: Int32Array = new Int32Array(0);
  private regular = -1;
  private protocol = '';
  private report: SimReport | null = null;

  /** Sets up the formulas for a new graph and flood. */
  start(graph: VizGraph, report: SimReport): void {
    this.report = report;
    this.protocol = report.protocol;
    this.degrees = degreeCounts({ order: graph.order, size: graph.src.length, src: graph.src, dst: graph.dst });
    const d = report.degree.nominal;
    this.regular = report.degree.min === report.degree.max ? report.degree.min : -1;
    const f = floodFormulas(graph.order, graph.src.length, d);
    this.rows = [
      { formula: 'N − 1', value: f.tree, what: 'a spanning tree: one copy per node' },
      { formula: '2E − (N−1)', value: f.noEcho, what: 'flood: skip the sender', exactFor: 'flood' },
      { formula: '2E', value: f.echo, what: 'flood-echo: all links, both ways', exactFor: 'flood-echo' },
      { formula: 'N·D', value: f.nd, what: 'the textbook count' },
    ];
    const connected = report.components === 1 ? '' : ` (${report.components} components: exact counts use the origin's)`;
    $('formula-note').textContent = `N = ${num(graph.order)}, D = ${degreeLabel(d)}, E = ${num(graph.src.length)}${connected}`;
    $('formulas').innerHTML = this.rows
      .map(
        (r, i) => `<div class="frow${r.exactFor === this.protocol ? ' exact' : ''}" data-row="${i}">
          <span class="fname">${r.formula}</span><span class="fvalue">${num(r.value)}</span>
          <span class="bar"><span class="fill"></span></span>
          <span class="fwhat">${r.what}${r.exactFor === this.protocol ? ' · <b>exact for this run</b>' : ''}</span></div>`,
      )
      .join('');
    $('waste').hidden = true;
  }

  /** Refreshes every live number from the player. */
  update(p: FloodPlayer): void {
    setValue('sends', p.sends);
    setValue('reached', p.reached, `${num(p.reached)} / ${num(p.order)}`);
    setValue('duplicates', p.duplicates);
    const dup = p.duplicateStats();
    setValue('dup-mean', dup.mean, num(Math.round(dup.mean * 100) / 100));
    setValue('dup-max', dup.max);
    setValue('ldh', p.ldh);
    setValue('sim-time', p.clock / 1000, `${num(Math.round(p.clock) / 1000)} ms`);
    setValue('events', p.cursor, `${num(p.cursor)} / ${num(p.length)}`);
    document.querySelectorAll<HTMLElement>('#formulas .frow').forEach((el, i) => {
      const row = this.rows[i]!;
      const share = row.value > 0 ? Math.min(1, p.sends / row.value) : 0;
      (el.querySelector('.fill') as HTMLElement).style.width = `${(100 * share).toFixed(1)}%`;
      el.classList.toggle('met', p.done && p.sends === row.value);
      el.classList.toggle('passed', p.sends > row.value);
    });
    $('count-along').innerHTML = this.countAlong(p);
    this.hops(p);
  }

  /** The sends worked out from the nodes that have the message, beside the count. */
  private countAlong(p: FloodPlayer): string {
    let degSum = 0;
    for (let u = 0; u < p.order; u++) if (p.firstHop[u]! >= 0) degSum += this.degrees[u]!;
    const r = p.reached;
    const d = this.regular;
    const check = (expected: number): string => (expected === p.sends ? ' <span class="ok">= sends so far ✓</span>' : ` <span class="pending">(${num(expected - p.sends)} still to leave)</span>`);
    if (this.protocol === 'flood-echo') {
      const sum = d >= 0 ? `${num(r)} × ${d}` : `Σ degree of the ${num(r)} nodes`;
      return `Every node that has it sends to all its neighbours: <b>${sum} = ${num(degSum)}</b>${check(degSum)}`;
    }
    if (this.protocol === 'flood') {
      const expected = degSum - (r - 1);
      const sum = d >= 0 ? `${d} + ${num(r - 1)} × ${d - 1}` : `${num(degSum)} − ${num(r - 1)}`;
      const why = d >= 0 ? `the origin sends to all ${d}; every other node skips the one it heard from (${d} − 1)` : 'Σ degree of the nodes that have it, minus one skipped sender for each but the origin';
      return `${why}: <b>${sum} = ${num(expected)}</b>${check(expected)}`;
    }
    return `${esc(this.protocol)} has no closed form: it picks whom to tell. Count what you see: ${num(p.sends)} sends for ${num(r - 1)} new nodes.`;
  }

  private hops(p: FloodPlayer): void {
    const most = Math.max(1, ...p.newAtHop.map((n, h) => n + (p.duplicatesAtHop[h] ?? 0)));
    const rows: string[] = [];
    for (let h = 0; h < p.newAtHop.length; h++) {
      const fresh = p.newAtHop[h]!;
      const dups = p.duplicatesAtHop[h] ?? 0;
      rows.push(`<div class="hrow"><span class="hname"><i style="background:${hopColor(h)}"></i>hop ${h}</span>
        <span class="hbar"><span class="new" style="width:${(100 * fresh) / most}%;background:${hopColor(h)}"></span><span class="dup" style="width:${(100 * dups) / most}%"></span></span>
        <span class="hcount">${num(fresh)} new${dups > 0 ? ` · <em>${num(dups)} dup</em>` : ''}</span></div>`);
    }
    $('hops').innerHTML = rows.join('');
  }

  /** Shows `floodlab sim`'s waste table for this run (from the server's report). */
  showWaste(): void {
    const r = this.report;
    if (!r) return;
    const rows = r.waste.rows
      .map((row) => {
        const value = typeof row.value !== 'number' || Number.isNaN(row.value) ? 'n/a' : num(row.value);
        const measured = row.measured === undefined ? '' : num(row.measured) + (row.measured === row.value ? ' ✓' : '');
        return `<tr><td>${esc(row.what)}</td><td class="f">${esc(row.formula)}</td><td class="n">${value}</td><td class="n">${measured}</td><td>${esc(row.meaning)}</td></tr>`;
      })
      .join('');
    $('waste-table').innerHTML = `<thead><tr><th>count</th><th>formula</th><th>formula value</th><th>measured</th><th>what it means</th></tr></thead><tbody>${rows}</tbody>`;
    $('waste-notes').innerHTML = r.waste.notes.map((n) => `<li>${esc(n)}</li>`).join('');
    $('waste').hidden = false;
  }
}
