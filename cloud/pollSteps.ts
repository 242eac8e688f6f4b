/**
 * One polling step per phase of a running record (see TaskPhase): the poller calls `pollStep`, which sends at
 * most two requests and mutates the record in place. Errors propagate to the poller, which backs off.
 */
import { ApiError } from './apiError';
import { deepMask } from './mask';
import { failRecord, tunnelKeyOf, verifyCreate } from './submission';
import type { TaskRecord } from './submissionRecord';
import type { VpcClient } from './tcClient';
import { describeTunnel, findNewTunnel, VpnConnectionSummary } from './tunnelLookup';

export interface StepOptions {
  signal: AbortSignal;
  /** Lookups that find nothing before the record fails. */
  maxLookups: number;
}

interface TaskResultResponse {
  Status?: string;
  Output?: string;
  RequestId?: string;
}

function succeed(record: TaskRecord): void {
  Object.assign(record, { status: 'succeeded', phase: 'done', finishedAt: Date.now(), error: undefined, lookups: 0 });
}

/** Records a tunnel's state; AVAILABLE ends the record, DELETING (or anything unknown but PENDING) fails it. */
function applyTunnel(record: TaskRecord, tunnel: VpnConnectionSummary): void {
  record.vpnConnectionId = tunnel.VpnConnectionId;
  record.tunnelState = tunnel.State;
  record.responses = { ...record.responses, DescribeVpnConnections: deepMask(tunnel) };
  record.phase = 'tunnel';
  record.lookups = 0;
  if (tunnel.State === 'AVAILABLE') succeed(record);
  else if (tunnel.State && tunnel.State !== 'PENDING') {
    failRecord(record, { code: 'UnexpectedState', message: `The tunnel is ${tunnel.State} instead of becoming AVAILABLE.` });
  }
}

function countMiss(record: TaskRecord, options: StepOptions, failure: { code: string; message: string }): void {
  record.lookups = (record.lookups ?? 0) + 1;
  if (record.lookups >= options.maxLookups) failRecord(record, failure);
}

async function verifyStep(client: VpcClient, record: TaskRecord, options: StepOptions): Promise<void> {
  await verifyCreate(client, record, options.signal);
  if (record.phase === 'tunnel' && record.vpnConnectionId) {
    record.error = undefined;
    return applyTunnel(record, { VpnConnectionId: record.vpnConnectionId, State: record.tunnelState });
  }
  if ((record.lookups ?? 0) >= options.maxLookups) {
    const cause = record.error ? ` (${record.error.code ?? record.error.kind}: ${record.error.message})` : '';
    failRecord(record, {
      code: 'NotCreated',
      message: `The create request's outcome was unclear${cause}, and ${record.lookups} lookups found no new tunnel "${record.name}", so none was created. It is safe to submit again.`,
    });
  }
}

async function taskStep(client: VpcClient, record: TaskRecord, options: StepOptions): Promise<void> {
  let result: TaskResultResponse;
  try {
    result = await client.request<TaskResultResponse>('DescribeVpcTaskResult', { TaskId: record.taskId }, { signal: options.signal });
  } catch (error) {
    // A task the service no longer knows: find the tunnel itself instead of waiting for the task forever.
    if (error instanceof ApiError && error.code?.startsWith('ResourceNotFound')) record.phase = 'resolve';
    else throw error;
    return;
  }
  record.taskStatus = result.Status;
  record.responses = { ...record.responses, DescribeVpcTaskResult: deepMask(result) };
  if (result.Status === 'SUCCESS') {
    record.output = result.Output;
    record.phase = record.vpnConnectionId ? 'tunnel' : 'resolve';
  } else if (result.Status === 'FAILED') {
    record.output = result.Output;
    failRecord(record, { code: 'TaskFailed', message: result.Output || 'The task failed without output.' });
  }
}

async function resolveStep(client: VpcClient, record: TaskRecord, options: StepOptions): Promise<void> {
  const tunnel = await findNewTunnel(client, tunnelKeyOf(record), record.preexistingIds ?? [], { signal: options.signal });
  if (tunnel) return applyTunnel(record, tunnel);
  countMiss(record, options, { code: 'ResourceNotFound', message: `The task succeeded but no tunnel "${record.name}" was found on ${record.vpnGatewayId}.` });
}

async function tunnelStep(client: VpcClient, record: TaskRecord, options: StepOptions): Promise<void> {
  const tunnel = await describeTunnel(client, record.vpnConnectionId!, { signal: options.signal });
  if (tunnel) return applyTunnel(record, tunnel);
  countMiss(record, options, { code: 'ResourceNotFound', message: `The tunnel ${record.vpnConnectionId} no longer exists.` });
}

/** Advances a running record by one phase step. */
export async function pollStep(client: VpcClient, record: TaskRecord, options: StepOptions): Promise<void> {
  switch (record.phase) {
    case 'verify':
      return verifyStep(client, record, options);
    case 'task':
      return record.taskId ? taskStep(client, record, options) : resolveStep(client, record, options);
    case 'resolve':
      return resolveStep(client, record, options);
    case 'tunnel':
      return record.vpnConnectionId ? tunnelStep(client, record, options) : resolveStep(client, record, options);
    default:
      return undefined;
  }
}
