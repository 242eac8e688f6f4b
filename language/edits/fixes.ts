/**
 * Turns a SemanticFix (an edit described by meaning: set, rename, remove, add) into LSP text edits for the
 * document's language. JSON goes through jsonc-parser's `modify` with the file's own indentation; YAML edits
 * the text at the node ranges of the `yaml` library's parse, so comments and layout elsewhere are untouched.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { jsonFixText } from './fixesJson';
import { yamlFixEdits } from './fixesYaml';
import { diffEdits } from './offsetEdit';
import type { SemanticFix } from '../types';

/**
 * The text edits that apply `fix` to `text`; empty when the fix no longer fits the text (the user edited the
 * spot since the diagnostic was computed). `documentIndex` picks the document of a YAML `---` stream.
 */
export function textEditsFor(
  text: string,
  languageKind: 'json' | 'yaml',
  fix: SemanticFix,
  documentIndex = 0,
): TextEdit[] {
  const edits =
    languageKind === 'json' ? diffEdits(text, jsonFixText(text, fix)) : yamlFixEdits(text, fix, documentIndex);
  const document = TextDocument.create('file:///fix', languageKind, 0, text);
  return edits.map((edit) => ({
    range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) },
    newText: edit.content,
  }));
}
