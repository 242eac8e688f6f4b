/**
 * Which documents are served by the validation worker, and the one way the server runs a feature on them. A
 * large document (over the size below, per language) is validated, and its parse-reading requests answered, in
 * the worker (workerClient.ts, validationWorker.ts), so the main thread never parses it and stays free for the
 * other documents. Everything else runs here, synchronously, as before; the worker starts on the first large
 * document, so a session without one costs nothing more.
 *
 * The sizes come from measuring the pipeline in process on the benchmark's fixtures (warm, a first validation of
 * a new text, before language/values/ip.ts stopped parsing each CIDR three times, which made JSON cheaper): JSON costs about 85 ms per MB (279 KB: 24 ms, 984 KB: 81 ms), YAML about 450 ms per MB (101 KB:
 * 43 ms, 717 KB: 324 ms), and a fresh process is two to three times slower. Below the sizes a first validation
 * stays under ~25 ms, half the 50 ms a request on another document may wait; above them the worker's round trip
 * (well under 1 ms, plus one copy of the text per new version) is small against the validation.
 *
 * When the worker crashes twice on a call or is given up, the call runs here, with a log line; when it ran out
 * of memory or hung twice, the call fails with a log line and the document keeps its diagnostics (workerClient.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ServiceOptions, VpnLanguageService } from '../language/languageService';
import { documentKindOf, type LanguageKind } from '../language/parsing/documentKind';
import { askAgain, isViewable } from './accountView';
import { LargeTextDocument } from './largeTextDocument';
import { WorkerClient, WorkerFailure, type WorkerClientOptions } from './workerClient';
import type { WorkerOp, WorkerOptions } from './workerProtocol';

/** From this many characters a document goes to the worker. */
export const WORKER_THRESHOLD: Readonly<Record<LanguageKind, number>> = { json: 256 * 1024, yaml: 64 * 1024 };

/** The worker bundle beside the server bundle (dist/validationWorker.js, built by scripts/build.mjs). */
export const WORKER_SCRIPT = join(__dirname, 'validationWorker.js');

/** A feature's result and the version of the document it was computed on. */
export interface Computed<T> {
  value: T;
  version: number;
}

export class LargeDocuments {
  private client: WorkerClient | undefined;
  /** The worker bundle was not found (logged once; not looked for again). */
  private missing = false;

  constructor(
    private readonly service: VpnLanguageService,
    private readonly options: WorkerClientOptions & { script?: string; thresholds?: Record<LanguageKind, number> },
  ) {}

  /** Whether the document is served by the worker (it is large, and the worker can run). */
  isLarge(doc: TextDocument): boolean {
    const threshold = (this.options.thresholds ?? WORKER_THRESHOLD)[documentKindOf(doc) ?? 'json'];
    const length = doc instanceof LargeTextDocument ? doc.length : doc.getText().length;
    return length >= threshold && this.workerClient() !== undefined;
  }

  /** The diagnostics of a document: computed here at once, or a promise of the worker's (undefined: superseded). */
  validate(doc: TextDocument, options: ServiceOptions): Diagnostic[] | Promise<Computed<Diagnostic[]> | undefined> {
    return this.run('validate', doc, options, [], () => this.service.validate(doc, options));
  }

  /**
   * A request's answer: `local` here for a small document, else the worker's (`fallback` when it was cancelled
   * while waiting). `args` are what the worker's service method takes after the document.
   */
  request<T>(
    op: Exclude<WorkerOp, 'validate'>,
    doc: TextDocument,
    options: ServiceOptions,
    args: unknown[],
    local: () => T,
    fallback: T,
    cancelled?: () => boolean,
  ): T | Promise<T> {
    const answer = this.run(op, doc, options, args, local, cancelled);
    return answer instanceof Promise ? answer.then((computed) => (computed ? computed.value : fallback)) : answer;
  }

  /** Drops what the worker holds of a closed document. */
  forget(uri: string): void {
    this.client?.forget(uri);
  }

  private run<T>(
    op: WorkerOp,
    doc: TextDocument,
    options: ServiceOptions,
    args: unknown[],
    local: () => T,
    cancelled?: () => boolean,
  ): T | Promise<Computed<T> | undefined> {
    const client = this.isLarge(doc) ? this.client : undefined;
    // An account this thread cannot describe as data (none in the server today) keeps the feature here.
    if (!client?.available || (options.account && !isViewable(options.account))) return local();
    const { account: live, ...plain } = options;
    const account = isViewable(live) ? live : undefined;
    const sent: WorkerOptions = account ? { ...plain, account: account.view() } : plain;
    return client.call(op, doc, args, sent, cancelled).then(
      (answer) => {
        if (!answer) return undefined;
        if (account) askAgain(account, answer.asked);
        return { value: answer.result as T, version: answer.version };
      },
      (error: unknown) => {
        if (!(error instanceof WorkerFailure)) throw error;
        if (!error.mainThreadMayRun)
          throw new Error(`${op} of ${doc.uri} failed twice in the validation worker: ${error.message}`);
        this.options.log(
          `${op} of ${doc.uri} runs on the main thread: the validation worker failed (${error.message})`,
        );
        return { value: local(), version: doc.version };
      },
    );
  }

  /** The worker client, made on first use; undefined when the worker bundle is missing (logged once). */
  private workerClient(): WorkerClient | undefined {
    if (this.client || this.missing) return this.client;
    const script = this.options.script ?? WORKER_SCRIPT;
    if (!existsSync(script)) {
      this.options.log(`no validation worker at ${script}: large documents are validated on the main thread`);
      this.missing = true;
      return undefined;
    }
    return (this.client = new WorkerClient(script, this.options));
  }
}
