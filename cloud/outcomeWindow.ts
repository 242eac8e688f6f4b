/**
 * How long a create whose answer was lost can still take effect, so an "outcome unknown" record knows how long to
 * keep looking before it may say "not created". CreateVpnConnection has no idempotency token, so this bound is what
 * stands between a lost answer and a second tunnel. It is derived from the API:
 * - **The signature window, 5 minutes.** The service refuses a request whose X-TC-Timestamp is more than 300 s from
 *   its own clock (`AuthFailure.SignatureExpire`, schemas/source/NOTES.md "Clock skew"), so a create delayed in
 *   transit cannot start being processed later than 5 minutes after it was signed. We sign just before sending.
 * - **The task window, 30 minutes.** A create is asynchronous (its RequestId is the TaskId of DescribeVpcTaskResult);
 *   the API documents no task timeout, so we allow 30 minutes for a started create to make its tunnel visible to
 *   DescribeVpnConnections — six times the terraform provider's 5-minute write retry, and longer than any answer
 *   the fault matrix sends late (20 minutes).
 * A record in `unknown` is looked up with backoff (2 s doubling to 60 s) until sentAt + 35 minutes; if the tunnel
 * has not appeared by then the service can no longer act on the request and the record says NotCreated. Before
 * that, a new create of the same tunnel is refused (unless the user abandons the record), and even after it, the
 * pre-create check (submission.ts) looks for a tunnel with the same key and never creates a twin.
 */

/** The signature validity the service enforces. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** What we allow a started create's task to take before its tunnel is listed. */
export const TASK_WINDOW_MS = 30 * 60_000;

/** From sending the create to the last lookup of an unknown outcome. */
export const OUTCOME_WINDOW_MS = SIGNATURE_WINDOW_MS + TASK_WINDOW_MS;

/** The backoff of lookups of an unknown outcome. */
export const UNKNOWN_LOOKUP_BACKOFF = { initialMs: 2000, maxMs: 60_000, factor: 2 } as const;

/** The time until which a create sent at `sentAt` is looked for. */
export function lookUntilFor(sentAt: number): number {
  return sentAt + OUTCOME_WINDOW_MS;
}

/**
 * The time until which an action on an existing tunnel whose answer was lost is looked at: a delete is async like a
 * create (the signature window plus the task window); a modify or reset is synchronous, so once the signature
 * window is over the service can no longer act on it.
 */
export function operationLookUntil(async: boolean, sentAt: number): number {
  return sentAt + (async ? OUTCOME_WINDOW_MS : SIGNATURE_WINDOW_MS);
}
