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
 * of memory or hung twice (workerClient.ts), the document shows one `not-validated` notice instead of its
 * diagnostics, a request on it has no answer, and it is not sent again until it is a tenth shorter or reopened.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../language/features/diagnostics';
import type { ServiceOptions, VpnLanguageService } from '../language/languageService';
import { documentKindOf, type LanguageKind } from '../language/parsing/documentKind';
import { askAgain, isViewable } from './accountView';
import { LargeTextDocument } from './largeTextDocument';
import { WorkerClient, WorkerFailure, type WorkerClientOptions } from './workerClient';
import type { WorkerOp, WorkerOptions } from './workerProtocol';

/** From this many characters a document goes to the worker. */
export const WORKER_THRESHOLD: Readonly<Record<LanguageKind, number>> = { json: 256 * 1024, yaml: 64 * 1024 };

/**
 * From this many characters an opened document is kept in pieces (largeTextDocument.ts), which also keep the
 * changes the worker is sent instead of the whole text: from the smallest size the worker serves, so a YAML file
 * of 64–256 KiB is not copied whole to the worker on every keystroke. Below it the library's document is as fast.
 */
export const PIECES_FROM = Math.min(WORKER_THRESHOLD.json, WORKER_THRESHOLD.yaml);

/** The worker bundle beside the server bundle (dist/validationWorker.js, built by scripts/build.mjs). */
export const WORKER_SCRIPT = join(__dirname, 'validationWorker.js');

/**
 * A document whose validation exhausted the worker's heap or hung, twice, is not sent again until its text is
 * this much shorter (or it is closed and opened again): each attempt costs seconds and a worker restart, and the
 * same text would fail the same way on every keystroke.
 */
const RETRY_WHEN_SHORTER = 0.9;

/** What a document that is not validated any more shows instead of its diagnostics. */
/** How a validation that was given up failed, in the user's words. */
type GivenUp = 'memory' | 'hang';
const GIVEN_UP: Record<GivenUp, { en: string; zh: string }> = {
  memory: { en: 'ran out of memory', zh: '耗尽内存' },
  hang: { en: 'did not finish in time', zh: '未在限定时间内完成' },
};

function notValidated(lang: 'en' | 'zh', how: GivenUp): Diagnostic {
  const message = {
    en: `This file was not validated: its validation ${GIVEN_UP[how].en}, twice. It is tried again when the file is a tenth shorter or reopened.`,
    zh: `此文件未校验：校验${GIVEN_UP[how].zh}（两次）。文件缩短十分之一或重新打开后会再次校验。`,
  };
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: 2,
    source: DIAGNOSTIC_SOURCE,
    code: 'not-validated',
    message: message[lang],
    data: { ruleId: 'not-validated', fixes: [], documentIndex: 0 },
  };
}

const lengthOf = (doc: TextDocument): number => (doc instanceof LargeTextDocument ? doc.length : doc.getText().length);

/** A feature's result and the version of the document it was computed on. */
export interface Computed<T> {
  value: T;
  version: number;
}

export class LargeDocuments {
  private client: WorkerClient | undefined;
  /** The worker bundle was not found (logged once; not looked for again). */
  private missing = false;
  /** Documents whose validation exhausted the worker or hung twice: the length that failed, and how. */
  private readonly failedAt = new Map<string, { length: number; how: GivenUp }>();

  constructor(
    private readonly service: VpnLanguageService,
    private readonly options: WorkerClientOptions & { script?: string; thresholds?: Record<LanguageKind, number> },
  ) {}

  /** Whether the document is served by the worker (it is large, and the worker can run). */
  isLarge(doc: TextDocument): boolean {
    const threshold = (this.options.thresholds ?? WORKER_THRESHOLD)[documentKindOf(doc) ?? 'json'];
    return lengthOf(doc) >= threshold && this.workerClient() !== undefined;
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

  /** Drops what the worker holds of a closed document (a failed one is tried again once reopened). */
  forget(uri: string): void {
    this.failedAt.delete(uri);
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
    const failed = this.failedAt.get(doc.uri);
    if (failed && lengthOf(doc) > failed.length * RETRY_WHEN_SHORTER) return this.notRun(op, doc, options, failed.how);
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
        if (!error.mainThreadMayRun) return this.gaveUpOn(op, doc, options, error);
        this.options.log(
          `${op} of ${doc.uri} runs on the main thread: the validation worker failed (${error.message})`,
        );
        return { value: local(), version: doc.version };
      },
    );
  }

  /**
   * A call that exhausted the worker or hung twice: the document is remembered (not tried again at this size),
   * its validation answered with one notice, a request failed as before.
   */
  private gaveUpOn<T>(op: WorkerOp, doc: TextDocument, options: ServiceOptions, error: WorkerFailure) {
    const how: GivenUp = error.kind === 'memory' ? 'memory' : 'hang';
    this.failedAt.set(doc.uri, { length: lengthOf(doc), how });
    this.options.log(
      `${op} of ${doc.uri} failed twice in the validation worker (${error.message}): not tried again until the file is smaller or reopened`,
    );
    if (op !== 'validate')
      throw new Error(`${op} of ${doc.uri} failed twice in the validation worker: ${error.message}`);
    return { value: [notValidated(options.lang, how)] as T, version: doc.version };
  }

  /** A call on a remembered document: its validation is the notice again; a request has no answer. */
  private notRun<T>(op: WorkerOp, doc: TextDocument, options: ServiceOptions, how: GivenUp) {
    const computed = { value: [notValidated(options.lang, how)] as T, version: doc.version };
    return Promise.resolve(op === 'validate' ? computed : undefined);
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
