/**
 * A top-level block of the plainest YAML (yamlBlocks.ts), read without the `yaml` library: block mappings and
 * block sequences indented with spaces, one `key: value` or `- item` per line, keys that are plain words, and
 * scalars that are plain one-line words (strings and small decimal integers) or double-quoted strings without
 * escapes — what `yaml` itself writes for these files, the benchmark's fixtures included. It gives the same tree
 * (kinds, offsets, lengths, keys, values) and the same plain value as the library's parse of the block
 * (yamlTree.ts): the library's parse of the 717 KB file allocates about 330 MB and takes about 300 ms in a fresh
 * process. Anything else — a comment, a blank line, a tab, a carriage return, a quote, an anchor, a flow
 * collection, a key repeated, a number that is not a plain integer, a value on the next line — returns undefined
 * and the caller asks the library. A test compares both on the fixtures and on generated blocks.
 */
import type { BlockParse } from './yamlBlocks';
import type { TreeNode, TreeProperty } from './tree';

/** A key this reads: a plain word (a key such as `true`, `~` or `1` would be resolved by the schema). */
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
/**
 * A plain scalar this reads: words of letters, digits and `. / _ - + = @ ~ ^ $ ( )` and other marks that are no
 * indicator of YAML, separated by single spaces, starting with a letter or a digit, with no `:` at all.
 */
const PLAIN = /^[A-Za-z0-9][^\s:#,[\]{}'"`!&*|>%]*(?: [^\s:#,[\]{}'"`!&*|>%]+)*$/;
/** Plain scalars YAML 1.2's core schema (the library's default) reads as null, a boolean or a number. */
const NOT_A_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** The integers this resolves: decimal, no sign, no leading zero, within a double's exact range. */
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
/** The deepest indentation this reads. */
const MAX_COLUMN = 200;
/** A double-quoted string without escapes. */
const QUOTED = /^"[^"\\]*"$/;

interface Line {
  start: number;
  indent: number;
  /** The line without its indentation and newline. */
  content: string;
  /** Just past the newline, or the text's end. */
  end: number;
}

/** A node and where the parent's next line may start: the node's end in the library's terms (its last newline). */
interface Read {
  node: TreeNode;
  value: unknown;
  /** The index of the next line to read. */
  next: number;
  /** The library's range end of this node as a container's last child: past its line's newline. */
  nodeEnd: number;
}

class Outside extends Error {}
const outside = (): never => {
  throw new Outside();
};

function linesOf(text: string): Line[] {
  if (/[\t\r#]|\n\n|[^\S\n]\n|[^\S\n]$/.test(text)) outside();
  const lines: Line[] = [];
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    let indent = start;
    while (text.charCodeAt(indent) === 32) indent++;
    if (indent === lineEnd) outside();
    lines.push({
      start,
      indent: indent - start,
      content: text.slice(indent, lineEnd),
      end: newline < 0 ? lineEnd : newline + 1,
    });
    start = lineEnd + 1;
  }
  return lines;
}

/** A scalar's node and value from its text at `offset`. */
function scalar(text: string, offset: number): { node: TreeNode; value: unknown } {
  if (QUOTED.test(text)) {
    const value = text.slice(1, -1);
    return { node: { kind: 'string', offset, length: text.length, value }, value };
  }
  if (!PLAIN.test(text)) outside();
  if (INTEGER.test(text)) {
    const value = Number(text);
    return { node: { kind: 'number', offset, length: text.length, value }, value };
  }
  if (NOT_A_STRING.test(text)) outside();
  return { node: { kind: 'string', offset, length: text.length, value: text }, value: text };
}

class BlockReader {
  constructor(private readonly lines: Line[]) {}

  /** A mapping at `column` whose first key starts at offset `firstKeyAt`, on line `index`. */
  mapping(index: number, column: number, firstKeyAt: number): Read {
    const properties: TreeProperty[] = [];
    const value: Record<string, unknown> = {};
    let next = index;
    let keyAt = firstKeyAt;
    let nodeEnd = 0;
    for (;;) {
      const entry = this.entry(next, keyAt, column);
      if (Object.prototype.hasOwnProperty.call(value, entry.key)) outside();
      properties.push({ key: entry.key, keyOffset: keyAt, keyLength: entry.key.length, value: entry.read.node });
      value[entry.key] = entry.read.value;
      ({ next, nodeEnd } = entry.read);
      const following = this.lines[next];
      if (!following || following.indent < column) break;
      if (following.indent !== column) outside();
      keyAt = following.start + following.indent;
    }
    const offset = firstKeyAt;
    return {
      node: { kind: 'object', offset, length: nodeEnd - offset, flow: false, properties },
      value,
      next,
      nodeEnd,
    };
  }

  /** One `key: value` whose key starts at `keyAt` on line `index` (the mapping's column is `column`). */
  private entry(index: number, keyAt: number, column: number): { key: string; read: Read } {
    const line = this.lines[index];
    const text = line.content.slice(keyAt - line.start - line.indent);
    const colon = text.indexOf(':');
    const key = colon > 0 ? text.slice(0, colon) : outside();
    if (!KEY.test(key)) outside();
    const rest = text.slice(colon + 1);
    if (rest === '') return { key, read: this.nested(index + 1, column) };
    if (rest[0] !== ' ' || rest[1] === ' ') outside();
    const at = keyAt + colon + 2;
    const { node, value } = scalar(rest.slice(1), at);
    return { key, read: { node, value, next: index + 1, nodeEnd: line.end } };
  }

  /** The block collection on line `index`, indented more than `parentColumn`. */
  private nested(index: number, parentColumn: number): Read {
    const line = this.lines[index];
    // Each level is indented further: a bound on the column bounds the recursion (10,000 levels go to the library,
    // which reports its nesting limit).
    if (!line || line.indent <= parentColumn || line.indent > MAX_COLUMN) outside();
    return line.content.startsWith('- ')
      ? this.sequence(index, line.indent)
      : this.mapping(index, line.indent, line.start + line.indent);
  }

  /** A block sequence whose dashes are at `column`. */
  private sequence(index: number, column: number): Read {
    const items: TreeNode[] = [];
    const value: unknown[] = [];
    let next = index;
    let nodeEnd = 0;
    const offset = this.lines[index].start + column;
    for (;;) {
      const line = this.lines[next];
      if (!line.content.startsWith('- ') || line.content[2] === ' ') outside();
      const itemAt = line.start + column + 2;
      const item = line.content.slice(2);
      const read = /^[A-Za-z][A-Za-z0-9_]*:(?: |$)/.test(item)
        ? this.mapping(next, column + 2, itemAt)
        : (() => {
            const { node, value: plain } = scalar(item, itemAt);
            return { node, value: plain, next: next + 1, nodeEnd: line.end };
          })();
      items.push(read.node);
      value.push(read.value);
      ({ next, nodeEnd } = read);
      const following = this.lines[next];
      if (!following || following.indent < column) break;
      if (following.indent !== column) outside();
    }
    return { node: { kind: 'array', offset, length: nodeEnd - offset, flow: false, items }, value, next, nodeEnd };
  }
}

/**
 * The block's parse, as the library's would be (yamlTree.ts parseBlock), or undefined when the block is outside
 * what this reads.
 */
export function fastYamlBlock(text: string): BlockParse | undefined {
  try {
    const lines = linesOf(text);
    if (!lines.length || lines[0].indent !== 0) return undefined;
    const read = new BlockReader(lines).mapping(0, 0, 0);
    if (read.next !== lines.length || read.node.properties?.length !== 1) return undefined;
    return { root: read.node, value: read.value as Record<string, unknown> };
  } catch (error) {
    if (error instanceof Outside) return undefined;
    throw error;
  }
}
