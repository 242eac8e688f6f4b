/**
 * What the server's main thread and its validation worker (validationWorker.ts) say to each other over the
 * worker's port: one call at a time, each naming a feature of the language service, the document (its text, or
 * the changes since the version the worker holds, or nothing new) and the options the feature needs, with the account as plain data.
 * The answer carries the result and the account questions the feature asked, which the main thread asks again of
 * the real lookup (only the main thread talks to the client).
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { ServiceOptions } from '../language/languageService';
import type { AccountView, AccountQuestions } from './accountView';

/** The features that may run in the worker: those that read the document's parse. */
export type WorkerOp =
  'validate' | 'hover' | 'complete' | 'documentSymbols' | 'foldingRanges' | 'format' | 'codeActions';

/**
 * The document a call is about: its whole `text`, or the `changes` that lead from the version the worker holds
 * (`from`) to this one, or neither when the worker already holds this version.
 */
export interface WorkerDocument {
  uri: string;
  languageId: string;
  version: number;
  text?: string;
  edits?: { from: number; changes: TextDocumentContentChangeEvent[] };
}

/**
 * The service options, with the account as plain data (a view of what the main thread's lookup holds); every
 * other option is plain data already and crosses as it is.
 */
export type WorkerOptions = Omit<ServiceOptions, 'account'> & {
  account?: AccountView;
  /** The account is the view the worker was sent last (not copied again). */
  accountUnchanged?: true;
};

/** Main thread → worker. */
export type ToWorker =
  | { kind: 'call'; id: number; op: WorkerOp; doc: WorkerDocument; args: unknown[]; options: WorkerOptions }
  | { kind: 'forget'; uri: string };

/** Worker → main thread: the answer to call `id`. */
export type FromWorker =
  | { kind: 'result'; id: number; result: unknown; asked?: AccountQuestions }
  | { kind: 'error'; id: number; message: string };
