/**
 * Formatting that keeps comments: jsonc-parser's formatter for JSON (minimal edits), the `yaml` library's
 * printer for YAML (one edit for the whole text). A YAML file with errors is left alone rather than damaged.
 */
import { format as formatJsonText } from 'jsonc-parser';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageKind } from '../parsing/documentKind';
import { yamlDocuments } from '../parsing/yamlDocuments';

/** Text edits that format the whole document. */
export function formatDocument(doc: TextDocument, kind: LanguageKind, options: FormattingOptions): TextEdit[] {
  const text = doc.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (kind === 'json') {
    const edits = formatJsonText(text, undefined, {
      tabSize: options.tabSize,
      insertSpaces: options.insertSpaces,
      eol,
      insertFinalNewline: options.insertFinalNewline ?? false,
    });
    return edits.map((edit) => ({
      range: { start: doc.positionAt(edit.offset), end: doc.positionAt(edit.offset + edit.length) },
      newText: edit.content,
    }));
  }
  const formatted = formatYaml(text, options.tabSize, eol);
  if (formatted === undefined || formatted === text) return [];
  return [{ range: { start: doc.positionAt(0), end: doc.positionAt(text.length) }, newText: formatted }];
}

/** The YAML text reprinted with the given indentation (YAML forbids tabs, so always spaces), or undefined. */
function formatYaml(text: string, indent: number, eol: string): string | undefined {
  // The same parse the diagnostics read for this version (cached by text), not a second one.
  const docs = yamlDocuments(text);
  if (docs.length === 0 || docs.some((doc) => doc.errors.length)) return undefined;
  try {
    const printed = docs.map((doc) => doc.toString({ indent: Math.max(1, indent), lineWidth: 0 })).join('');
    return eol === '\n' ? printed : printed.replace(/\n/g, eol);
  } catch {
    // The printer throws on what the parser lets through, such as an alias used before its anchor: leave it alone.
    return undefined;
  }
}
