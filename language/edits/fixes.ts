/**
 * Turns a SemanticFix (an edit described by meaning: set, rename, remove, add) into LSP text edits for the
 * document's language. JSON goes through jsonc-parser's `modify` with the file's own indentation; YAML edits
 * the text at the node ranges of the `yaml` library's parse, so comments and layout elsewhere are untouched.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { jsonFixText } from './fixesJson';
import { yamlFixEdits } from './fixesYaml';
import type { SemanticFix } from '../types';

/** A replacement of text[offset, offset + length) by `content`, before conversion to line/character. */
export interface OffsetEdit {
  offset: number;
  length: number;
  content: string;
}

/**
 * The text edits that apply `fix` to `text`; empty when the fix no longer fits the text (the user edited the
 * spot since the diagnostic was computed). `documentIndex` picks the document of a YAML `---` stream.
 */
export function textEditsFor(text: string, languageKind: 'json' | 'yaml', fix: SemanticFix, documentIndex = 0): TextEdit[] {
  const edits = languageKind === 'json' ? diffEdits(text, jsonFixText(text, fix)) : yamlFixEdits(text, fix, documentIndex);
  const document = TextDocument.create('file:///fix', languageKind, 0, text);
  return edits.map((edit) => ({
    range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) },
    newText: edit.content,
  }));
}

/** One edit covering what differs between two texts (common prefix and suffix left alone); none if equal. */
export function diffEdits(before: string, after: string | undefined): OffsetEdit[] {
  if (after === undefined || after === before) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [{ offset: start, length: before.length - start - end, content: after.slice(start, after.length - end) }];
}

/** Applies offset edits (non-overlapping, any order) to a text; used by tests and by callers without an editor. */
export function applyOffsetEdits(text: string, edits: OffsetEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((result, edit) => result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length), text);
}
