/**
 * The submit flow shared by the extension and the CLI: claim the tunnel in the shared history (refused when any
 * process is creating it), look for a tunnel with the same key (followed when it matches the file, else refused:
 * never a twin), stamp and persist the send, send CreateVpnConnection once, and hand the record to the poller. A
 * create is never retried: after an ambiguous failure (timeout, dropped connection, 5xx) the record is `unknown`
 * and is looked up until a lookup finds the tunnel or the outcome window ends (outcomeWindow.ts). What each outcome
 * means for the record is the state machine's call (submissionRecord.ts); this module sends the requests and
 * reports them as events.
 */
import { toApiError } from './apiError';
import { backoffDelay, sleep } from './backoff';
import { REAL_CLOCK, type Clock } from './clock';
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
import { differencesFrom } from './tunnelMatch';
import * as os from 'node:os';

const SNAPSHOT_RETRIES = 3;

function recordOf(planned: PlannedDocument, now: number): SubmissionRecord {
  const { document } = planned;
  return startRecord(
    {
      name: document.name,
      region: planned.region,
      source: planned.source,
      documentIndex: document.index,
      vpnGatewayId: document.vpnGatewayId,
      customerGatewayId: document.customerGatewayId,
      vpcId: typeof document.params.VpcId === 'string' ? document.params.VpcId : undefined,
      owner: { pid: process.pid, host: os.hostname() },
    },
    now,
  );
}

/**
 * The tunnels with the record's key before the create; a read, so transient failures are retried a few times. One
 * that exists already is the file's (followed) when its parameters match, else a reason to refuse.
 */
async function snapshotTunnels(
  client: VpcClient,
  record: SubmissionRecord,
  params: Record<string, unknown>,
  clock: Clock,
): Promise<SubmissionEvent> {
  for (let attempt = 0; ; attempt++) {
    try {
      const existing = await findTunnels(client, tunnelKeyOf(record));
      const tunnel = existing[existing.length - 1];
      if (!tunnel) return { type: 'snapshotTaken', preexistingIds: [] };
      const differences = differencesFrom(params, tunnel);
      return { type: 'tunnelExists', tunnel, adopt: differences.length === 0, differences };
    } catch (thrown) {
      const error = toApiError(thrown);
      // Nothing was sent yet, so giving up here is final and safe: the user may simply submit again.
      if (!error.retryable || attempt >= SNAPSHOT_RETRIES)
        return { type: 'snapshotFailed', error: recordedError(error) };
      await sleep(backoffDelay(attempt, client.backoff), undefined, clock);
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

/** How a submit runs: the clock (the fault matrix scales it). */
export interface SubmitOptions {
  clock?: Clock;
}

/**
 * Submits one planned document and returns its record, already persisted. Rejects with SubmitRefusedError when
 * an unfinished record of any process is creating the same tunnel (nothing is sent); resolves (never rejects) for
 * API and network failures: those end up in the record, so the caller shows the record either way.
 */
export async function submitDocument(
  client: VpcClient,
  history: TaskHistory,
  planned: PlannedDocument,
  options: SubmitOptions = {},
): Promise<SubmissionRecord> {
  const clock = options.clock ?? REAL_CLOCK;
  let record = recordOf(planned, clock.now());
  await history.claim(record);
  record = next(record, await snapshotTunnels(client, record, planned.document.params, clock), clock.now());
  await history.upsert(record);
  if (stateOf(record) !== 'sending') return record;
  // The send is on record before it goes out: a process that dies now leaves an unknown outcome, never "not sent".
  record = next(record, { type: 'createSent' }, clock.now());
  await history.upsert(record);
  record = next(record, await sendCreate(client, planned.document.params), clock.now());
  if (stateOf(record) === 'unknown') record = next(record, await lookUpAtOnce(client, record), clock.now());
  await history.upsert(record);
  return record;
}
