/**
 * The language server: `node dist/server.js --stdio`. A thin layer over the pure language service: it keeps the
 * open documents, the user's settings and the client's locale, and answers each request through a guarded
 * handler (see handlers.ts), so no single bad document or bug can stop the server.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LocateResourceRequest, ResourcesChangedNotification, ResourcesRequest } from '../protocol/messages';
import { SETTINGS_SECTION } from '../protocol/settings';
import { effectiveLanguageId } from '../language/parsing/documentKind';
import { createLanguageService } from '../language/languageService';
import { AccountLookup } from './accountLookup';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { registerHandlers } from './handlers';
import { ServerState } from './serverState';
import { describe, guardedNotification } from './guard';

const connection = createConnection(ProposedFeatures.all);
// A *.vpnconn.* file is ours whatever language id the client sends (Neovim, Helix and Emacs send json, yaml,
// plaintext…): it is kept under the language its name implies, so every reader of the id agrees on the syntax.
const documents = new TextDocuments<TextDocument>({
  create: (uri, languageId, version, content) =>
    TextDocument.create(uri, effectiveLanguageId(uri, languageId), version, content),
  update: (document, changes, version) => TextDocument.update(document, changes, version),
});
const service = createLanguageService();
const state = new ServerState(connection);
const publisher = new DiagnosticsPublisher(connection, documents, service, (doc) => state.optionsFor(doc));

// A bug in a callback outside a handler must not end the process: log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${describe(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`unhandled rejection: ${describe(error)}`));

connection.onInitialize((params: InitializeParams): InitializeResult => {
  state.initialize(params);
  if (state.clientAnswersAccount) {
    // The server never calls the cloud itself: it asks the client, in the background (protocol/messages.ts).
    const lookup = new AccountLookup(
      {
        resources: (request, token) => connection.sendRequest(ResourcesRequest.type, request, token),
        locate: (request, token) => connection.sendRequest(LocateResourceRequest.type, request, token),
      },
      { onChange: () => publisher.scheduleAll(), log: (message) => connection.console.log(message) },
    );
    state.account = lookup;
    connection.onNotification(
      ResourcesChangedNotification.type,
      guardedNotification<void>('resourcesChanged', connection.console, () => {
        lookup.invalidate();
        publisher.scheduleAll();
      }),
    );
  }
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['"', ':', ' '], resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'tencentcloud-vpn-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (!state.canPullConfiguration) return;
  void connection.client
    .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
    .catch(() => undefined);
  if (await state.pullConfiguration()) publisher.scheduleAll();
});

connection.onDidChangeConfiguration(async (change) => {
  try {
    await state.configurationChanged(change.settings);
    publisher.scheduleAll();
  } catch (error) {
    connection.console.error(`settings update failed: ${describe(error)}`);
  }
});

documents.onDidOpen((event) => publisher.schedule(event.document.uri));
documents.onDidChangeContent((event) => publisher.schedule(event.document.uri));
documents.onDidClose((event) => {
  service.forget(event.document.uri);
  publisher.clear(event.document.uri);
});

registerHandlers(connection, documents, service, state);
documents.listen(connection);
connection.listen();
