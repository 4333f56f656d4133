/**
 * The numbers beside the picture: transmissions so far against each formula (N·D, 2E,
 * 2E − (N−1), N − 1 from src/core/formulas.ts), the count worked out from the nodes reached so
 * far, duplicates, hops, and at the end the waste table `floodlab sim` prints.
 */
import { floodFormulas } from '../../core/formulas.ts';
import { degreeCounts } from '../../core/graph/degrees.ts';
import { protocolFacts, protocolFactsList, protocolName } from '../../core/protocols/index.ts';
import { degreeLabel } from '../../report/format.ts';
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
  /** The registered name of the rule that ran ('gossip' for 'gossip:0.7'). */
  private protocolName = '';
  private report: SimReport | null = null;

  /** Sets up the formulas for a new graph and flood. */
  start(graph: VizGraph, report: SimReport): void {
    this.report = report;
    this.protocol = report.protocol;
    this.protocolName = protocolName(report.protocol);
    this.degrees = degreeCounts({ order: graph.order, size: graph.src.length, src: graph.src, dst: graph.dst });
    const d = report.degree.nominal;
    this.regular = report.degree.min === report.degree.max ? report.degree.min : -1;
    const f = floodFormulas(graph.order, graph.src.length, d);
    // The registry's reference rules (flood, flood-echo) and the rule that ran, where they have a closed form.
    const ran = protocolFacts(report.protocol);
    const exact: FormulaRow[] = protocolFactsList().flatMap(({ name, facts }) =>
      facts.exactSends !== undefined && (facts.reference === true || facts === ran)
        ? [{ formula: facts.exactFormula ?? 'closed form', value: facts.exactSends(graph.order, graph.src.length), what: `${name}: ${facts.exactMeaning ?? facts.summary}`, exactFor: name }]
        : [],
    );
    this.rows = [
      { formula: 'N − 1', value: f.tree, what: 'a spanning tree: one copy per node' },
      ...exact.sort((a, b) => a.value - b.value),
      { formula: 'N·D', value: f.nd, what: 'the textbook count' },
    ];
    const connected = report.components === 1 ? '' : ` (${report.components} components: exact counts use the origin's)`;
    $('formula-note').textContent = `N = ${num(graph.order)}, D = ${degreeLabel(d)}, E = ${num(graph.src.length)}${connected}`;
    $('formulas').innerHTML = this.rows
      .map(
        (r, i) => `<div class="frow${r.exactFor === this.protocolName ? ' exact' : ''}" data-row="${i}">
          <span class="fname">${r.formula}</span><span class="fvalue">${num(r.value)}</span>
          <span class="bar"><span class="fill"></span></span>
          <span class="fwhat">${r.what}${r.exactFor === this.protocolName ? ' · <b>exact for this run</b>' : ''}</span></div>`,
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
    const facts = protocolFacts(this.protocol);
    if (facts?.exactSends !== undefined) {
      // The closed form over the nodes that have the message so far: N = reached, 2E = the sum of their degrees.
      const expected = facts.exactSends(r, degSum / 2);
      const over = d >= 0 ? `N = ${num(r)} nodes of degree ${d}` : `N = ${num(r)} nodes, 2E = Σ degree = ${num(degSum)}`;
      return `${esc(facts.exactFormula ?? 'the closed form')} over the ${over} that have it: <b>${num(expected)}</b>${check(expected)}`;
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
