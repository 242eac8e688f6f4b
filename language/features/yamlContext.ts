/**
 * The completion context in YAML, read from the lines' indentation rather than from the parse tree: while a
 * key is half typed the tree is wrong (`IKEOptionsSpecification:\n  Ke` parses as a string value), but the
 * columns still say where the cursor belongs. Block style only; flow collections are rare in these files.
 */
import type { JsonPath } from '../types';
import { wordAround, type CompletionContext } from './completionContext';

/** One structural start on a line: a `- ` item marker or a `key:`. */
interface Start {
  column: number;
  dash?: boolean;
  key?: string;
  /** For a key: true when nothing but a comment follows its colon (its value is on the next lines). */
  open?: boolean;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#:][^:#]*?)\s*:(?:\s|$)/;

/** The starts of one line, left to right: "  - - a: 1" gives dashes at 2 and 4 and the key "a" at 6. */
export function startsOf(line: string): Start[] {
  const starts: Start[] = [];
  let column = /^ */.exec(line)![0].length;
  while (line.startsWith('-', column) && (line.length === column + 1 || /\s/.test(line[column + 1]))) {
    starts.push({ column, dash: true });
    column += 1 + /^\s*/.exec(line.slice(column + 1))![0].length;
  }
  const key = KEY.exec(line.slice(column));
  if (key) {
    const rest = line.slice(column + key[0].length).trim();
    starts.push({ column, key: key[1].replace(/^["']|["']$/g, ''), open: rest === '' || rest.startsWith('#') });
  }
  return starts;
}

const isSkippable = (line: string) => /^\s*(#.*)?$/.test(line) || /^(---|\.\.\.)(\s|$)/.test(line);

/** Finds the collection an entry starting at `column` on line `row` belongs to, as a path. */
export function containerPath(lines: string[], row: number, column: number, isDash: boolean): JsonPath {
  const before = startsOf(lines[row]).filter((s) => s.column < column);
  if (before.length) return itemPath(lines, row, before[before.length - 1]);
  for (let r = row - 1; r >= 0; r--) {
    if (isSkippable(lines[r])) continue;
    if (/^(---|\.\.\.)/.test(lines[r])) return [];
    const starts = startsOf(lines[r]);
    const left = starts.filter((s) => s.column < column);
    // A list may sit at its parent key's own column ("Key:\n- item").
    const parentKey = isDash ? starts.find((s) => s.column === column && s.key && s.open) : undefined;
    const owner = parentKey ?? left[left.length - 1];
    if (!owner) {
      if (starts.length && starts[0].column < column) return [];
      continue;
    }
    return owner.key !== undefined
      ? [...containerPath(lines, r, owner.column, false), owner.key]
      : itemPath(lines, r, owner);
  }
  return [];
}

/** The path of the list item whose dash is `dash` on line `row`: its list's path plus its index. */
function itemPath(lines: string[], row: number, dash: Start): JsonPath {
  if (!dash.dash) return [...containerPath(lines, row, dash.column, false), dash.key!];
  let index = 0;
  for (let r = row - 1; r >= 0; r--) {
    if (isSkippable(lines[r])) continue;
    const first = startsOf(lines[r])[0];
    if (!first || first.column < dash.column || (first.column === dash.column && !first.dash)) break;
    if (first.column === dash.column && first.dash) index++;
  }
  return [...containerPath(lines, row, dash.column, true), index];
}

/**
 * Where the lines the context needs begin: the nearest line above the cursor's that holds a key at column 0
 * (everything the cursor can belong to lies below it), else the document's start. On a 700 KB file this spares
 * splitting the whole text into lines on every completion.
 */
export function contextStart(text: string, lineStart: number, documentStart: number): number {
  for (let end = lineStart - 1; end > documentStart;) {
    const start = Math.max(text.lastIndexOf('\n', end - 1) + 1, documentStart);
    const line = text.slice(start, end);
    if (/^[^\s#-]/.test(line) && !/^(---|\.\.\.)(\s|$)/.test(line) && startsOf(line)[0]?.key !== undefined)
      return start;
    end = start - 1;
  }
  return documentStart;
}

/**
 * True when the text from the document's start holds anything once its first `---` line and every comment are
 * removed; it stops at the first such line instead of rewriting the whole text.
 */
function hasContent(text: string, documentStart: number): boolean {
  const rest = text.slice(documentStart);
  const content = /^[ \t]*[^\s#].*$/gm;
  let markerSkipped = false;
  for (let match = content.exec(rest); match; match = content.exec(rest)) {
    if (!markerSkipped && match[0].startsWith('---')) {
      markerSkipped = true;
      continue;
    }
    return true;
  }
  return false;
}

/**
 * The completion context at an offset of a YAML text. `narrow` (the default) reads only the lines from
 * contextStart(); false reads the whole document, the reference the tests compare against.
 */
export function yamlContext(text: string, offset: number, documentStart: number, narrow = true): CompletionContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const lines = text.slice(narrow ? contextStart(text, lineStart, documentStart) : documentStart, offset).split('\n');
  const row = lines.length - 1;
  if (
    !(narrow
      ? hasContent(text, documentStart)
      : text
          .slice(documentStart)
          .replace(/^---.*$/m, '')
          .replace(/#.*$/gm, '')
          .trim())
  ) {
    return {
      position: 'empty',
      path: [],
      replaceStart: offset - prefix.trimStart().length,
      replaceEnd: offset,
      baseIndent: '',
      suffix: '',
    };
  }
  const [start, end] = wordAround(text, offset);
  const dashes = /^(\s*)((?:-\s+)*)/.exec(prefix)!;
  const column = dashes[0].length;
  const baseIndent = ' '.repeat(column);
  const valueMatch = KEY.exec(prefix.slice(column));
  if (valueMatch) {
    const valueStart = lineStart + column + valueMatch[0].length;
    const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
    const key = valueMatch[1].replace(/^["']|["']$/g, '');
    const path = [...containerPath(lines, row, column, dashes[2].length > 0 && column === dashes[1].length), key];
    return {
      position: 'value',
      path,
      replaceStart: Math.min(valueStart, offset),
      replaceEnd: Math.max(offset, trimmedEnd(text, valueStart, lineEnd)),
      baseIndent,
      suffix: '',
    };
  }
  const lastDash = startsOf(prefix + 'x')
    .filter((s) => s.dash)
    .pop();
  const path = dashes[2] && lastDash ? itemPath(lines, row, lastDash) : containerPath(lines, row, column, false);
  return {
    position: dashes[2] ? 'value' : 'key',
    path,
    replaceStart: start,
    replaceEnd: end,
    baseIndent,
    suffix: '',
    itemStart: !!dashes[2],
  };
}

/** The end of a value on its line, before any trailing comment. */
function trimmedEnd(text: string, start: number, lineEnd: number): number {
  const line = text
    .slice(start, lineEnd)
    .replace(/\s+#.*$/, '')
    .trimEnd();
  return start + line.length;
}
