import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleaningNote, GRAPH_FILE_EXTENSIONS, readGraphFile } from '../../../src/sim/generators/graph-file.ts';
import { GraphBuilder } from '../../../src/sim/generators/graph-file/builder.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { buildTopology } from '../../../src/sim/topology/spec.ts';
import { edgeSet, isSimple } from './graph-checks.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
const fixtureText = (name: string): string => readFileSync(fixture(name), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'floodlab-graph-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
/** Writes `text` to a fresh file with the given extension and returns its path. */
const write = (ext: string, text: string): string => {
  const path = join(dir, `g${files++}${ext}`);
  writeFileSync(path, text);
  return path;
};
const pairs = (g: { size: number; src: Int32Array; dst: Int32Array; labels?: readonly string[] }): string[] =>
  Array.from({ length: g.size }, (_, e) => {
    const name = (u: number) => g.labels?.[u] ?? String(u);
    return `${name(g.src[e]!)}-${name(g.dst[e]!)}`;
  });

describe('readGraphFile: GEXF, GraphML, JSON', () => {
  it.each([
    ['kite-directed.gexf', 5, 4, ['a', 'b', 'c', 'd', 'e'], { selfLoops: 1, duplicateEdges: 1, directedEdges: 6 }],
    ['square.graphml', 4, 4, ['n0', 'n1', 'n2', 'n3'], { selfLoops: 0, duplicateEdges: 1, directedEdges: 0 }],
    ['named-pairs.json', 4, 3, ['alice', 'bob', '3', 'carol'], { selfLoops: 1, duplicateEdges: 1, directedEdges: 0 }],
    ['graphology-serialized.json', 3, 2, ['x', 'y', 'z'], { selfLoops: 0, duplicateEdges: 0, directedEdges: 0 }],
    ['edges-object.json', 5, 4, undefined, { selfLoops: 0, duplicateEdges: 0, directedEdges: 0 }],
  ])('reads %s: %i nodes, %i edges, and counts what it cleaned', (name, order, size, labels, cleaned) => {
    const g = readGraphFile(fixture(name));
    expect(g.order).toBe(order);
    expect(g.size).toBe(size);
    expect(g.labels).toEqual(labels);
    expect(isSimple(g)).toBe(true);
    expect(g.cleaned).toEqual(cleaned);
  });
});

describe('readGraphFile: edge-list text', () => {
  it('reads what networkx write_edgelist writes (third column a dict), by extension', () => {
    // nx.write_edgelist(nx.path_graph(4), p) and with data=['weight'] / a weight dict.
    for (const ext of ['.txt', '.edges', '.edgelist']) {
      const g = readGraphFile(write(ext, "0 1 {}\n1 2 {'weight': 3}\n2 3 {}\n"));
      expect([g.order, g.size, g.labels]).toEqual([4, 3, undefined]);
      expect(pairs(g)).toEqual(['0-1', '1-2', '2-3']);
    }
  });

  it('reads a SNAP file: # header lines, tab-separated ids that are not 0..N-1', () => {
    const text = '# Directed graph (each unordered pair of nodes is saved once): Example.txt\n# Nodes: 4 Edges: 4\n# FromNodeId\tToNodeId\n30\t1412\n30\t3352\n1412\t3352\n5\t30\n';
    const g = readGraphFile(write('.txt', text));
    expect([g.order, g.size]).toEqual([4, 4]);
    expect(g.labels).toEqual(['30', '1412', '3352', '5']);
    expect(pairs(g)).toEqual(['30-1412', '30-3352', '1412-3352', '5-30']);
  });

  it('skips blank lines, % comments (KONECT), trailing # comments, CRLF line ends and weight columns', () => {
    const text = '% sym unweighted\r\n% 3 3 3\r\n\r\n  a   b  2.5 1234567 \r\nb\tc # a comment\r\n\t\r\nc a\r\n# the end';
    const g = readGraphFile(write('.edges', text));
    expect(g.labels).toEqual(['a', 'b', 'c']);
    expect(pairs(g)).toEqual(['a-b', 'b-c', 'c-a']);
    expect(g.cleaned).toEqual({ selfLoops: 0, duplicateEdges: 0, directedEdges: 0 });
  });

  it('drops self-loops and merges repeated edges in either direction, keeping the first copy in file order', () => {
    const g = readGraphFile(write('.txt', '1 2\n2 2\n2 1\n3 1\n1 2\n3 3\n1 3\n4 5\n'));
    expect(pairs(g)).toEqual(['1-2', '3-1', '4-5']);
    expect(g.labels).toEqual(['1', '2', '3', '4', '5']);
    expect(g.cleaned).toEqual({ selfLoops: 2, duplicateEdges: 3, directedEdges: 0 });
  });

  it('keeps nodes named only by self-loops, as nodes without edges', () => {
    const g = readGraphFile(write('.txt', '0 1\n2 2\n'));
    expect([g.order, g.size]).toEqual([3, 1]);
  });

  it('recognises text, JSON, GEXF and GraphML by content when the extension is unknown', () => {
    expect(pairs(readGraphFile(write('.dat', '# text\nx y\n')))).toEqual(['x-y']);
    expect(pairs(readGraphFile(write('', '[["p", "q"]]')))).toEqual(['p-q']);
    const gexf = readGraphFile(write('.net', `\n${fixtureText('kite-directed.gexf')}`));
    expect([gexf.order, gexf.size]).toEqual([5, 4]);
    const graphml = readGraphFile(write('.g', fixtureText('square.graphml')));
    expect([graphml.order, graphml.size]).toEqual([4, 4]);
  });

  it.each([
    ['0 1\n2\n', /line 2: expected 'u v' \(two node names\), got '2'/],
    ['# only comments\n\n', /the graph has no nodes/],
  ])('refuses %j with one InputError line', (text, reason) => {
    const path = write('.txt', text);
    expect(() => readGraphFile(path)).toThrow(reason);
    expect(() => readGraphFile(path)).toThrow(`topology: cannot read graph file '${path}': `);
  });

  it('matches a reference deduplication on a random multigraph with loops', () => {
    const rng = seededRng(3, 'test');
    const builder = new GraphBuilder();
    const want: string[] = [];
    const seen = new Set<string>();
    let loops = 0;
    for (let i = 0; i < 20_000; i++) {
      const a = Math.floor(rng() * 300);
      const b = Math.floor(rng() * 300);
      builder.edge(`n${a}`, `n${b}`);
      if (a === b) loops++;
      else if (!seen.has(`${Math.min(a, b)}-${Math.max(a, b)}`)) {
        seen.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
        want.push(`n${a}-n${b}`);
      }
    }
    const g = builder.build();
    expect(pairs(g)).toEqual(want);
    expect(g.cleaned).toEqual({ selfLoops: loops, duplicateEdges: 20_000 - loops - want.length, directedEdges: 0 });
    expect(isSimple(g)).toBe(true);
  });
});

describe('readGraphFile: failures', () => {
  it.each([
    ['missing.gexf', /no such file/],
    ['truncated.gexf', /malformed XML/],
    ['dangling-edge.graphml', /points to an inexisting node/],
    ['truncated.json', /JSON/],
    ['bad-node.json', /edges\[1\]\[1\] is not a node name/],
  ])('turns a bad file (%s) into one InputError line', (name, reason) => {
    const path = fixture(name);
    let caught: unknown;
    try {
      readGraphFile(path);
    } catch (err) {
      caught = err;
    }
    const err = caught as Error & { code?: string };
    expect(err.name).toBe('InputError');
    expect(err.code).toBe('ERR_BAD_GRAPH_FILE');
    expect(err.message.startsWith(`topology: cannot read graph file '${path}': `)).toBe(true);
    expect(err.message).toMatch(reason);
    expect(err.message).not.toContain('\n');
  });

  it('does not print xmldom warnings or errors', () => {
    const spies = (['log', 'warn', 'error'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    expect(() => readGraphFile(fixture('truncated.gexf'))).toThrow();
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});

describe('cleaningNote', () => {
  it('is undefined when nothing was cleaned', () => {
    expect(cleaningNote({ selfLoops: 0, duplicateEdges: 0, directedEdges: 0 }, 'g.txt')).toBeUndefined();
  });

  it('says what was changed, with plurals and thousands separators', () => {
    expect(cleaningNote({ selfLoops: 1, duplicateEdges: 0, directedEdges: 0 }, 'g.txt')).toBe("graph file 'g.txt': dropped 1 self-loop");
    expect(cleaningNote({ selfLoops: 2, duplicateEdges: 1234, directedEdges: 6 }, 'k.gexf')).toBe(
      "graph file 'k.gexf': read 6 directed edges as undirected, dropped 2 self-loops, merged 1,234 duplicate edges",
    );
  });
});

describe('graph files through --topology', () => {
  it('reads text files by file:PATH or a bare .txt/.edges/.edgelist path, and passes the cleaning on', () => {
    expect(GRAPH_FILE_EXTENSIONS).toEqual(expect.arrayContaining(['.txt', '.edges', '.edgelist']));
    const path = write('.edgelist', '0 1\n1 0\n1 2\n2 2\n');
    const opts = { nodes: 10, degree: 4, seed: 1 };
    for (const spec of [path, `file:${path}`]) {
      const t = buildTopology(spec, opts);
      expect(t.name).toBe(`file:${path}`);
      expect(edgeSet(t.edges)).toEqual(['0-1', '1-2']);
      expect(t.cleaned).toEqual({ selfLoops: 1, duplicateEdges: 1, directedEdges: 0 });
    }
    const other = write('.dat', '0 1\n');
    expect(buildTopology(`file:${other}`, opts).edges.size).toBe(1);
    expect(buildTopology('ring', opts).cleaned).toBeUndefined();
  });
});
