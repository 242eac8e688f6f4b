/**
 * The one poller: a single chain of setTimeout calls follows every running record, one request at a time, so
 * polls never overlap. Each record has its own due time; transient failures push it back with backoff; dispose()
 * cancels the timer and the request in flight. Records live in the history, so a poller re-created from storage
 * (a window reload, a new CLI run) resumes exactly where the last one stopped: a task is never lost. The poller
 * only schedules: each step's answer (or failure) goes to the state machine as an event (submissionRecord.ts).
 * The history is shared with other processes, so each tick re-reads it first (a record another process finished
 * is not polled again), and a record another live process is still sending is left to that process.
 * An unknown outcome is looked up with its own backoff (outcomeWindow.ts) until its window ends.
 */
import * as os from 'node:os';
import { errorKindOf } from './apiError';
import { backoffDelay, BackoffOptions } from './backoff';
import { REAL_CLOCK, type Clock } from './clock';
import { UNKNOWN_LOOKUP_BACKOFF } from './outcomeWindow';
import { isAlive } from './recordStore';
import type { TaskHistory } from './history';
import { LogSink, SILENT_LOG } from './log';
import { isFinished, next, recordedError, stateOf, type SubmissionRecord } from './submissionRecord';
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
  /** Lookups that find nothing before a task's or a tunnel's missing tunnel fails the record (default 6); an unknown
   *  outcome is looked up until its window ends instead. */
  maxLookups?: number;
  /** The clock (default the real one; the fault matrix scales it). */
  clock?: Clock;
  /** Called once when a record becomes succeeded or failed. */
  onFinished?(record: SubmissionRecord): void;
}

const DEFAULT_POLL_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 60_000, factor: 2 };

/** Follows every running record of a history until it succeeds or fails. */
export class TaskPoller {
  private readonly due = new Map<string, number>();
  private timer: unknown;
  private readonly clock: Clock;
  private running = false;
  private controller = new AbortController();
  private disposed = false;

  constructor(private readonly options: TaskPollerOptions) {
    this.clock = options.clock ?? REAL_CLOCK;
  }

  /** Picks up every unfinished record of the history (resuming after a reload) and starts polling. */
  start(): void {
    this.options.history.reload();
    this.options.history.unfinished().forEach((record) => this.due.set(record.id, this.clock.now()));
    this.schedule();
  }

  /** Follows a record (new, or to be polled right now, e.g. "refresh"). */
  track(id: string, delayMs = 0): void {
    if (this.disposed) return;
    this.due.set(id, this.clock.now() + delayMs);
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
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Arms the single timer for the earliest due record, unless a tick is running (it re-arms when done). */
  private schedule(): void {
    if (this.disposed || this.running) return;
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.due.size) return;
    const next = Math.min(...this.due.values());
    this.timer = this.clock.setTimeout(() => void this.tick(), Math.max(0, next - this.clock.now()));
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    try {
      const now = this.clock.now();
      this.options.history.reload();
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
    if (this.sentElsewhere(record)) {
      this.due.set(id, this.clock.now() + (this.options.intervalMs ?? 2000));
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
      this.due.set(id, this.clock.now() + delay);
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
      const event = await pollStep(client, record, { signal: this.controller.signal, maxLookups });
      const updated = next(record, event, this.clock.now());
      return { updated, delay: this.delayAfterAnswer(updated) };
    } catch (thrown) {
      if (errorKindOf(thrown) === 'cancelled' || this.disposed) return { updated: record, delay: 0 };
      const error = recordedError(thrown);
      const updated = next(record, { type: 'pollFailed', error }, this.clock.now());
      (this.options.log ?? SILENT_LOG).info(
        `poll ${record.name}: ${error.code ?? error.kind}: ${error.message} (attempt ${updated.transientFailures})`,
      );
      return { updated, delay: this.backoffFor(updated.transientFailures! - 1) };
    }
  }

  /**
   * A record still `sending` whose owner is another live process on this host (or, on another host, that was
   * written in the last minute) is that process's to finish: looking it up now could call "not sent" a create
   * that is about to go out.
   */
  private sentElsewhere(record: SubmissionRecord): boolean {
    if (stateOf(record) !== 'sending' || !record.owner || record.owner.pid === process.pid) return false;
    if (record.owner.host !== os.hostname()) return this.clock.now() - record.updatedAt < 60_000;
    return isAlive(record.owner.pid);
  }

  /** Lookups that keep finding nothing back off (the service may be slow to list a new tunnel); else the interval. */
  private delayAfterAnswer(record: SubmissionRecord): number {
    const misses = record.lookups ?? 0;
    if (stateOf(record) === 'unknown') return backoffDelay(Math.max(0, misses - 1), UNKNOWN_LOOKUP_BACKOFF);
    if (misses > 0 && !isFinished(record)) return this.backoffFor(misses - 1);
    return this.options.intervalMs ?? 2000;
  }

  private backoffFor(attempt: number): number {
    return backoffDelay(attempt, this.options.backoff ?? DEFAULT_POLL_BACKOFF);
  }
}
