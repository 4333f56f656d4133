/**
 * Renders a mixed launch (`launch --go K`) for people: which nodes are Go nodes, then per message
 * what the floodlab nodes counted, the Go nodes' sends inferred from their rule, the split of
 * floodlab's counts that follows from it, and how many nodes showed it once; then the verdict, which
 * tells the Go program's own double prints (its unsynchronised seen check) from real faults.
 * A Go node counts nothing, so nothing here is its own count except what it printed.
 */
import type { MixedLaunchReport, MixedMessage } from '../../real/go-launch.ts';
import { plural } from '../../report/format.ts';
import { plainTable } from './waste.ts';

/** Most messages given a column each in the per-node table. */
const WIDE_MESSAGES = 8;
const num = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** floodlab → floodlab sends (received by floodlab, less the Go nodes' sends) and floodlab → Go writes (the rest). */
export function splitSends(m: MixedMessage): { toFloodlab: number; toGo: number } {
  const toFloodlab = m.received - m.goSendsInferred;
  return { toFloodlab, toGo: m.sends - toFloodlab };
}

export function renderGoLaunch(r: MixedLaunchReport, about: { protocol: string; topology: string; seed: string }): string {
  const go = r.nodes.flatMap((n, i) => (n.kind === 'go' ? [i] : []));
  const edges = r.nodes.reduce((s, n) => s + n.degree, 0) / 2;
  const table = plainTable(['message', 'origin', 'floodlab sends', 'Go sends (inferred)', 'all sends', 'floodlab received', 'floodlab duplicates', 'floodlab→floodlab / →Go', 'showed once'], {
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  for (const [k, m] of r.perMessage.entries()) {
    const split = splitSends(m);
    const should = m.shown.length - m.shown.filter((x, i) => x === 0 && !m.wrong.includes(i)).length;
    const once = m.shown.filter((x, i) => x === 1 && !m.wrong.includes(i)).length;
    table.push([
      String(k),
      `${m.origin} (${r.nodes[m.origin]!.kind === 'go' ? 'Go, typed' : 'floodlab'})`,
      num(m.sends),
      num(m.goSendsInferred),
      num(m.sends + m.goSendsInferred),
      num(m.received),
      num(m.duplicates),
      `${num(split.toFloodlab)} / ${num(split.toGo)}`,
      `${once} of ${should}`,
    ]);
  }
  // One column per message while that fits a terminal; past WIDE_MESSAGES, a count per node.
  const wide = r.perMessage.length <= WIDE_MESSAGES;
  const nodes = plainTable(['node', 'kind', 'port', 'links', ...(wide ? r.perMessage.map((_, k) => `msg ${k}`) : ['showed once', 'typed', 'missing or twice'])], {
    colAligns: ['left', 'left', 'right', 'right', ...(wide ? r.perMessage : [0, 0, 0]).map(() => 'right' as const)],
  });
  for (const [i, n] of r.nodes.entries()) {
    const typed = r.perMessage.filter((m) => m.origin === i && n.kind === 'go').length;
    const cells = wide
      ? r.perMessage.map((m) => (m.origin === i && n.kind === 'go' ? 'typed' : String(m.shown[i])))
      : [String(r.perMessage.filter((m) => m.shown[i] === 1 && !m.wrong.includes(i)).length), String(typed), String(r.perMessage.filter((m) => m.wrong.includes(i)).length)];
    nodes.push([n.name, n.kind === 'go' ? `Go (pid ${n.pid})` : 'floodlab', String(n.port), String(n.degree), ...cells]);
  }
  // Under flood-echo, floodlab–floodlab links carry each message exactly 2·E_ff times, so the
  // rest of what floodlab received came from Go nodes: a measured check of the inferred Go sends.
  const eff = edges - go.reduce((sum, i) => sum + r.nodes[i]!.degree, 0);
  const fromGo = r.perMessage.map((m) => m.received - 2 * eff);
  const agrees = r.perMessage.every((m, k) => fromGo[k] === m.goSendsInferred);
  const crossCheck =
    about.protocol === 'flood-echo'
      ? [
          `Cross-check (flood-echo): floodlab–floodlab links carry each message 2·E_ff = ${2 * eff} times; floodlab received beyond that ${fromGo.join(', ')}, ${agrees ? 'equal to' : '**not** equal to'} the Go sends inferred.`,
        ]
      : [];
  const raced = r.perMessage.flatMap((m, k) => m.goRaced.map((i) => `message ${k} at node ${i} (${m.shown[i]} times)`));
  const raceNote =
    raced.length === 0
      ? []
      : [
          `The Go program's own race, ${plural(raced.length, 'time')}: a Go node showed a message more than once, each time from another link (${raced.join('; ')}). Its seen check is not atomic: a connection's goroutine checks the map, prints, and marks the message seen only when it passes it on, with no lock, so two links that bring it at once both get through (and it passes it on twice: the inferred sends count that). floodlab cannot prevent it.`,
        ];
  const wrong = r.perMessage.flatMap((m, k) => m.wrong.map((i) => `message ${k}: node ${i} (${r.nodes[i]!.kind}) showed it ${m.shown[i]} times`));
  return (
    [
      `floodlab launch: ${about.protocol} over ${about.topology}, seed ${about.seed}: ${plural(r.nodes.length - go.length, 'floodlab node')} in this process and ${plural(go.length, 'original Go node')} (${go.join(', ')}), no two Go nodes linked`,
      `  network   N = ${r.nodes.length}, E = ${plural(edges, 'link')}; nodes started in ${num(r.startMs)} ms, links up in ${num(r.wireMs)} ms; Go nodes listen on ${go.map((i) => r.nodes[i]!.port).join(', ')} (all interfaces: the program's choice)`,
      '',
      "Per message (floodlab counts are measured; a Go node counts nothing: its sends are inferred, one per link for each line it printed or was typed, the sender's link included; the split of floodlab's sends follows from that):",
      table.toString(),
      ...crossCheck,
      'What every node showed (floodlab: deliveries; Go: `ADDR -> text` lines on its stdout; a Go node does not show a line typed at it):',
      nodes.toString(),
      ...raceNote,
      wrong.length > 0
        ? `NOT OK:\n  ${wrong.join('\n  ')}`
        : raced.length === 0
          ? `OK: every node showed each of the ${plural(r.perMessage.length, 'message')} exactly once.`
          : `OK: every floodlab node showed each of the ${plural(r.perMessage.length, 'message')} exactly once, and every Go node at least once (more only by the Go program's race above).`,
    ].join('\n') + '\n'
  );
}
