/**
 * Refuses a second submit of a file while one is in flight, and a document whose previous submission is still
 * being followed: submitting it again could create a second tunnel before the first one's outcome is known.
 */
import type { TaskHistory } from './history';

/** Why a submit was refused before anything was sent. */
export class SubmitRefusedError extends Error {
  override name = 'SubmitRefusedError';
  constructor(
    message: string,
    readonly reason: 'inFlight' | 'stillRunning',
    /** The file (inFlight) or the running record's name (stillRunning). */
    readonly subject: string,
  ) {
    super(message);
  }
}

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

/** Throws SubmitRefusedError if a running record exists for the same document of the same file. */
export function assertNotRunning(history: TaskHistory, source: string, documentIndex: number): void {
  const running = history
    .unfinished()
    .find((record) => record.source === source && record.documentIndex === documentIndex);
  if (running) {
    const id = running.taskId ?? running.vpnConnectionId ?? running.id;
    throw new SubmitRefusedError(
      `"${running.name}" from this file is still being created (${id}); wait for it to finish or remove it from the history.`,
      'stillRunning',
      running.name,
    );
  }
}
