/**
 * The request handlers: each looks the document up, checks it is ours, and asks the language service — on this
 * thread, or in the validation worker for a large document (largeDocuments.ts), whose answer comes as a promise.
 * All of them are guarded (guard.ts): an exception is logged and answered with an empty result.
 */
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceOptions, VpnLanguageService } from '../language/languageService';
import { guarded } from './guard';
import type { LargeDocuments } from './largeDocuments';
import type { ServerState } from './serverState';

export function registerHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: VpnLanguageService,
  state: ServerState,
  large?: LargeDocuments,
): void {
  const logger = { error: (message: string) => connection.console.error(message) };
  /** The open document and its options, or undefined when it is unknown or not a VPN connection file. */
  const target = (uri: string): { doc: TextDocument; options: ServiceOptions } | undefined => {
    const doc = documents.get(uri);
    const options = doc && state.optionsFor(doc);
    return doc && options ? { doc, options } : undefined;
  };
  /** A feature that reads the parse or the whole text: in the worker for a large document, else here. */
  const parsed = <T>(
    op: 'hover' | 'complete' | 'documentSymbols' | 'foldingRanges' | 'format' | 'codeActions',
    found: { doc: TextDocument; options: ServiceOptions },
    args: unknown[],
    local: () => T,
    fallback: T,
    token?: CancellationToken,
  ): T | Promise<T> =>
    large
      ? large.request(op, found.doc, found.options, args, local, fallback, () => !!token?.isCancellationRequested)
      : local();

  connection.onCompletion(
    guarded('completion', logger, null, (params, token) => {
      const found = target(params.textDocument.uri);
      if (!found) return null;
      const local = () => service.complete(found.doc, params.position, found.options);
      return parsed('complete', found, [params.position], local, null, token);
    }),
  );
  connection.onHover(
    guarded('hover', logger, null, (params, token) => {
      const found = target(params.textDocument.uri);
      if (!found) return null;
      const local = () => service.hover(found.doc, params.position, found.options);
      return parsed('hover', found, [params.position], local, null, token);
    }),
  );
  connection.onDocumentSymbol(
    guarded('documentSymbol', logger, [], (params, token) => {
      const found = target(params.textDocument.uri);
      return found ? parsed('documentSymbols', found, [], () => service.documentSymbols(found.doc), [], token) : [];
    }),
  );
  connection.onFoldingRanges(
    guarded('foldingRange', logger, [], (params, token) => {
      const found = target(params.textDocument.uri);
      return found ? parsed('foldingRanges', found, [], () => service.foldingRanges(found.doc), [], token) : [];
    }),
  );
  connection.onDocumentFormatting(
    guarded('formatting', logger, [], (params, token) => {
      const found = target(params.textDocument.uri);
      if (!found) return [];
      return parsed('format', found, [params.options], () => service.format(found.doc, params.options), [], token);
    }),
  );
  // A quick fix computes its edit against the whole text (and YAML's "disable for this line" splits it into
  // lines): on a large document that is the worker's work too.
  connection.onCodeAction(
    guarded('codeAction', logger, [], (params, token) => {
      const found = target(params.textDocument.uri);
      if (!found) return [];
      const { range, context } = params;
      const local = () => service.codeActions(found.doc, range, context.diagnostics, found.options);
      return parsed('codeActions', found, [range, context.diagnostics], local, [], token);
    }),
  );
}
