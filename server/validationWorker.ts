/**
 * The validation worker (`dist/validationWorker.js`): a worker thread of the language server that runs the same
 * language service (language/languageService.ts, the one pipeline) for the large documents, so that validating
 * one of them never holds up the requests of the others on the main thread (largeDocuments.ts decides which go
 * here, workerClient.ts starts, feeds and restarts this thread). It keeps its own copy of each document it was
 * sent and its own parse cache, so an edit of a large file reuses the unchanged blocks here as it would there.
 * Messages: workerProtocol.ts.
 */
import { parentPort } from 'node:worker_threads';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type ServiceOptions } from '../language/languageService';
import { viewedAccount, type AccountQuestions, type AccountView } from './accountView';
import { LargeTextDocument } from './largeTextDocument';
import type { FromWorker, ToWorker, WorkerDocument, WorkerOptions } from './workerProtocol';

const service = createLanguageService();
const documents = new Map<string, LargeTextDocument>();

/**
 * The worker's copy of the document at the version the call names: made from the text, or brought up to date by
 * the changes since the version it holds (a large document's keystroke sends one change, not 5 MB).
 */
function documentOf(sent: WorkerDocument): TextDocument {
  const known = documents.get(sent.uri);
  if (sent.text !== undefined) {
    const doc = new LargeTextDocument(sent.uri, sent.languageId, sent.version, sent.text);
    documents.set(sent.uri, doc);
    return doc;
  }
  if (known && sent.edits && known.version === sent.edits.from) known.update(sent.edits.changes, sent.version);
  if (!known || known.version !== sent.version) throw new Error(`worker has no text of ${sent.uri}@${sent.version}`);
  return known;
}

/** The last account view the main thread sent: a call marked `accountUnchanged` uses it. */
let heldAccount: AccountView | undefined;

function serviceOptions(options: WorkerOptions): { options: ServiceOptions; asked?: AccountQuestions } {
  const { account: sent, accountUnchanged, ...plain } = options;
  if (sent) heldAccount = sent;
  const view = sent ?? (accountUnchanged ? heldAccount : undefined);
  if (!view) return { options: plain };
  const account = viewedAccount(view);
  return { options: { ...plain, account: account.resources }, asked: account.asked };
}

/** Runs one call's feature; the arguments are what the handler got (a position, formatting options). */
function run(message: Extract<ToWorker, { kind: 'call' }>): FromWorker {
  const doc = documentOf(message.doc);
  const { options, asked } = serviceOptions(message.options);
  const [first, second] = message.args as [never, never];
  const result = {
    validate: () => service.validate(doc, options),
    hover: () => service.hover(doc, first, options),
    complete: () => service.complete(doc, first, options),
    documentSymbols: () => service.documentSymbols(doc),
    foldingRanges: () => service.foldingRanges(doc),
    format: () => service.format(doc, first),
    codeActions: () => service.codeActions(doc, first, second, options),
  }[message.op]();
  return { kind: 'result', id: message.id, result, asked };
}

parentPort?.on('message', (message: ToWorker) => {
  if (message.kind === 'forget') {
    documents.delete(message.uri);
    service.forget(message.uri);
    return;
  }
  let answer: FromWorker;
  try {
    answer = run(message);
  } catch (error) {
    answer = {
      kind: 'error',
      id: message.id,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  parentPort?.postMessage(answer);
  // After a validation, the tree a first open skipped (jsonFast.ts) is built while nothing else is asked, so the
  // first keystroke reuses it as every later one does.
  if (message.kind === 'call' && message.op === 'validate' && answer.kind === 'result')
    setImmediate(() => prepare(message.doc.uri, message.doc.version));
});

/** Does what the last validation of a document left for later, if it is still at that version. */
function prepare(uri: string, version: number): void {
  const doc = documents.get(uri);
  try {
    if (doc?.version === version) service.prepare(doc);
  } catch {
    // The next call on this document parses it again, and reports what fails then.
  }
}
