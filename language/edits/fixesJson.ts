/**
 * SemanticFix for JSON through jsonc-parser: `modify` computes minimal edits that follow the formatting options,
 * which are taken from the file itself (tabs or N spaces, its line ending). Removal has its own module, since
 * `modify` would delete the neighbours' comments.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions } from 'jsonc-parser';
import { jsonRemoveText } from './fixesJsonRemove';
import type { JsonPath, SemanticFix } from '../types';

/** The indentation and line ending the file already uses (2 spaces and "\n" when it does not tell). */
export function jsonFormatting(text: string): FormattingOptions {
  const indented = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indented.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indented.length, eol };
}

/** The whole text after the fix; undefined when the path is gone from the text. */
export function jsonFixText(text: string, fix: SemanticFix): string | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const exists = (path: JsonPath) => findNodeAtLocation(root, path) !== undefined;
  const set = (current: string, path: JsonPath, value: unknown) =>
    applyEdits(current, modify(current, path, value, { formattingOptions: jsonFormatting(text) }));
  switch (fix.kind) {
    case 'setValue':
      return set(text, fix.path, fix.value);
    case 'remove':
      return jsonRemoveText(text, fix.path);
    case 'renameKey':
      return renameKey(text, fix.path, fix.newKey);
    case 'addProperties':
      if (fix.path.length > 0 && !exists(fix.path)) return undefined;
      return Object.entries(fix.properties).reduce(
        (current, [key, value]) => set(current, [...fix.path, key], value),
        text,
      );
  }
}

/** Replaces only the key's string token, so the value, its comments and its layout stay as they are. */
function renameKey(text: string, path: JsonPath, newKey: string): string | undefined {
  const valueNode = findNodeAtLocation(parseTree(text)!, path);
  const keyNode = valueNode?.parent?.type === 'property' ? valueNode.parent.children?.[0] : undefined;
  if (!keyNode) return undefined;
  return text.slice(0, keyNode.offset) + JSON.stringify(newKey) + text.slice(keyNode.offset + keyNode.length);
}
