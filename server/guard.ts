/**
 * Keeps the server alive: every handler runs inside `guarded`, so an exception becomes one log line and an
 * empty answer, never a dead process; a request the client already cancelled is not computed at all.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export interface Logger {
  error(message: string): void;
}

/**
 * Wraps a request handler: cancellation answers RequestCancelled, an exception logs and answers `fallback`. A
 * handler may answer with a promise (a large document's request runs in the validation worker): its rejection
 * is logged and answered the same way.
 */
export function guarded<P, R>(
  name: string,
  logger: Logger,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
) {
  return (params: P, token: CancellationToken): R | Promise<R> | ResponseError<void> => {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      const answer = handler(params, token);
      if (!(answer instanceof Promise)) return answer;
      return answer.catch((error: unknown) => {
        logger.error(`${name} failed: ${describe(error)}`);
        return fallback;
      });
    } catch (error) {
      logger.error(`${name} failed: ${describe(error)}`);
      return fallback;
    }
  };
}

/** Wraps a notification handler the same way. */
export function guardedNotification<P>(name: string, logger: Logger, handler: (params: P) => void | Promise<void>) {
  return (params: P): void => {
    try {
      const result = handler(params);
      if (result instanceof Promise)
        result.catch((error: unknown) => logger.error(`${name} failed: ${describe(error)}`));
    } catch (error) {
      logger.error(`${name} failed: ${describe(error)}`);
    }
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
