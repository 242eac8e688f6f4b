/**
 * The main thread's side of the validation worker (validationWorker.ts): starts it on first use, sends it one call
 * at a time, and keeps the server whole when it fails.
 *
 * - Requests go before validations, and a validation of a document waiting to be sent is replaced by a newer
 *   one (the older is answered `undefined`: superseded). A validation already running for an older version is
 *   left to finish (its answer is dropped by the caller) unless it runs on for `staleRestartMs`: then the worker
 *   is terminated and started again, since a synchronous parse cannot be interrupted any other way.
 * - A worker that crashes, exits or does not answer within `hangMs` is terminated; the call it was running is
 *   tried once more in a fresh worker, then rejected with a WorkerFailure. After a crash the caller runs the call
 *   on the main thread (the worker, not the document, may be at fault); after the heap ran out or a hang it does
 *   not (the same work would end or freeze the whole server), and the document keeps its last diagnostics.
 *   After `maxFailures` crashes in a row the worker is given up for good: every call is rejected at once.
 * Each failure is one log line. The worker thread is unref'd: it never keeps the process alive on its own.
 */
import { performance } from 'node:perf_hooks';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { sameView, type AccountQuestions, type AccountView } from './accountView';
import { LargeTextDocument } from './largeTextDocument';
import type { FromWorker, WorkerOp, WorkerOptions } from './workerProtocol';

/**
 * The worker's young generation is kept at 8 MB: a large document's validation makes mostly short-lived garbage,
 * and a smaller young generation hands it back sooner. Measured with the worker alone (load average 2–3): on the
 * 1 MB JSON file peak RSS 151–152 MB with V8's default and 133–134 MB with this, first validation 241–253 against
 * 231–239 ms, edits 20–21 against 21–23 ms; on the 100,000-key hostile file 747–829 against 603–625 MB, 2.9–3.1 s
 * either way.
 */
const DEFAULT_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

/** A call the worker could not run (it failed, twice, or it was given up). */
export class WorkerFailure extends Error {
  constructor(
    message: string,
    /** How it failed ('crash' also when the worker was given up). */
    readonly kind: FailureKind = 'crash',
  ) {
    super(message);
  }

  /** False when the same work would end or freeze the main thread: it ran out of memory, or hung. */
  get mainThreadMayRun(): boolean {
    return this.kind === 'crash';
  }
}

/** How the worker failed: crashes count towards giving it up; the others are the document's doing. */
export type FailureKind = 'crash' | 'memory' | 'hang';

/** A worker's answer, and the document version it was computed on. */
export interface WorkerAnswer {
  result: unknown;
  version: number;
  asked?: AccountQuestions;
}

export interface WorkerClientOptions {
  log(message: string): void;
  /** A stale validation may run this long before the worker is restarted for the newer one. Default 1 s. */
  staleRestartMs?: number;
  /** A call unanswered this long counts as a hang. Default 60 s. */
  hangMs?: number;
  /** Crashes in a row after which the worker is given up. Default 3. */
  maxFailures?: number;
  /** The worker's heap limits; default: DEFAULT_LIMITS. */
  resourceLimits?: ResourceLimits;
}

interface Job {
  op: WorkerOp;
  doc: TextDocument;
  args: unknown[];
  options: WorkerOptions;
  attempts: number;
  cancelled?: () => boolean;
  resolve(answer: WorkerAnswer | undefined): void;
  reject(error: Error): void;
}

interface Running {
  job: Job;
  id: number;
  version: number;
  startedAt: number;
  stale: boolean;
  /** Whether the call carried the whole text (else the worker was to use, or update, the copy it holds). */
  withText: boolean;
  timers: NodeJS.Timeout[];
}

export class WorkerClient {
  private worker: Worker | undefined;
  /** The version of each document the current worker holds the text of. */
  private readonly sent = new Map<string, number>();
  /** The account view the current worker holds (it keeps the last one it was sent). */
  private sentAccount: AccountView | undefined;
  private readonly requests: Job[] = [];
  private readonly validations = new Map<string, Job>();
  private running: Running | undefined;
  private nextId = 1;
  private failures = 0;
  private givenUp = false;

  constructor(
    private readonly script: string,
    private readonly options: WorkerClientOptions,
  ) {}

  /** False once the worker was given up: callers then run everything on the main thread. */
  get available(): boolean {
    return !this.givenUp;
  }

  /** Whether a worker thread is running now (it starts on the first call). */
  get started(): boolean {
    return this.worker !== undefined;
  }

  /** Runs `op` on the document's current text in the worker; `undefined` when a newer validation superseded it. */
  call(op: WorkerOp, doc: TextDocument, args: unknown[], options: WorkerOptions, cancelled?: () => boolean) {
    return new Promise<WorkerAnswer | undefined>((resolve, reject) => {
      if (this.givenUp) return reject(new WorkerFailure('the validation worker was given up'));
      const job: Job = { op, doc, args, options, attempts: 0, cancelled, resolve, reject };
      if (op === 'validate') this.queueValidation(job);
      else this.requests.push(job);
      this.pump();
    });
  }

  /**
   * Drops what the worker holds of a closed document, and its queued calls (answered `undefined`): a request
   * left queued would send the closed document's whole text to the worker, which would then hold it for good.
   */
  forget(uri: string): void {
    this.validations.get(uri)?.resolve(undefined);
    this.validations.delete(uri);
    for (const job of this.requests.filter((queued) => queued.doc.uri === uri)) {
      this.requests.splice(this.requests.indexOf(job), 1);
      job.resolve(undefined);
    }
    this.sent.delete(uri);
    this.worker?.postMessage({ kind: 'forget', uri });
  }

  /** Terminates the worker and answers every waiting call `undefined`. */
  dispose(): void {
    this.givenUp = true;
    const waiting = [...this.requests.splice(0), ...this.validations.values()];
    this.validations.clear();
    if (this.running) waiting.push(this.running.job);
    this.stopRunning();
    for (const job of waiting) job.resolve(undefined);
  }

  private queueValidation(job: Job): void {
    const uri = job.doc.uri;
    this.validations.get(uri)?.resolve(undefined);
    this.validations.delete(uri);
    this.validations.set(uri, job);
    const running = this.running;
    if (running && !running.stale && running.job.op === 'validate' && running.job.doc.uri === uri) {
      running.stale = true;
      const left = Math.max(0, running.startedAt + (this.options.staleRestartMs ?? 1000) - performance.now());
      running.timers.push(setTimeout(() => this.running === running && this.abandonStale(running), left));
    }
  }

  /** The next job: requests first, then the oldest queued validation; cancelled requests are answered undefined. */
  private next(): Job | undefined {
    for (let job = this.requests.shift(); job; job = this.requests.shift()) {
      if (!job.cancelled?.()) return job;
      job.resolve(undefined);
    }
    const first = this.validations.entries().next().value;
    if (!first) return undefined;
    this.validations.delete(first[0]);
    return first[1];
  }

  private pump(): void {
    if (this.running || this.givenUp) return;
    const job = this.next();
    if (!job) return;
    const worker = this.ensureWorker();
    const { uri, languageId, version } = job.doc;
    const held = this.sent.get(uri);
    // The changes since the version the worker holds when the document kept them, else the whole text.
    const changes = held !== undefined && job.doc instanceof LargeTextDocument ? job.doc.changesSince(held) : undefined;
    const edits = held !== version && changes ? { from: held!, changes } : undefined;
    const text = held === version || edits ? undefined : job.doc.getText();
    this.sent.set(uri, version);
    const id = this.nextId++;
    job.attempts++;
    const started = performance.now();
    const running: Running = { job, id, version, startedAt: started, stale: false, withText: !!text, timers: [] };
    const hangMs = this.options.hangMs ?? 60_000;
    running.timers.push(
      setTimeout(
        () => this.running === running && this.failed(`did not answer within ${hangMs / 1000} s`, 'hang'),
        hangMs,
      ),
    );
    this.running = running;
    worker.postMessage({
      kind: 'call',
      id,
      op: job.op,
      doc: { uri, languageId, version, text, edits },
      args: job.args,
      options: this.accountOnce(job.options),
    });
  }

  /**
   * The options as sent: an account view equal to the one the worker holds is not copied to it again (a call
   * carried the whole account's snapshots, on every hover of a large document), only marked as unchanged.
   */
  private accountOnce(options: WorkerOptions): WorkerOptions {
    const view = options.account;
    if (!view) return options;
    if (this.sentAccount && sameView(view, this.sentAccount)) {
      const { account: _held, ...rest } = options;
      return { ...rest, accountUnchanged: true };
    }
    this.sentAccount = view;
    return options;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { resourceLimits: this.options.resourceLimits ?? DEFAULT_LIMITS });
    worker.unref();
    worker.on('message', (message: FromWorker) => this.worker === worker && this.answered(message));
    worker.on('error', (error: Error & { code?: string }) => {
      const kind = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash';
      if (this.worker === worker) this.failed(`crashed: ${error.message}`, kind);
    });
    worker.on('exit', (code) => this.worker === worker && this.failed(`exited with code ${code}`, 'crash'));
    return (this.worker = worker);
  }

  private answered(message: FromWorker): void {
    const running = this.running;
    if (!running || message.id !== running.id) return;
    this.clearRunning();
    this.failures = 0;
    if (message.kind === 'result')
      running.job.resolve({ result: message.result, version: running.version, asked: message.asked });
    else {
      // The text is sent whole next time. A call that relied on the worker's copy is tried once more so; else the
      // feature threw in the worker as it would have here, and the caller logs it.
      this.sent.delete(running.job.doc.uri);
      this.sentAccount = undefined;
      if (!running.withText && running.job.attempts < 2) this.putBack(running.job);
      else running.job.reject(new Error(message.message));
    }
    this.pump();
  }

  /** The worker failed: restart it, try the call it ran once more, or give the worker up. */
  private failed(reason: string, kind: FailureKind): void {
    const running = this.running;
    this.stopRunning();
    if (kind === 'crash') this.givenUp = ++this.failures >= (this.options.maxFailures ?? 3);
    const next = this.givenUp ? 'validating on the main thread from now on' : 'starting a new one';
    this.options.log(`validation worker ${reason}; ${next}`);
    if (running) this.retry(running.job, reason, kind);
    if (this.givenUp) this.rejectAll(reason);
    else this.pump();
  }

  private retry(job: Job, reason: string, kind: FailureKind): void {
    if (this.givenUp || job.attempts >= 2) return job.reject(new WorkerFailure(reason, kind));
    this.putBack(job);
  }

  /** Queues a call again, first in line (a validation only when no newer one of its document is waiting). */
  private putBack(job: Job): void {
    if (job.op !== 'validate') return void this.requests.unshift(job);
    if (this.validations.has(job.doc.uri)) return job.resolve(undefined);
    this.validations.set(job.doc.uri, job);
  }

  private rejectAll(reason: string): void {
    const waiting = [...this.requests.splice(0), ...this.validations.values()];
    this.validations.clear();
    for (const job of waiting) job.reject(new WorkerFailure(reason));
  }

  /** A stale validation ran too long while a newer one waits: restart the worker rather than wait for it. */
  private abandonStale(running: Running): void {
    this.options.log(
      `validation of ${running.job.doc.uri} (version ${running.version}) stopped after ${Math.round(performance.now() - running.startedAt)} ms: a newer version is waiting`,
    );
    this.stopRunning();
    running.job.resolve(undefined);
    this.pump();
  }

  private clearRunning(): void {
    for (const timer of this.running?.timers ?? []) clearTimeout(timer);
    this.running = undefined;
  }

  /** Clears the running call and terminates the worker (the next call starts a new one). */
  private stopRunning(): void {
    this.clearRunning();
    const worker = this.worker;
    this.worker = undefined;
    this.sent.clear();
    this.sentAccount = undefined;
    void worker?.terminate();
  }
}
