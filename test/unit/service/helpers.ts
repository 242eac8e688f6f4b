import * as assert from 'node:assert/strict';
/**
 * Test helpers: documents from inline text, with `|` marking the cursor, in either language.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { createLanguageService, type ServiceOptions } from '../../../language/languageService';

export type Kind = 'json' | 'yaml';
export const EN: ServiceOptions = { lang: 'en', disabledRules: [] };
export const ZH: ServiceOptions = { lang: 'zh', disabledRules: [] };
export const service = createLanguageService();

let version = 0;

/** A document of our language for the given syntax. */
export function makeDoc(
  kind: Kind,
  text: string,
  languageId = `tencentcloud-vpn-${kind}`,
  uri = `file:///test/doc.vpnconn.${kind}`,
): TextDocument {
  return TextDocument.create(uri, languageId, ++version, text);
}

/** A document and the position of the `|` marker, which is removed from the text. */
export function docAtCursor(kind: Kind, marked: string): { doc: TextDocument; position: Position; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in fixture');
  const doc = makeDoc(kind, marked.slice(0, offset) + marked.slice(offset + 1));
  return { doc, position: doc.positionAt(offset), offset };
}

/** The text a diagnostic underlines. */
export function underlined(doc: TextDocument, diagnostic: Diagnostic): string {
  return doc.getText(diagnostic.range);
}

/** The diagnostics with a given code. */
export function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/**
 * Checks that a fast path and its reference give deep-equal answers at every `step`-th offset of a text (the
 * completion-context shortcuts against the full reading), and that enough offsets were compared.
 */
export function assertAgreeAtOffsets(
  name: string,
  text: string,
  step: number,
  fast: (offset: number) => unknown,
  reference: (offset: number) => unknown,
): void {
  let compared = 0;
  for (let offset = 0; offset <= text.length; offset += step) {
    assert.deepEqual(fast(offset), reference(offset), `${name} at offset ${offset}`);
    compared++;
  }
  assert.ok(compared >= Math.min(50, text.length / step), `only ${compared} offsets of ${name} compared`);
}
