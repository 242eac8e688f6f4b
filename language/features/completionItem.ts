/**
 * The request every completion item builder receives, and the one way items are made: a snippet that replaces
 * the span under the cursor, inserted as is (the text already carries the right indentation).
 */
import { InsertTextFormat, InsertTextMode, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../types';
import type { CompletionContext } from './completionContext';
import type { JsonSchema } from '../schema/schemaLookup';

/** Everything an item builder needs about the request. */
export interface ItemContext {
  doc: TextDocument;
  kind: 'json' | 'yaml';
  context: CompletionContext;
  root: JsonSchema;
  lang: Lang;
  unit: string;
}

/** A snippet item that replaces the context's span. */
export function snippetItem(
  request: ItemContext,
  label: string,
  newText: string,
  extra: Partial<CompletionItem>,
): CompletionItem {
  const { doc, context } = request;
  const range = { start: doc.positionAt(context.replaceStart), end: doc.positionAt(context.replaceEnd) };
  const additionalTextEdits: TextEdit[] | undefined =
    context.commaAt !== undefined
      ? [{ range: { start: doc.positionAt(context.commaAt), end: doc.positionAt(context.commaAt) }, newText: ',' }]
      : undefined;
  return {
    label,
    textEdit: { range, newText },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    additionalTextEdits,
    ...extra,
  };
}
