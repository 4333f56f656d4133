/**
 * Plain edge-list text, the format networkx's write_edgelist and SNAP's datasets use: one edge
 * `u v` per line, separated by spaces or tabs; anything after the second name is ignored (a
 * weight, networkx's `{}` attribute dict, a timestamp); blank lines and lines starting with `#` or
 * `%` (KONECT) are comments, and so is the rest of a line after `#`. Read line by line from the
 * text, without an array of all lines.
 */
import { type CleanedEdgeList, GraphBuilder } from './builder.ts';

/** The graph an edge-list text describes. A line with one name only is an error naming the line. */
export function fromEdgeListText(text: string): CleanedEdgeList {
  const builder = new GraphBuilder();
  let lineNo = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    let line = text.slice(start, end);
    start = end + 1;
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    line = line.trim();
    if (line === '' || line.startsWith('%')) continue;
    const fields = line.split(/[ \t]+/, 2);
    if (fields.length < 2) throw new Error(`line ${lineNo}: expected 'u v' (two node names), got '${line.length > 40 ? `${line.slice(0, 40)}...` : line}'`);
    builder.edge(fields[0]!, fields[1]!);
  }
  return builder.build();
}
