/**
 * Incremental YAML parsing for the common shape of these files: one block mapping whose top-level keys start at
 * column 0. Each top-level key's block (its line up to the next top-level key) is parsed on its own, and the
 * parse of a block whose text has not changed since an earlier version is reused, so a keystroke in
 * `IKEOptionsSpecification` re-parses a few lines, not the 7,000 policy rules above it. The `yaml` library's full
 * parse of a 700 KB file takes about 250 ms; this is the "re-parse only what an edit touched" of the design.
 *
 * Anything outside that shape (several documents, directives, anchors, aliases or tags, content before the first
 * key, any syntax problem in a block) returns undefined and the caller parses the whole text, so the result is
 * always the one the full parse would give (a test compares both on every fixture and on random edits).
 */
import { placedProperty, type ParsedPart, type SyntaxProblem, type TreeNode, type TreeProperty } from './tree';
import { BlockCache } from './blockCache';
import { duplicateKeyMessage } from './syntaxMessages';

/** What parsing one block on its own gave, with offsets relative to the block's start. */
export interface BlockParse {
  /** The block's root mapping (one property) and its plain value (one key). */
  root: TreeNode;
  value: Record<string, unknown>;
}

/** Parses one block's text as a whole document; undefined when it has a problem or is not a one-key mapping. */
export type BlockParser = (text: string) => BlockParse | undefined;

/** Below this size the whole text is parsed at once: splitting would gain nothing. */
const MIN_INCREMENTAL_SIZE = 16 * 1024;
/** Block texts kept for reuse, in characters: a few large files' worth, each in a few versions. */
const MAX_CACHED_CHARS = 8 * 1024 * 1024;

const OUTSIDE_SHAPE = /^(?:---|\.\.\.|%)|[&*!]/m;
const TOP_LEVEL_KEY = /^(?:"[^"\n]*"|'[^'\n]*'|[^\s#:\-"'[\]{},][^:#\n]*?)[ \t]*:(?:[ \t]|$)/;

const cache = new BlockCache<BlockParse>(MAX_CACHED_CHARS);

/** The starts of the top-level blocks, or undefined when the text is not one plain block mapping. */
function blockStarts(text: string): number[] | undefined {
  const starts: number[] = [];
  for (let lineStart = 0; lineStart < text.length;) {
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next < 0 ? text.length : next;
    const first = text[lineStart];
    if (first !== undefined && first !== ' ' && first !== '\t' && first !== '\n' && first !== '\r' && first !== '#') {
      if (!TOP_LEVEL_KEY.test(text.slice(lineStart, lineEnd))) return undefined;
      starts.push(lineStart);
    } else if (starts.length === 0 && !/^\s*(#.*)?$/.test(text.slice(lineStart, lineEnd))) {
      return undefined;
    }
    lineStart = lineEnd + 1;
  }
  return starts.length ? starts : undefined;
}

/**
 * The one part of a text parsed block by block, or undefined when the text is outside the shape this handles
 * (the caller then parses it whole).
 */
export function parseYamlByBlocks(text: string, parseBlock: BlockParser): ParsedPart | undefined {
  if (text.length < MIN_INCREMENTAL_SIZE || OUTSIDE_SHAPE.test(text)) return undefined;
  const starts = blockStarts(text);
  if (!starts) return undefined;
  const properties: TreeProperty[] = [];
  const value: Record<string, unknown> = {};
  const problems: SyntaxProblem[] = [];
  const seen = new Set<string>();
  let rootEnd = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const block = cache.get(text.slice(start, starts[i + 1] ?? text.length), parseBlock);
    if (!block) return undefined;
    const [property] = block.root.properties!;
    if (seen.has(property.key))
      problems.push({
        offset: start + property.keyOffset,
        length: Math.max(property.keyLength, 1),
        code: 'duplicate-key',
        message: duplicateKeyMessage(property.key),
        severity: 'error',
      });
    seen.add(property.key);
    properties.push(placedProperty(property, start));
    for (const [key, item] of Object.entries(block.value))
      Object.defineProperty(value, key, { value: item, enumerable: true, writable: true, configurable: true });
    rootEnd = start + block.root.offset + block.root.length;
  }
  const offset = starts[0];
  const root: TreeNode = { kind: 'object', offset, length: rootEnd - offset, flow: false, properties };
  return { index: 0, offset, length: text.length - offset, root, value, problems };
}
