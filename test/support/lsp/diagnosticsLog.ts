/**
 * Every textDocument/publishDiagnostics a server sent, in order, stamped with its arrival time, and the waits on
 * them: "the first diagnostics for this uri, since this mark, that satisfy this check". A mark taken before an
 * edit makes the wait see what arrives however fast it comes; a wait without one sees only what comes next.
 */
import { performance } from 'node:perf_hooks';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

/** One publishDiagnostics, with `receivedAt` (performance.now()) taken in the notification handler itself. */
export interface PublishedDiagnostics extends PublishDiagnosticsParams {
  receivedAt: number;
}

/** Which of a uri's diagnostics a wait wants. */
export type DiagnosticsCheck = (published: PublishedDiagnostics) => boolean;

/** Accepts diagnostics for `version` or later; a server that sends no version publishes for its newest text. */
export function fromVersion(version: number): DiagnosticsCheck {
  return (published) => published.version === undefined || published.version >= version;
}

interface Waiter {
  uri: string;
  accept: DiagnosticsCheck;
  resolve: (published: PublishedDiagnostics) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Older notifications are dropped past this many (hostile documents carry 100,000 diagnostics each). */
const KEPT = 1000;

/** The published diagnostics of one server and the waits on them. */
export class DiagnosticsLog {
  private readonly kept: PublishedDiagnostics[] = [];
  private dropped = 0;
  private readonly waiters = new Set<Waiter>();

  /** Records one notification and settles the waits it satisfies. */
  record(params: PublishDiagnosticsParams): void {
    const receivedAt = performance.now(); // first, before any work of ours adds to the measured time
    const published = { ...params, receivedAt };
    this.kept.push(published);
    if (this.kept.length > KEPT) this.dropped += this.kept.splice(0, KEPT / 2).length;
    for (const waiter of [...this.waiters]) {
      if (waiter.uri === published.uri && waiter.accept(published))
        this.settle(waiter, () => waiter.resolve(published));
    }
  }

  /** A position in the log: `wait(…, mark)` also considers what arrives from here on, before the wait began. */
  mark(): number {
    return this.dropped + this.kept.length;
  }

  /** What was published for `uri` since the mark `since`, in order (as far as it is still kept). */
  since(uri: string, since: number): PublishedDiagnostics[] {
    return this.kept.slice(Math.max(0, since - this.dropped)).filter((published) => published.uri === uri);
  }

  /** The first diagnostics for `uri` since `since` that `accept` takes; rejects with `timeoutError()` after `ms`. */
  wait(
    uri: string,
    accept: DiagnosticsCheck,
    since: number,
    ms: number,
    timeoutError: () => Error,
  ): Promise<PublishedDiagnostics> {
    const earlier = this.kept
      .slice(Math.max(0, since - this.dropped))
      .find((published) => published.uri === uri && accept(published));
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        accept,
        resolve,
        reject,
        timer: setTimeout(() => this.settle(waiter, () => reject(timeoutError())), ms),
      };
      this.waiters.add(waiter);
    });
  }

  /** Fails every pending wait (the server died). */
  failAll(error: Error): void {
    for (const waiter of [...this.waiters]) this.settle(waiter, () => waiter.reject(error));
  }

  /** Abandons every pending wait without settling it (the client is stopping; nobody needs an error later). */
  abandonAll(): void {
    for (const waiter of [...this.waiters]) this.settle(waiter, () => undefined);
  }

  private settle(waiter: Waiter, outcome: () => void): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    outcome();
  }
}
