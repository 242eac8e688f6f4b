/**
 * Backoff delays and an abortable sleep, shared by the client's throttling retries and the task poller.
 */
import { REAL_CLOCK, type Clock } from './clock';

export interface BackoffOptions {
  /** First delay in ms. */
  initialMs: number;
  /** Upper bound of any delay in ms. */
  maxMs: number;
  /** Growth per attempt. */
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, factor: 2 };

/** The delay before retry number `attempt` (0-based), with ±20 % jitter so clients do not retry in step. */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** attempt);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** An error thrown when an operation was cancelled through its AbortSignal. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Resolves after `ms` on `clock` (the real one unless a test scales it), or rejects with CancelledError as soon as
 *  `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal, clock: Clock = REAL_CLOCK): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const onAbort = (): void => {
      clock.clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
