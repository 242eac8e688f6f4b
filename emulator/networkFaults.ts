/**
 * What the HTTP layer does with a request, and the injected faults that act at the network level (before any
 * signature check, as a proxy or a failing service would): a bare 5xx, a dropped socket, an HTML page, or JSON
 * without "Response". (An injected throttle acts later, where the service's frequency limit does.)
 */
import type { FaultController } from './faults';
import type { ReceivedRequest } from './types';

const NETWORK_FAULTS = ['http5xx', 'drop', 'nonJson', 'noResponseKey'] as const;

/**
 * What the HTTP layer should do with a request: JSON (HTTP 200 unless `status` says otherwise), a bare status,
 * an HTML page, or a destroyed socket.
 */
export type Outcome =
  | { kind: 'json'; body: unknown; status?: number }
  | { kind: 'status'; status: number }
  | { kind: 'html' }
  | { kind: 'drop' };

/** The outcome of an injected network-level fault, or undefined when none applies. */
export function networkFault(faults: FaultController, record: ReceivedRequest, requestId: string): Outcome | undefined {
  const fault = faults.take(record.action, NETWORK_FAULTS);
  if (!fault) return undefined;
  record.fault = fault.kind;
  switch (fault.kind) {
    case 'http5xx':
      return { kind: 'status', status: fault.status ?? 503 };
    case 'nonJson':
      return { kind: 'html' };
    case 'noResponseKey':
      return { kind: 'json', body: { RequestId: requestId, Message: 'injected: no Response key' } };
    default:
      return { kind: 'drop' };
  }
}
