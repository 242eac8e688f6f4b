/**
 * The language server: `node dist/server.js --stdio`. A thin layer over the pure language service: it keeps the
 * open documents, the user's settings and the client's locale, and answers each request through a guarded
 * handler (see handlers.ts), so no single bad document or bug can stop the server.
 *
 * It never goes deaf (issue 14): stdin is read by a strict reader (transport.ts), so a stream it cannot frame ends
 * the process with one line on stderr and FRAMING_EXIT_CODE, and the client's crash handling restarts it; a body
 * that is not JSON is answered with a parse error and the server reads on. Diagnostics are background work that
 * waits until no input is queued (diagnosticsPublisher.ts, inputActivity.ts), so requests go first. Large
 * documents are validated, and their requests answered, in a worker thread (largeDocuments.ts), so one of them
 * never holds up the others (issue 15).
 */
import { writeSync } from 'node:fs';
import {
  createConnection,
  StreamMessageWriter,
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
import { InputActivity } from './inputActivity';
import { LargeDocuments, PIECES_FROM } from './largeDocuments';
import { LargeTextDocument } from './largeTextDocument';
import { FRAMING_EXIT_CODE, FramedMessageReader, FramingError, routeConsole } from './transport';

const SERVER_NAME = 'tencentcloud-vpn-language-server';
/** The longest the end of stdin waits for the messages read before it to be handled, in ms. */
const DRAIN_ON_CLOSE_MS = 2000;
const input = new InputActivity();
const connection = stdioRequested()
  ? stdioConnection()
  : createConnection(ProposedFeatures.all, { messageStrategy: input.strategy });
// A *.vpnconn.* file is ours whatever language id the client sends (Neovim, Helix and Emacs send json, yaml,
// plaintext…): it is kept under the language its name implies, so every reader of the id agrees on the syntax.
// A large document is kept in pieces (largeTextDocument.ts): a keystroke in a 5 MB file does not copy 5 MB.
const documents = new TextDocuments<TextDocument>({
  create: (uri, languageId, version, content) =>
    content.length >= PIECES_FROM
      ? new LargeTextDocument(uri, effectiveLanguageId(uri, languageId), version, content)
      : TextDocument.create(uri, effectiveLanguageId(uri, languageId), version, content),
  update: (document, changes, version) => {
    if (!(document instanceof LargeTextDocument)) return TextDocument.update(document, changes, version);
    document.update(changes, version);
    return document;
  },
});
const service = createLanguageService();
const state = new ServerState(connection);
// Large documents are validated, and their parse-reading requests answered, in a worker thread started on the
// first one (largeDocuments.ts): a 5 MB file never holds up a hover on another.
const large = new LargeDocuments(service, { log: (message) => connection.console.log(message) });
const publisher = new DiagnosticsPublisher(
  connection,
  documents,
  service,
  (doc) => state.optionsFor(doc),
  input,
  (doc, options) => large.validate(doc, options),
);

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
    serverInfo: { name: SERVER_NAME, version: '0.1.0' },
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
  large.forget(event.document.uri);
  publisher.clear(event.document.uri);
});

registerHandlers(connection, documents, service, state, large);
documents.listen(connection);
connection.listen();

/** `--stdio`, or no transport named at all (the library's own `--node-ipc`, `--socket` and `--pipe` still work). */
function stdioRequested(): boolean {
  return !process.argv.slice(2).some((arg) => /^--(node-ipc|socket|pipe)(=|$)/.test(arg));
}

/**
 * The connection over stdin/stdout with the strict reader. The library sets up none of its stdio behaviour for a
 * reader it did not make, so this does: console output goes to the client's log, and the end of stdin ends the
 * process (0 after shutdown, 1 without, as the library does), once the messages read before it are handled.
 */
function stdioConnection() {
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new FramedMessageReader(process.stdin, {
    answer: (response) => void writer.write(response).catch(() => undefined),
    log: (message) => connection.console.error(message),
    onMessage: () => input.arrived(),
  });
  let shutdownReceived = false;
  reader.onError((error) => {
    // One line on stderr, written synchronously: stdout may be the very stream that broke, and nothing may be
    // left pending when the process exits.
    try {
      const what = error instanceof FramingError ? 'framing error on stdin' : 'cannot read stdin';
      writeSync(2, `${SERVER_NAME}: ${what}: ${error.message}; exiting with code ${FRAMING_EXIT_CODE}\n`);
    } finally {
      process.exit(FRAMING_EXIT_CODE);
    }
  });
  // The messages read before the end are still handled (a shutdown sent just before closing stdin counts).
  reader.onClose(() => input.whenDrained(() => process.exit(shutdownReceived ? 0 : 1), DRAIN_ON_CLOSE_MS));
  const created = createConnection(ProposedFeatures.all, reader, writer, { messageStrategy: input.strategy });
  created.onShutdown(() => {
    shutdownReceived = true;
  });
  routeConsole(created.console);
  return created;
}
