/**
 * A user's own graph from a file, by extension: GEXF and GraphML through graphology's readers
 * (with xmldom set up to throw rather than print), or a JSON edge list. Every failure is one
 * InputError line naming the file and the reason.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { InputError } from '../../core/errors.ts';
import type { EdgeList } from '../topology/edge-list.ts';
import { fromGraphology, NodeNames } from './graphology.ts';

/** File extensions readGraphFile understands. */
export const GRAPH_FILE_EXTENSIONS: readonly string[] = ['.gexf', '.graphml', '.xml', '.json'];

/** Collapses an error's message to one line, without the xmldom decorations. */
function oneLine(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^\[xmldom \w+\]/, '').replace(/@#\[line.*$/s, '').replace(/\s+/g, ' ').trim();
}

interface XmlDocument {
  getElementsByTagName(name: string): { readonly length: number };
}
type DomParserClass = new (options: object) => { parseFromString(text: string, mime: string): XmlDocument | undefined };

/**
 * Parses XML with the very @xmldom/xmldom copy that `pkg` uses (its parser checks `instanceof`),
 * turning xmldom's errors into exceptions instead of console noise.
 */
function parseXml(pkg: string, text: string): XmlDocument {
  const local = createRequire(import.meta.url);
  const { DOMParser } = createRequire(local.resolve(pkg))('@xmldom/xmldom') as { DOMParser: DomParserClass };
  const fail = (message: unknown): never => {
    throw new Error(`malformed XML: ${oneLine(message)}`);
  };
  const parser = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } });
  const doc = parser.parseFromString(text, 'application/xml');
  if (!doc || doc.getElementsByTagName('graph').length === 0) throw new Error('no <graph> element');
  return doc;
}

/** A JSON edge list ([[u,v],...] or {nodes?, edges}) or graphology's {nodes:[{key}], edges:[{source,target}]}. */
function fromJson(text: string): EdgeList {
  const data: unknown = JSON.parse(text);
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const edges = Array.isArray(data) ? data : record['edges'];
  if (!Array.isArray(edges)) throw new Error('expected [[u, v], ...] or an object with an "edges" array');
  const name = (value: unknown, where: string): string => {
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    throw new Error(`${where} is not a node name (string or number)`);
  };
  const names = new NodeNames(false);
  const nodes = Array.isArray(data) ? [] : record['nodes'];
  if (nodes !== undefined && !Array.isArray(nodes)) throw new Error('"nodes" is not an array');
  (nodes ?? []).forEach((node: unknown, i) => {
    const key = typeof node === 'object' && node !== null ? (node as { key?: unknown }).key : node;
    names.node(name(key, `nodes[${i}]`));
  });
  edges.forEach((edge: unknown, i) => {
    const pair = Array.isArray(edge) ? edge : typeof edge === 'object' && edge !== null ? [(edge as { source?: unknown }).source, (edge as { target?: unknown }).target] : [];
    names.edge(name(pair[0], `edges[${i}][0]`), name(pair[1], `edges[${i}][1]`));
  });
  return names.build();
}

function parseFile(path: string): EdgeList {
  const ext = extname(path).toLowerCase();
  if (!GRAPH_FILE_EXTENSIONS.includes(ext)) throw new Error(`unknown extension '${ext}' (use ${GRAPH_FILE_EXTENSIONS.join(', ')})`);
  const text = readFileSync(path, 'utf8');
  if (ext === '.json') return fromJson(text);
  if (ext === '.gexf') return fromGraphology(gexf.parse(MultiGraph, parseXml('graphology-gexf', text) as unknown as Parameters<typeof gexf.parse>[1]));
  return fromGraphology(graphml.parse(MultiGraph, parseXml('graphology-graphml', text) as unknown as Parameters<typeof graphml.parse>[1]));
}

/**
 * Reads a graph file by its extension: GEXF, GraphML (.graphml/.xml) or JSON. Any failure (missing,
 * unreadable, malformed, empty) is one InputError: `topology: cannot read graph file 'x': reason`.
 */
export function readGraphFile(path: string): EdgeList {
  try {
    const edges = parseFile(path);
    if (edges.order === 0) throw new Error('the graph has no nodes');
    return edges;
  } catch (err) {
    throw new InputError('ERR_BAD_GRAPH_FILE', `topology: cannot read graph file '${path}': ${oneLine(err)}`);
  }
}
