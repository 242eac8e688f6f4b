/**
 * What the HTTP layer does with a request, and the injected faults that act at the network level (before any
 * signature check, as a proxy or a failing service would): a bare 5xx, throttling, a dropped socket, an HTML page,
 * or JSON without "Response".
 */
import { ApiError, errorBody, type Language } from './apiErrors';
import type { FaultController } from './faults';
import type { ReceivedRequest } from './types';

const NETWORK_FAULTS = ['http5xx', 'throttle', 'drop', 'nonJson', 'noResponseKey'] as const;

/** What the HTTP layer should do with a request. */
export type Outcome =
  { kind: 'json'; body: unknown } | { kind: 'status'; status: number } | { kind: 'html' } | { kind: 'drop' };

/** The outcome of an injected network-level fault, or undefined when none applies. */
export function networkFault(
  faults: FaultController,
  record: ReceivedRequest,
  requestId: string,
  language: Language,
): Outcome | undefined {
  const fault = faults.take(record.action, NETWORK_FAULTS);
  if (!fault) return undefined;
  record.fault = fault.kind;
  switch (fault.kind) {
    case 'http5xx':
      return { kind: 'status', status: fault.status ?? 503 };
    case 'throttle':
      record.errorCode = 'RequestLimitExceeded';
      return {
        kind: 'json',
        body: errorBody(new ApiError('RequestLimitExceeded', 'injected throttling'), language, requestId),
      };
    case 'nonJson':
      return { kind: 'html' };
    case 'noResponseKey':
      return { kind: 'json', body: { RequestId: requestId, Message: 'injected: no Response key' } };
    default:
      return { kind: 'drop' };
  }
}
