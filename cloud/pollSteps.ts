/**
 * The requests of one polling step per state of a running record (see SubmissionState). A step sends at most one
 * kind of request and returns the event that says what the service answered; it never changes the record (the
 * state machine in submissionRecord.ts does, when the poller hands it the event). Transient errors propagate to
 * the poller, which reports them as `pollFailed` and backs off.
 */
import { isNotFound } from './apiError';
import { isCreate, stateOf, type SubmissionEvent, type SubmissionRecord, type TaskResult } from './submissionRecord';
import type { VpcClient } from './tcClient';
import { describeTunnel, findNewTunnel, tunnelKeyOf } from './tunnelLookup';

/** How a step runs. */
export interface StepOptions {
  signal?: AbortSignal;
  /** Lookups that find nothing before the record fails (Infinity: the submit's own first lookup never fails it). */
  maxLookups: number;
}

/**
 * Looks for the tunnel the record's create made: the matching one that did not exist before the create. Used after
 * an unclear create (did it go through?) and after a task that succeeded without saying the tunnel's id.
 */
export async function lookForCreatedTunnel(
  client: VpcClient,
  record: SubmissionRecord,
  options: StepOptions,
): Promise<SubmissionEvent> {
  const tunnel = await findNewTunnel(client, tunnelKeyOf(record), record.preexistingIds ?? [], {
    signal: options.signal,
  });
  return tunnel ? { type: 'tunnelFound', tunnel } : { type: 'lookupMissed', maxLookups: options.maxLookups };
}

async function pollTask(client: VpcClient, record: SubmissionRecord, options: StepOptions): Promise<SubmissionEvent> {
  try {
    const result = await client.request<TaskResult>(
      'DescribeVpcTaskResult',
      { TaskId: record.taskId },
      { signal: options.signal },
    );
    return { type: 'taskReported', result };
  } catch (error) {
    if (isNotFound(error)) return { type: 'taskUnknown' };
    throw error;
  }
}

async function pollTunnel(client: VpcClient, id: string, options: StepOptions): Promise<SubmissionEvent> {
  const tunnel = await describeTunnel(client, id, { signal: options.signal });
  return tunnel ? { type: 'tunnelFound', tunnel } : { type: 'lookupMissed', maxLookups: options.maxLookups };
}

/**
 * An action on an existing tunnel: a delete's task, else the tunnel by id (gone is what a delete wants; still there
 * tells an unknown outcome's state machine the tunnel's State).
 */
function operationStep(client: VpcClient, record: SubmissionRecord, options: StepOptions): Promise<SubmissionEvent> {
  if (stateOf(record) === 'task') return pollTask(client, record, options);
  if (!record.vpnConnectionId) throw new Error(`A ${record.action} record has no tunnel id to poll.`);
  return pollTunnel(client, record.vpnConnectionId, options);
}

/** Sends the requests of the record's state and returns what they found; throws for a finished record. */
export async function pollStep(
  client: VpcClient,
  record: SubmissionRecord,
  options: StepOptions,
): Promise<SubmissionEvent> {
  const state = stateOf(record);
  if (!isCreate(record) && state !== 'succeeded' && state !== 'failed') return operationStep(client, record, options);
  switch (state) {
    case 'sending':
    case 'unknown':
    case 'resolve':
      return lookForCreatedTunnel(client, record, options);
    case 'task':
      return pollTask(client, record, options);
    case 'tunnel':
      // A tunnel state without an id is never written; a record that has one anyway is found by name.
      return record.vpnConnectionId
        ? pollTunnel(client, record.vpnConnectionId, options)
        : lookForCreatedTunnel(client, record, options);
    default:
      throw new Error(`A ${state} submission has nothing to poll.`);
  }
}
