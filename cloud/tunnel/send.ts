/**
 * Sends one action on an existing tunnel (ModifyVpnConnectionAttribute, DeleteVpnConnection, ResetVpnConnection)
 * through the same record store and in-flight rule as a submit: the record is claimed under the tunnel's lock (an
 * unfinished record of the same tunnel in any process refuses it, SubmitRefusedError, nothing sent), the send is
 * stamped and persisted before it goes out, the request is sent once, and its answer becomes an event of the state
 * machine (submissionRecord.ts `OPERATION_TRANSITIONS`). A delete's task is the poller's to follow (taskPoller.ts).
 */
import * as os from 'node:os';
import { toApiError } from '../apiError';
import { REAL_CLOCK, type Clock } from '../clock';
import type { TaskHistory } from '../history';
import {
  next,
  recordedError,
  startRecord,
  type RecordAction,
  type SubmissionEvent,
  type SubmissionRecord,
} from '../submissionRecord';
import type { VpcClient } from '../tcClient';
import type { TunnelSummary } from './tunnelPlan';

/** What an action on a tunnel needs: the tunnel, where the request comes from, the parameters. */
export interface TunnelAction {
  action: Exclude<RecordAction, 'CreateVpnConnection'>;
  tunnel: TunnelSummary;
  /** The file's URI or path, or the tunnel id when the user named the tunnel, not a file. */
  source: string;
  params: Record<string, unknown>;
  /** A modify: the top-level fields it changes (recorded by name only). */
  changes?: string[];
}

/** How an action runs: the clock (tests scale it). */
export interface SendOptions {
  clock?: Clock;
}

function recordOf(request: TunnelAction, now: number): SubmissionRecord {
  const { tunnel } = request;
  return startRecord(
    {
      action: request.action,
      vpnConnectionId: tunnel.vpnConnectionId,
      changes: request.changes,
      name: tunnel.name,
      region: tunnel.region,
      source: request.source,
      documentIndex: 0,
      vpnGatewayId: tunnel.vpnGatewayId,
      customerGatewayId: tunnel.customerGatewayId,
      vpcId: tunnel.vpcId,
      owner: { pid: process.pid, host: os.hostname() },
    },
    now,
  );
}

async function sendOnce(client: VpcClient, request: TunnelAction): Promise<SubmissionEvent> {
  try {
    const answer = await client.request<{ RequestId?: string }>(request.action, request.params);
    return { type: 'operationAccepted', answer };
  } catch (thrown) {
    const error = toApiError(thrown);
    return { type: error.ambiguous ? 'operationUnclear' : 'operationRefused', error: recordedError(error) };
  }
}

/**
 * Claims, stamps and sends the action once; returns its record, persisted. Rejects with SubmitRefusedError when
 * another unfinished record holds the tunnel (nothing sent); API and network failures end up in the record.
 */
export async function sendTunnelAction(
  client: VpcClient,
  history: TaskHistory,
  request: TunnelAction,
  options: SendOptions = {},
): Promise<SubmissionRecord> {
  const clock = options.clock ?? REAL_CLOCK;
  let record = recordOf(request, clock.now());
  await history.claim(record);
  record = next(record, { type: 'operationSent' }, clock.now());
  await history.upsert(record);
  record = next(record, await sendOnce(client, request), clock.now());
  await history.upsert(record);
  return record;
}
