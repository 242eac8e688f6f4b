/**
 * Finds the node a JSON path names in one document of a YAML stream, with the pair and collection that hold
 * it, so fixes can edit the text at the library's node ranges ([start, valueEnd, nodeEnd], absolute offsets).
 */
import { yamlDocuments } from '../parsing/yamlDocuments';
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { JsonPath } from '../types';

export interface Located {
  /** The node at the path (a scalar, map or sequence); null for a key without a value. */
  node: Node | null;
  /** The collection that holds the node. */
  parent?: YAMLMap | YAMLSeq;
  /** The key/value pair when the parent is a map. */
  pair?: Pair;
  /** The index of the item or pair in its parent. */
  index: number;
}

/** The `documentIndex`-th document of the stream, if the text has that many. */
export function yamlDocument(text: string, documentIndex: number): Document.Parsed | undefined {
  // The parse the diagnostics of this version already made (cached by text), not a second one.
  return yamlDocuments(text)[documentIndex];
}

/** Plain value of a key node, for matching path segments. */
function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** The node at `path`; undefined when some step is missing. The empty path names the document's root. */
export function locate(document: Document.Parsed, path: JsonPath): Located | undefined {
  let found: Located = { node: document.contents as Node | null, index: 0 };
  for (const segment of path) {
    const current = found.node;
    if (isMap(current)) {
      const index = current.items.findIndex((pair) => String(keyOf(pair)) === String(segment));
      if (index < 0) return undefined;
      const pair = current.items[index];
      found = { node: (pair.value as Node | null) ?? null, parent: current, pair, index };
    } else if (isSeq(current) && typeof segment === 'number' && segment < current.items.length) {
      found = { node: current.items[segment] as Node, parent: current, index: segment };
    } else {
      return undefined;
    }
  }
  return found;
}

/** The offset just past the end of the line that contains `offset` (or `offset` itself at a line start). */
export function endOfLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The offset where the line holding `offset` starts. */
export function startOfLine(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The indentation step the file uses: the smallest indentation of any indented line (2 when none). */
export function indentStep(text: string): number {
  let step = Infinity;
  for (const match of text.matchAll(/^( +)[^\s#-]/gm)) step = Math.min(step, match[1].length);
  return Number.isFinite(step) ? step : 2;
}
