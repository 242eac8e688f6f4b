/**
 * The async side of CreateVpnConnection and DeleteVpnConnection. A task is keyed by the request's RequestId
 * (DescribeVpcTaskResult's TaskId): RUNNING for taskDelayMs, then SUCCESS or FAILED. A created tunnel stays
 * PENDING until stateDelayMs after its task succeeded, then turns AVAILABLE; a failed create removes it.
 * A deleted tunnel is DELETING while its task runs, then gone. Every timer runs on the emulator's clock (a test
 * may scale it) and is tracked, so close() leaves none.
 */
import type { EventEmitter } from 'node:events';
import { MAX_TIMER_MS, type EmulatorClock } from './clock';
import type { EmulatorStore } from './store';
import type { Regional, TaskRecord } from './types';

export interface TaskTimings {
  taskDelayMs: number;
  stateDelayMs: number;
}

/** The clock's setTimeout with bookkeeping, so a close or reset cancels everything still pending. */
export class Scheduler {
  /** Pending timers, each in its own entry (a clock's handles need not be distinct values). */
  private readonly timers = new Set<{ handle: unknown }>();

  constructor(private readonly clock: EmulatorClock) {}

  /**
   * Runs `run` after `ms` milliseconds of the clock unless cancelAll() comes first. A delay longer than a timer
   * can hold (2^31-1 ms) is waited for in steps, never handed to setTimeout whole (which would fire at once).
   */
  after(ms: number, run: () => void): void {
    const wait = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const step = Math.min(wait, MAX_TIMER_MS);
    const timer: { handle: unknown } = { handle: undefined };
    this.timers.add(timer);
    timer.handle = this.clock.setTimeout(() => {
      if (!this.timers.delete(timer)) return;
      if (wait > step) this.after(wait - step, run);
      else run();
    }, step);
  }

  /** Cancels every pending timer. */
  cancelAll(): void {
    for (const timer of this.timers) this.clock.clearTimeout(timer.handle);
    this.timers.clear();
  }
}

/** Starts and finishes the async tasks, changing tunnel states and emitting 'task' and 'connection' events. */
export class TaskRunner {
  constructor(
    private readonly store: EmulatorStore,
    private readonly scheduler: Scheduler,
    private readonly events: EventEmitter,
    private readonly timings: TaskTimings,
    private readonly now: () => Date,
    private readonly log: (line: string) => void,
  ) {}

  private open(taskId: string, action: string, connection: Regional): TaskRecord {
    const task: TaskRecord = {
      TaskId: taskId,
      Action: action,
      Region: connection.Region,
      ResourceId: String(connection.VpnConnectionId),
      Status: 'RUNNING',
      Output: '',
      CreatedTime: this.now().toISOString(),
    };
    this.store.tasks.set(taskId, task);
    this.events.emit('task', { ...task });
    return task;
  }

  private finish(task: TaskRecord, failure: string | undefined): void {
    task.Status = failure === undefined ? 'SUCCESS' : 'FAILED';
    task.Output = failure ?? 'SUCCESS';
    this.log(`task ${task.TaskId} ${task.Action} ${task.ResourceId} -> ${task.Status}${failure ? `: ${failure}` : ''}`);
    this.events.emit('task', { ...task });
  }

  private setState(connection: Regional, state: string): void {
    connection.State = state;
    this.log(`tunnel ${connection.VpnConnectionId} -> ${state}`);
    this.events.emit('connection', {
      VpnConnectionId: connection.VpnConnectionId,
      Region: connection.Region,
      State: state,
    });
  }

  private remove(connection: Regional): void {
    this.store.connections.delete(String(connection.VpnConnectionId));
    this.setState(connection, 'DELETED');
  }

  /** Follows a new (PENDING) tunnel's create task; `failure` makes the task end FAILED with that Output. */
  startCreate(taskId: string, connection: Regional, failure?: string): void {
    const task = this.open(taskId, 'CreateVpnConnection', connection);
    this.scheduler.after(this.timings.taskDelayMs, () => {
      this.finish(task, failure);
      if (failure !== undefined) return this.remove(connection);
      this.scheduler.after(this.timings.stateDelayMs, () => this.setState(connection, 'AVAILABLE'));
    });
  }

  /** Marks a tunnel DELETING and follows its delete task; on failure the tunnel is AVAILABLE again. */
  startDelete(taskId: string, connection: Regional, failure?: string): void {
    this.setState(connection, 'DELETING');
    const task = this.open(taskId, 'DeleteVpnConnection', connection);
    this.scheduler.after(this.timings.taskDelayMs, () => {
      this.finish(task, failure);
      if (failure !== undefined) this.setState(connection, 'AVAILABLE');
      else this.remove(connection);
    });
  }
}
