/**
 * The first parse of a large JSON file, without building its tree: the value comes from JSON.parse (native: about
 * 3 ms for 1 MB, against about 85 ms for the tree in a fresh process, where the tree and its garbage are most of
 * a large file's first open), and the diagnostics find their ranges in a tree of only the paths they name, built
 * in one pass of jsonc-parser's scanner that skips everything else (`locate`). The whole tree is built on first
 * use (`root`: a hover, an outline, the next edit), by the ordinary parse, which also fills the block cache the
 * edits reuse (jsonBlocks.ts).
 *
 * Taken only when the ordinary parse would report nothing either: the text is strict JSON (no comments, no
 * trailing comma, no byte order mark: else JSON.parse throws), its root is an object, no object repeats a key
 * (JSON.parse keeps the last silently: the members JSON.parse kept are counted against the colons outside
 * strings), and it nests at most MAX_FAST_DEPTH levels. Anything else returns undefined and the caller parses as
 * before. A test compares every diagnostic of both paths on the corpus and on generated files.
 */
import { createScanner } from 'jsonc-parser';
import type { JsonPath } from '../types';
import type { ParsedPart, TreeNode, TreeProperty } from './tree';

/** From this size the first parse skips the tree (below it the tree costs about what this does). */
export const FAST_FROM = 16 * 1024;
/** Deeper texts take the ordinary parse, which owns the nesting limit. */
const MAX_FAST_DEPTH = 64;

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/** The colons outside strings and the deepest nesting, in one pass over the characters. */
function shapeOf(text: string): { colons: number; depth: number } {
  let colons = 0;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === COLON) colons++;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) deepest = Math.max(deepest, ++depth);
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
  }
  return { colons, depth: deepest };
}

/** The members of every object in a parsed value. */
function memberCount(value: unknown): number {
  if (Array.isArray(value)) {
    let count = 0;
    for (const item of value) count += memberCount(item);
    return count;
  }
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  for (const key of Object.keys(value)) count += 1 + memberCount((value as Record<string, unknown>)[key]);
  return count;
}

/**
 * The part of a large strict-JSON text, its tree left for later (`fullParse` builds it), or undefined when the
 * text is outside what this path takes.
 */
export function fastJsonPart(text: string, fullParse: () => TreeNode | undefined): ParsedPart | undefined {
  if (text.length < FAST_FROM || text.charCodeAt(0) !== OPEN_BRACE) return undefined;
  const shape = shapeOf(text);
  if (shape.depth > MAX_FAST_DEPTH) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (memberCount(value) !== shape.colons) return undefined;
  let root: TreeNode | undefined;
  let built = false;
  return {
    index: 0,
    offset: 0,
    length: text.length,
    value,
    problems: [],
    get root() {
      if (!built) [root, built] = [fullParse(), true];
      return root;
    },
    locate: (paths) => (built ? root : pathTree(text, paths)),
  };
}

/** The segments below one node that some path goes through (a path ending here has an empty map). */
type Wanted = Map<string | number, Wanted>;

function wantedOf(paths: readonly JsonPath[]): Wanted {
  const top: Wanted = new Map();
  for (const path of paths) {
    let node = top;
    for (const segment of path) {
      let next = node.get(segment);
      if (!next) node.set(segment, (next = new Map()));
      node = next;
    }
  }
  return top;
}

// jsonc-parser's SyntaxKind values (a const enum its bundle cannot inline), as jsonBlocks.ts names them.
const T_OPEN_BRACE = 1;
const T_CLOSE_BRACE = 2;
const T_OPEN_BRACKET = 3;
const T_CLOSE_BRACKET = 4;
const T_COMMA = 5;
const T_NULL = 7;
const T_TRUE = 8;
const T_STRING = 10;
const T_NUMBER = 11;
const T_LINE_BREAK = 14;
const T_TRIVIA = 15;

/**
 * The tree of a strict-JSON text with only the nodes on `paths` (and the containers that hold them), each node as
 * the ordinary parse makes it (jsonTree.ts): the same kinds, offsets, lengths, keys and scalar values. Members and
 * items off the paths are skipped by counting brackets; an array keeps the items on a path at their index.
 */
export function pathTree(text: string, paths: readonly JsonPath[]): TreeNode | undefined {
  const scanner = createScanner(text, false);
  let token = 0;
  const next = (): void => {
    do token = scanner.scan();
    while (token === T_LINE_BREAK || token === T_TRIVIA);
  };
  const skip = (): void => {
    if (token !== T_OPEN_BRACE && token !== T_OPEN_BRACKET) return next();
    let depth = 0;
    do {
      if (token === T_OPEN_BRACE || token === T_OPEN_BRACKET) depth++;
      else if (token === T_CLOSE_BRACE || token === T_CLOSE_BRACKET) depth--;
      next();
    } while (depth > 0);
  };
  const close = (node: TreeNode): TreeNode => {
    node.length = scanner.getTokenOffset() + 1 - node.offset;
    next();
    return node;
  };
  const objectAt = (wanted: Wanted): TreeNode => {
    const node: TreeNode = { kind: 'object', offset: scanner.getTokenOffset(), length: 1, properties: [], flow: true };
    for (next(); token !== T_CLOSE_BRACE; token === T_COMMA && next()) {
      const key = scanner.getTokenValue();
      const property: TreeProperty = { key, keyOffset: scanner.getTokenOffset(), keyLength: scanner.getTokenLength() };
      next(); // the colon
      next();
      const below = wanted.get(key);
      if (!below) skip();
      else node.properties!.push({ ...property, value: valueAt(below) });
    }
    return close(node);
  };
  const arrayAt = (wanted: Wanted): TreeNode => {
    const node: TreeNode = { kind: 'array', offset: scanner.getTokenOffset(), length: 1, items: [], flow: true };
    let index = 0;
    for (next(); token !== T_CLOSE_BRACKET; token === T_COMMA && next(), index++) {
      const below = wanted.get(index);
      if (!below) skip();
      else node.items![index] = valueAt(below);
    }
    return close(node);
  };
  const valueAt = (wanted: Wanted): TreeNode => {
    if (token === T_OPEN_BRACE) return objectAt(wanted);
    if (token === T_OPEN_BRACKET) return arrayAt(wanted);
    const [offset, length] = [scanner.getTokenOffset(), scanner.getTokenLength()];
    const scalar: TreeNode =
      token === T_STRING
        ? { kind: 'string', offset, length, value: scanner.getTokenValue() }
        : token === T_NUMBER
          ? { kind: 'number', offset, length, value: Number(scanner.getTokenValue()) }
          : token === T_NULL
            ? { kind: 'null', offset, length, value: null }
            : { kind: 'boolean', offset, length, value: token === T_TRUE };
    next();
    return scalar;
  };
  next();
  return valueAt(wantedOf(paths));
}
