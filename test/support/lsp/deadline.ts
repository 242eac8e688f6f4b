/**
 * Bounded waits for the LSP test client: a request or a wait that gets no answer fails with a DeadlineError that
 * names what did not come, instead of hanging until the test runner's timeout says nothing useful.
 */

/** A timeout of a request or of a wait; the message names what did not come. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * Settles as `promise` does, or rejects with a DeadlineError from `timeoutError` after `ms`. `died` (a promise that
 * rejects when the server process ends) fails the wait at once instead of at the deadline.
 */
export function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
  timeoutError: () => DeadlineError,
  died?: Promise<never>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), ms);
  });
  return Promise.race([promise, expired, ...(died ? [died] : [])]).finally(() => clearTimeout(timer));
}
