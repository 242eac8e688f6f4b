/**
 * The submit flow shared by the extension and the CLI: record the submission, note which matching tunnels already
 * exist, send CreateVpnConnection once, and hand the record to the poller. A create is never retried blindly:
 * after an ambiguous failure (timeout, dropped connection, 5xx) the client looks for the tunnel first, and the
 * record stays in `verify` until a lookup settles whether it exists. What each outcome means for the record is the
 * state machine's call (submissionRecord.ts); this module only sends the requests and reports them as events.
 */
import { toApiError } from './apiError';
import { backoffDelay, sleep } from './backoff';
import type { TaskHistory } from './history';
import type { PlannedDocument } from './plan';
import { lookForCreatedTunnel } from './pollSteps';
import {
  next,
  recordedError,
  startRecord,
  stateOf,
  SUBMIT_ACTION,
  type CreateAnswer,
  type SubmissionEvent,
  type SubmissionRecord,
} from './submissionRecord';
import type { VpcClient } from './tcClient';
import { findTunnels, tunnelKeyOf } from './tunnelLookup';

const SNAPSHOT_RETRIES = 3;

/** @deprecated What submitDocument takes is a PlannedDocument; the old name stays for callers outside cloud/. */
export type SubmitTarget = PlannedDocument;

function recordOf(planned: PlannedDocument): SubmissionRecord {
  const { document } = planned;
  return startRecord({
    name: document.name,
    region: planned.region,
    source: planned.source,
    documentIndex: document.index,
    vpnGatewayId: document.vpnGatewayId,
    customerGatewayId: document.customerGatewayId,
    vpcId: typeof document.params.VpcId === 'string' ? document.params.VpcId : undefined,
  });
}

/** The matching tunnels before the create; a read, so transient failures are retried a few times. */
async function snapshotTunnels(client: VpcClient, record: SubmissionRecord): Promise<SubmissionEvent> {
  for (let attempt = 0; ; attempt++) {
    try {
      const existing = await findTunnels(client, tunnelKeyOf(record));
      return { type: 'snapshotTaken', preexistingIds: existing.map((tunnel) => tunnel.VpnConnectionId) };
    } catch (thrown) {
      const error = toApiError(thrown);
      // Nothing was sent yet, so giving up here is final and safe: the user may simply submit again.
      if (!error.retryable || attempt >= SNAPSHOT_RETRIES)
        return { type: 'snapshotFailed', error: recordedError(error) };
      await sleep(backoffDelay(attempt, client.backoff));
    }
  }
}

/** Sends the create, once. */
async function sendCreate(client: VpcClient, params: Record<string, unknown>): Promise<SubmissionEvent> {
  try {
    return { type: 'createAccepted', answer: await client.request<CreateAnswer>(SUBMIT_ACTION, params) };
  } catch (thrown) {
    const error = toApiError(thrown);
    return { type: error.ambiguous ? 'createUnclear' : 'createRefused', error: recordedError(error) };
  }
}

/** The first lookup right after an unclear create; a failed lookup leaves the poller to keep looking, with backoff. */
async function lookUpAtOnce(client: VpcClient, record: SubmissionRecord): Promise<SubmissionEvent> {
  try {
    return await lookForCreatedTunnel(client, record, { maxLookups: Infinity });
  } catch (thrown) {
    return { type: 'pollFailed', error: recordedError(thrown) };
  }
}

/**
 * Submits one planned document and returns its record, already persisted. Resolves (never rejects) for API and
 * network failures: those end up in the record, so the caller shows the record either way.
 */
export async function submitDocument(
  client: VpcClient,
  history: TaskHistory,
  planned: PlannedDocument,
): Promise<SubmissionRecord> {
  let record = recordOf(planned);
  await history.upsert(record);
  record = next(record, await snapshotTunnels(client, record));
  await history.upsert(record);
  if (stateOf(record) !== 'sending') return record;
  record = next(record, await sendCreate(client, planned.document.params));
  if (stateOf(record) === 'verify') record = next(record, await lookUpAtOnce(client, record));
  await history.upsert(record);
  return record;
}
