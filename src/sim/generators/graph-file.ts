/**
 * A user's own graph from a file: GEXF, GraphML, JSON or plain edge-list text, chosen by the
 * extension or, for any other name, by the first character of the content. The graph is made
 * undirected and simple, and `cleaned` says what that took (cleaningNote() words it for the CLI).
 * Every failure is one InputError line naming the file and the reason.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../../core/errors.ts';
import type { CleanedEdgeList } from './graph-file/builder.ts';
import { fromJson } from './graph-file/json.ts';
import { fromEdgeListText } from './graph-file/text.ts';
import { fromGexf, fromGraphml, oneLine } from './graph-file/xml.ts';

export { cleaningNote, type GraphCleaning } from './graph-file/builder.ts';

type Format = 'gexf' | 'graphml' | 'json' | 'text';

const BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.gexf': 'gexf',
  '.graphml': 'graphml',
  '.xml': 'graphml',
  '.json': 'json',
  '.txt': 'text',
  '.edges': 'text',
  '.edgelist': 'text',
};

/** File extensions recognised without looking inside (a bare PATH with one of them is a file). */
export const GRAPH_FILE_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** Largest graph file read: 256 MiB, about 20 million edges of SNAP text (V8 strings stop at 512 MiB). */
const GRAPH_FILE_MAX_BYTES = 256 * 2 ** 20;

/** The format of a file with an unknown extension, from its first non-blank character. */
function sniff(text: string): Format {
  const first = /\S/.exec(text)?.[0];
  if (first === '<') return /<gexf[\s>]/.test(text.slice(0, 4096)) ? 'gexf' : 'graphml';
  if (first === '[' || first === '{') return 'json';
  return 'text';
}

function parseFile(path: string): CleanedEdgeList {
  const bytes = statSync(path).size;
  if (bytes > GRAPH_FILE_MAX_BYTES) throw new Error(`${bytes} bytes is above the limit of ${GRAPH_FILE_MAX_BYTES} bytes`);
  const text = readFileSync(path, 'utf8');
  const format = BY_EXTENSION[extname(path).toLowerCase()] ?? sniff(text);
  switch (format) {
    case 'gexf':
      return fromGexf(text);
    case 'graphml':
      return fromGraphml(text);
    case 'json':
      return fromJson(text);
    case 'text':
      return fromEdgeListText(text);
  }
}

/**
 * Reads a graph file (see GRAPH_FILE_EXTENSIONS; other names are recognised by content). Any
 * failure (missing, unreadable, too large, malformed, empty) is one InputError:
 * `topology: cannot read graph file 'x': reason`.
 */
export function readGraphFile(path: string): CleanedEdgeList {
  try {
    const edges = parseFile(path);
    if (edges.order === 0) throw new Error('the graph has no nodes');
    return edges;
  } catch (err) {
    throw new InputError('ERR_BAD_GRAPH_FILE', `topology: cannot read graph file '${path}': ${oneLine(err)}`);
  }
}
