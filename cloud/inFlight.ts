/**
 * Refuses a second submit of a file while one is in flight in this process, and a tunnel whose previous submission
 * (in any process) is still being followed: submitting it again could create a second tunnel before the first
 * one's outcome is known. The same holds for an action on an existing tunnel (apply, delete, reset): never two
 * unfinished records of one tunnel (tunnelIdentity.ts says what one tunnel is).
 */
import type { TaskHistory } from './history';
import { SubmitRefusedError } from './refusal';
import { describeRunning, sameTunnel } from './tunnelIdentity';
import type { SubmissionRecord } from './submissionTypes';

export { SubmitRefusedError };

/** One lock per source file. */
export class InFlightGuard {
  private readonly busy = new Set<string>();

  /** True while `source` is being submitted. */
  isBusy(source: string): boolean {
    return this.busy.has(source);
  }

  /** Runs `work` holding the file's lock; throws SubmitRefusedError when the file is already being submitted. */
  async run<T>(source: string, work: () => Promise<T>): Promise<T> {
    if (this.busy.has(source)) {
      throw new SubmitRefusedError(`A submission of ${source} is already in progress.`, 'inFlight', source);
    }
    this.busy.add(source);
    try {
      return await work();
    } finally {
      this.busy.delete(source);
    }
  }
}

/**
 * Throws SubmitRefusedError if an unfinished record of any process (the history is re-read first) is creating the
 * same tunnel. The planning asks early, for a clear message before any prompt; `TaskHistory.claim` asks again
 * under the tunnel's lock, which is what makes it hold.
 */
export function assertNotRunning(
  history: TaskHistory,
  tunnel: Pick<SubmissionRecord, 'region' | 'vpnGatewayId' | 'customerGatewayId' | 'name'> &
    Partial<Pick<SubmissionRecord, 'action' | 'vpnConnectionId'>>,
): void {
  history.reload();
  const running = history.unfinished().find((record) => sameTunnel(record, tunnel));
  if (running) throw new SubmitRefusedError(describeRunning(running), 'stillRunning', running.name, running);
}
