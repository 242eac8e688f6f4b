/**
 * The one poller: a single chain of setTimeout calls follows every running record, one request at a time, so
 * polls never overlap. Each record has its own due time; transient failures push it back with backoff; dispose()
 * cancels the timer and the request in flight. Records live in the history, so a poller re-created from storage
 * (a window reload, a new CLI run) resumes exactly where the last one stopped: a task is never lost. The poller
 * only schedules: each step's answer (or failure) goes to the state machine as an event (submissionRecord.ts).
 */
import { errorKindOf } from './apiError';
import { backoffDelay, BackoffOptions } from './backoff';
import type { TaskHistory } from './history';
import { LogSink, SILENT_LOG } from './log';
import { isFinished, next, recordedError, type SubmissionRecord } from './submissionRecord';
import type { VpcClient } from './tcClient';
import { pollStep } from './pollSteps';

export interface TaskPollerOptions {
  history: TaskHistory;
  /** A client for a record's region; may throw (no credentials), which counts as a transient failure. */
  clientFor(region: string): Promise<VpcClient>;
  log?: LogSink;
  /** Delay between polls of a healthy running record (ms, default 2000). */
  intervalMs?: number;
  /** Backoff after transient failures (default 1 s doubling to 60 s). */
  backoff?: BackoffOptions;
  /** Lookups that find nothing before an ambiguous create is declared "not created" (default 6). */
  maxLookups?: number;
  /** Called once when a record becomes succeeded or failed. */
  onFinished?(record: SubmissionRecord): void;
}

const DEFAULT_POLL_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 60_000, factor: 2 };

/** Follows every running record of a history until it succeeds or fails. */
export class TaskPoller {
  private readonly due = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private controller = new AbortController();
  private disposed = false;

  constructor(private readonly options: TaskPollerOptions) {}

  /** Picks up every unfinished record of the history (resuming after a reload) and starts polling. */
  start(): void {
    this.options.history.unfinished().forEach((record) => this.due.set(record.id, Date.now()));
    this.schedule();
  }

  /** Follows a record (new, or to be polled right now, e.g. "refresh"). */
  track(id: string, delayMs = 0): void {
    if (this.disposed) return;
    this.due.set(id, Date.now() + delayMs);
    this.schedule();
  }

  /** Ids the poller is following. */
  tracked(): string[] {
    return [...this.due.keys()];
  }

  /** Stops polling and aborts the request in flight; records stay as they are in the history. */
  dispose(): void {
    this.disposed = true;
    this.controller.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Arms the single timer for the earliest due record, unless a tick is running (it re-arms when done). */
  private schedule(): void {
    if (this.disposed || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.due.size) return;
    const next = Math.min(...this.due.values());
    this.timer = setTimeout(() => void this.tick(), Math.max(0, next - Date.now()));
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    try {
      const now = Date.now();
      const ready = [...this.due.entries()].filter(([, at]) => at <= now).map(([id]) => id);
      for (const id of ready) {
        if (this.disposed) return;
        await this.pollOne(id);
      }
    } finally {
      this.running = false;
      this.schedule();
    }
  }

  private async pollOne(id: string): Promise<void> {
    const record = this.options.history.get(id);
    if (!record || isFinished(record)) {
      this.due.delete(id);
      return;
    }
    const { updated, delay } = await this.advance(record);
    if (this.disposed) return;
    // The user may have removed the record while it was polled: then it is dropped, not re-added.
    if (!(await this.options.history.replace(updated))) {
      this.due.delete(id);
      return;
    }
    if (!isFinished(updated)) {
      this.due.set(id, Date.now() + delay);
      return;
    }
    this.due.delete(id);
    this.options.log?.info(`task ${updated.taskId ?? updated.id} ${updated.status}: ${updated.name}`);
    this.options.onFinished?.(updated);
  }

  /** Runs one step on `record` and hands its outcome to the state machine; returns the record and the next delay. */
  private async advance(record: SubmissionRecord): Promise<{ updated: SubmissionRecord; delay: number }> {
    const maxLookups = this.options.maxLookups ?? 6;
    try {
      const client = await this.options.clientFor(record.region);
      const updated = next(record, await pollStep(client, record, { signal: this.controller.signal, maxLookups }));
      return { updated, delay: this.delayAfterAnswer(updated) };
    } catch (thrown) {
      if (errorKindOf(thrown) === 'cancelled' || this.disposed) return { updated: record, delay: 0 };
      const error = recordedError(thrown);
      const updated = next(record, { type: 'pollFailed', error });
      (this.options.log ?? SILENT_LOG).info(
        `poll ${record.name}: ${error.code ?? error.kind}: ${error.message} (attempt ${updated.transientFailures})`,
      );
      return { updated, delay: this.backoffFor(updated.transientFailures! - 1) };
    }
  }

  /** Lookups that keep finding nothing back off (the service may be slow to list a new tunnel); else the interval. */
  private delayAfterAnswer(record: SubmissionRecord): number {
    const misses = record.lookups ?? 0;
    if (misses > 0 && !isFinished(record)) return this.backoffFor(misses - 1);
    return this.options.intervalMs ?? 2000;
  }

  private backoffFor(attempt: number): number {
    return backoffDelay(attempt, this.options.backoff ?? DEFAULT_POLL_BACKOFF);
  }
}
