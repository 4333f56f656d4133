/**
 * GEXF and GraphML through graphology's readers. Their XML parser is @xmldom/xmldom, which prints
 * its complaints and carries on; here it is set up to throw instead, so a malformed file is one
 * error line. The reader must get the very xmldom copy its package uses (it checks `instanceof`).
 */
import { createRequire } from 'node:module';
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { fromGraphology } from '../graphology.ts';
import type { CleanedEdgeList } from './builder.ts';

interface XmlDocument {
  getElementsByTagName(name: string): { readonly length: number };
}
type DomParserClass = new (options: object) => { parseFromString(text: string, mime: string): XmlDocument | undefined };

/** An error's message on one line, without xmldom's decorations. */
export function oneLine(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  const text = err instanceof Error ? err.message : String(err);
  return text
    .replace(/^\[xmldom \w+\]/, '')
    .replace(/@#\[line.*$/s, '')
    .replace(/\s+/g, ' ')
    .trim();
}

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

/** A GEXF document's graph. */
export function fromGexf(text: string): CleanedEdgeList {
  return fromGraphology(gexf.parse(MultiGraph, parseXml('graphology-gexf', text) as unknown as Parameters<typeof gexf.parse>[1]));
}

/** A GraphML document's graph. */
export function fromGraphml(text: string): CleanedEdgeList {
  return fromGraphology(graphml.parse(MultiGraph, parseXml('graphology-graphml', text) as unknown as Parameters<typeof graphml.parse>[1]));
}
