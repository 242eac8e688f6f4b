/**
 * The async side of CreateVpnConnection and DeleteVpnConnection. A task is keyed by the request's RequestId
 * (DescribeVpcTaskResult's TaskId): RUNNING for taskDelayMs, then SUCCESS or FAILED. A created tunnel stays
 * PENDING until stateDelayMs after its task succeeded, then turns AVAILABLE; a failed create removes it.
 * A deleted tunnel is DELETING while its task runs, then gone. Timers are tracked so close() leaves none.
 */
import type { EventEmitter } from 'node:events';
import type { EmulatorStore } from './store';
import type { Regional, TaskRecord } from './types';

export interface TaskTimings {
  taskDelayMs: number;
  stateDelayMs: number;
}

/** setTimeout with bookkeeping, so a close or reset cancels everything still pending. */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();

  /** Runs `run` after `ms` milliseconds unless cancelAll() comes first. */
  after(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** Cancels every pending timer. */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
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
