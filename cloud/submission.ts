/**
 * The submit flow shared by the extension and the CLI: record the submission, note which matching tunnels already
 * exist, send CreateVpnConnection once, and hand the record to the poller. A create is never retried blindly:
 * after an ambiguous failure (timeout, dropped connection, 5xx) the client looks for the tunnel first, and the
 * record stays in the `verify` phase until a lookup settles whether it exists.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, toApiError } from './apiError';
import { backoffDelay, sleep } from './backoff';
import { SUBMIT_ACTION, SubmitDocument } from './submitDocuments';
import type { TaskHistory } from './history';
import { deepMask } from './mask';
import type { RecordedError, TaskRecord } from './submissionRecord';
import type { VpcClient } from './tcClient';
import { findNewTunnel, findTunnels, TunnelKey, VpnConnectionSummary } from './tunnelLookup';

const SNAPSHOT_RETRIES = 3;

/** What to submit: one document of one file, to one region. */
export interface SubmitTarget {
  /** The file's URI (extension) or absolute path (CLI); also the in-flight guard's key. */
  source: string;
  document: SubmitDocument;
  region: string;
}

interface CreateResponse {
  RequestId?: string;
  VpnConnection?: { VpnConnectionId?: string; State?: string };
}

/** An ApiError as a record stores it. */
export function recordError(error: ApiError): RecordedError {
  return { code: error.code ?? (error.httpStatus ? `HTTP ${error.httpStatus}` : undefined), message: error.message, kind: error.kind, requestId: error.requestId };
}

/** The key that finds this record's tunnel before its id is known. */
export function tunnelKeyOf(record: TaskRecord): TunnelKey {
  return { vpnGatewayId: record.vpnGatewayId, customerGatewayId: record.customerGatewayId, name: record.name };
}

function newRecord(target: SubmitTarget): TaskRecord {
  const { document } = target;
  const now = Date.now();
  return {
    id: randomUUID(),
    name: document.name,
    region: target.region,
    action: SUBMIT_ACTION,
    source: target.source,
    documentIndex: document.index,
    vpnGatewayId: document.vpnGatewayId,
    customerGatewayId: document.customerGatewayId,
    vpcId: typeof document.params.VpcId === 'string' ? document.params.VpcId : undefined,
    createdAt: now,
    updatedAt: now,
    status: 'running',
    phase: 'verify',
  };
}

/** Marks a record failed for good. */
export function failRecord(record: TaskRecord, error: RecordedError): void {
  Object.assign(record, { status: 'failed', phase: 'done', error, finishedAt: Date.now(), pollError: undefined });
}

function applyCreateResponse(record: TaskRecord, response: CreateResponse): void {
  record.requestId = response.RequestId;
  // DescribeVpcTaskResult takes the async call's RequestId as its TaskId.
  record.taskId = response.RequestId;
  record.vpnConnectionId = response.VpnConnection?.VpnConnectionId || undefined;
  record.tunnelState = response.VpnConnection?.State;
  record.phase = 'task';
  record.responses = { CreateVpnConnection: deepMask(response) };
}

/** One lookup after an ambiguous create: adopts the new tunnel if it exists, else leaves the record verifying. */
export async function verifyCreate(client: VpcClient, record: TaskRecord, signal?: AbortSignal): Promise<void> {
  const tunnel = await findNewTunnel(client, tunnelKeyOf(record), record.preexistingIds ?? [], { signal });
  if (!tunnel) {
    record.lookups = (record.lookups ?? 0) + 1;
    return;
  }
  record.vpnConnectionId = tunnel.VpnConnectionId;
  record.tunnelState = tunnel.State;
  record.phase = 'tunnel';
  record.responses = { ...record.responses, DescribeVpnConnections: deepMask(tunnel) };
}

async function afterAmbiguousFailure(client: VpcClient, record: TaskRecord, error: ApiError): Promise<void> {
  // The create's own error stays on the record while it is verified, so the user sees why it is verifying.
  record.error = recordError(error);
  try {
    await verifyCreate(client, record);
    if (record.phase === 'tunnel') record.error = undefined;
  } catch (lookupError) {
    // The lookup failed too: the record stays in "verify" and the poller keeps looking, with backoff.
    record.pollError = recordError(toApiError(lookupError));
  }
}

/** The matching tunnels before the create; a read, so transient failures are retried a few times. */
async function snapshotTunnels(client: VpcClient, record: TaskRecord): Promise<VpnConnectionSummary[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await findTunnels(client, tunnelKeyOf(record));
    } catch (thrown) {
      const error = toApiError(thrown);
      if (!error.retryable || attempt >= SNAPSHOT_RETRIES) throw error;
      await sleep(backoffDelay(attempt, client.backoff));
    }
  }
}

/**
 * Submits one document and returns its record, already persisted. Resolves (never rejects) for API and network
 * failures: those end up in the record, so the caller shows the record either way.
 */
export async function submitDocument(client: VpcClient, history: TaskHistory, target: SubmitTarget): Promise<TaskRecord> {
  const record = newRecord(target);
  await history.upsert(record);
  try {
    const existing = await snapshotTunnels(client, record);
    record.preexistingIds = existing.map((tunnel) => tunnel.VpnConnectionId);
  } catch (error) {
    // Nothing was sent yet, so this failure is final and safe to retry by submitting again.
    failRecord(record, recordError(toApiError(error)));
    await history.upsert(record);
    return record;
  }
  await history.upsert(record);
  try {
    applyCreateResponse(record, await client.request<CreateResponse>(SUBMIT_ACTION, target.document.params));
  } catch (thrown) {
    const error = toApiError(thrown);
    if (error.ambiguous) await afterAmbiguousFailure(client, record, error);
    else failRecord(record, recordError(error));
  }
  await history.upsert(record);
  return record;
}
