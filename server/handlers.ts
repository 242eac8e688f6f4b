/**
 * The request handlers: each looks the document up, checks it is ours, and asks the language service. All of
 * them are guarded (guard.ts): an exception is logged and answered with an empty result.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceOptions, VpnLanguageService } from '../language/languageService';
import { guarded } from './guard';
import type { ServerState } from './serverState';

export function registerHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: VpnLanguageService,
  state: ServerState,
): void {
  const logger = { error: (message: string) => connection.console.error(message) };
  /** The open document and its options, or undefined when it is unknown or not a VPN connection file. */
  const target = (uri: string): { doc: TextDocument; options: ServiceOptions } | undefined => {
    const doc = documents.get(uri);
    const options = doc && state.optionsFor(doc);
    return doc && options ? { doc, options } : undefined;
  };

  connection.onCompletion(
    guarded('completion', logger, null, (params) => {
      const found = target(params.textDocument.uri);
      return found ? service.complete(found.doc, params.position, found.options) : null;
    }),
  );
  connection.onHover(
    guarded('hover', logger, null, (params) => {
      const found = target(params.textDocument.uri);
      return found ? service.hover(found.doc, params.position, found.options) : null;
    }),
  );
  connection.onDocumentSymbol(
    guarded('documentSymbol', logger, [], (params) => {
      const found = target(params.textDocument.uri);
      return found ? service.documentSymbols(found.doc) : [];
    }),
  );
  connection.onFoldingRanges(
    guarded('foldingRange', logger, [], (params) => {
      const found = target(params.textDocument.uri);
      return found ? service.foldingRanges(found.doc) : [];
    }),
  );
  connection.onDocumentFormatting(
    guarded('formatting', logger, [], (params) => {
      const found = target(params.textDocument.uri);
      return found ? service.format(found.doc, params.options) : [];
    }),
  );
  connection.onCodeAction(
    guarded('codeAction', logger, [], (params) => {
      const found = target(params.textDocument.uri);
      return found ? service.codeActions(found.doc, params.range, params.context.diagnostics, found.options) : [];
    }),
  );
}
