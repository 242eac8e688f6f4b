/**
 * What the cursor is on, for completion: a key to add to an object, a value to give a key or array item, or an
 * empty document. This file reads JSON (through jsonc-parser's getLocation, which copes with half-typed text);
 * yamlContext.ts reads YAML.
 */
import { getLocation, type Location } from 'jsonc-parser';
import type { JsonPath } from '../types';
import type { TreeNode } from '../parsing/tree';

export interface CompletionContext {
  position: 'key' | 'value' | 'empty';
  /** For a key: the path of the object it goes in. For a value: the path of the value itself. */
  path: JsonPath;
  /** The text span the chosen item replaces (the partial word or quoted string under the cursor). */
  replaceStart: number;
  replaceEnd: number;
  /** Where an inserted multi-line value's lines start (the entry's column). */
  baseIndent: string;
  /** JSON: text to add after the item, e.g. "," before a following property. */
  suffix: string;
  /** JSON: offset at which a missing "," must be added before the inserted entry. */
  commaAt?: number;
  /** JSON: the key already has ": value" after it, so only the name is replaced. */
  keyOnly?: boolean;
  /** JSON: the replaced span is a quoted string, so labels are filtered with their quotes. */
  quoted?: boolean;
  /** YAML: right after a list item's "- ", where either a scalar item or an object item's first key fits. */
  itemStart?: boolean;
}

const WORD = /[\w$.-]/;

/** The span of the unquoted word around an offset. */
export function wordAround(text: string, offset: number): [number, number] {
  let start = offset;
  let end = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  while (end < text.length && WORD.test(text[end])) end++;
  return [start, end];
}

/** The leading whitespace of the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function nextCharAfter(text: string, offset: number): string {
  const match = /\S/.exec(text.slice(offset, offset + 200));
  return match ? match[0] : '';
}

/**
 * jsonc-parser's location of an offset. getLocation scans the text from its start, which near the end of a 1 MB
 * file costs about 10 ms; when the parsed tree shows a top-level object or list around the offset, only that value
 * is scanned and the path and offsets are put back in the whole document's terms.
 */
export function locationAt(text: string, offset: number, root?: TreeNode): Location {
  const around = root?.properties?.find(
    ({ value }) =>
      value && (value.properties || value.items) && offset > value.offset && offset < value.offset + value.length,
  );
  if (!around?.value) return getLocation(text, offset);
  const start = around.value.offset;
  const inner = getLocation(text.slice(start, start + around.value.length), offset - start);
  const previousNode = inner.previousNode && { ...inner.previousNode, offset: inner.previousNode.offset + start };
  return { ...inner, previousNode, path: [around.key, ...inner.path] };
}

/** The completion context at an offset of a JSON text (`root`, the parsed tree of that text, narrows the scan). */
export function jsonContext(text: string, offset: number, root?: TreeNode): CompletionContext {
  const base = { baseIndent: lineIndent(text, offset), suffix: '' };
  if (!text.trim()) return { ...base, position: 'empty', path: [], replaceStart: 0, replaceEnd: text.length };
  const location = locationAt(text, offset, root);
  const previous = location.previousNode;
  const coversCursor = previous && offset > previous.offset && offset <= previous.offset + previous.length;
  let [start, end] = coversCursor ? [previous.offset, previous.offset + previous.length] : wordAround(text, offset);
  if (location.isAtPropertyKey) {
    const keyOnly = nextCharAfter(text, end) === ':';
    const suffix = !keyOnly && /["{[]/.test(nextCharAfter(text, end)) ? ',' : '';
    return {
      ...base,
      position: 'key',
      path: location.path.slice(0, -1),
      replaceStart: start,
      replaceEnd: end,
      suffix,
      keyOnly,
      quoted: !!coversCursor,
    };
  }
  // After a finished value on an earlier line the user starts a new key; the parser still reports the old value.
  if (
    previous &&
    !coversCursor &&
    previous.offset + previous.length < offset &&
    text.slice(previous.offset + previous.length, offset).includes('\n')
  ) {
    [start, end] = wordAround(text, offset);
    const suffix = /["{[]/.test(nextCharAfter(text, end)) ? ',' : '';
    return {
      ...base,
      position: 'key',
      path: location.path.slice(0, -1),
      replaceStart: start,
      replaceEnd: end,
      suffix,
      commaAt: previous.offset + previous.length,
    };
  }
  const suffix = /["{[]/.test(nextCharAfter(text, end)) ? ',' : '';
  return {
    ...base,
    position: 'value',
    path: location.path,
    replaceStart: start,
    replaceEnd: end,
    suffix,
    quoted: !!coversCursor && previous?.type === 'string',
  };
}
