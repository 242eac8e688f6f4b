/**
 * One submission and its life, in one module. A record is plain JSON (the history persists it) and never holds a
 * secret: responses are masked here, as they are stored. Its state changes only through `next(record, event)`:
 * the submit flow (submission.ts) and the poller (pollSteps.ts, taskPoller.ts) send the requests and report what
 * they saw as events; the table `TRANSITIONS` says which events each state takes, and its handlers say what each
 * event means. Only `enter` writes `status` and `phase`. The shapes are in submissionTypes.ts.
 *
 *   sending ─createSent─▶ sending ─createAccepted─▶ task ─taskReported SUCCESS─▶ tunnel (resolve when no id came)
 *      │ │                        ╲─createUnclear─▶ unknown ─tunnelFound─▶ tunnel ─tunnelFound AVAILABLE─▶ succeeded
 *      │ └─tunnelExists adopt─▶ tunnel                 │
 *      └─ snapshotFailed / createRefused / tunnelExists ─▶ failed ◀─ window over (NotCreated), abandoned, task FAILED
 *
 * A create is sent at most once: only `sending` takes the create's events, and nothing leads back to it. An
 * answer that never came is `unknown`, never "not created", until a lookup finds the tunnel or the outcome window
 * (outcomeWindow.ts) is over; only the user's `abandoned` ends it sooner.
 *
 * A record of an action on an existing tunnel (`action` Modify, Delete or Reset: `tcvpn apply`, `delete`, `reset`)
 * has the same states and its own table, `OPERATION_TRANSITIONS`:
 *
 *   sending ─operationSent─▶ sending ─operationAccepted─▶ succeeded (modify, reset) | task (delete) ─SUCCESS─▶ succeeded
 *      └─operationRefused─▶ failed     ╲─operationUnclear─▶ unknown ─lookupMissed (delete: gone)─▶ succeeded
 *                                                            └─ window over, tunnel still there ─▶ failed
 */
import { randomUUID } from 'node:crypto';
import { errorKindOf, isSetupError, toApiError, type SetupErrorKind } from './apiError';
import { deepMask } from './mask';
import { lookUntilFor, operationLookUntil, OUTCOME_WINDOW_MS } from './outcomeWindow';
import {
  ASYNC_ACTIONS,
  DELETE_ACTION,
  SUBMIT_ACTION,
  type RecordedError,
  type RecordInit,
  type SubmissionEvent,
  type SubmissionEventType,
  type SubmissionPhase,
  type SubmissionRecord,
  type SubmissionState,
  type SubmissionStatus,
  type VerdictCode,
} from './submissionTypes';

export * from './submissionTypes';

type EventOf<T extends SubmissionEventType> = Extract<SubmissionEvent, { type: T }>;
type Handler<T extends SubmissionEventType> = (
  record: SubmissionRecord,
  event: EventOf<T>,
  now: number,
) => SubmissionRecord;
type Handlers = { readonly [T in SubmissionEventType]?: Handler<T> };

/** Raised for an event the record's state does not take (a bug in the caller, never an API outcome). */
export class TransitionRefusedError extends Error {
  constructor(
    readonly state: SubmissionState,
    readonly event: SubmissionEventType,
  ) {
    super(`A submission in state "${state}" does not take the event "${event}".`);
  }
}

const STATE_FIELDS: Record<SubmissionState, { status: SubmissionStatus; phase: SubmissionPhase }> = {
  sending: { status: 'running', phase: 'send' },
  unknown: { status: 'running', phase: 'unknown' },
  task: { status: 'running', phase: 'task' },
  resolve: { status: 'running', phase: 'resolve' },
  tunnel: { status: 'running', phase: 'tunnel' },
  succeeded: { status: 'succeeded', phase: 'done' },
  failed: { status: 'failed', phase: 'done' },
};

/** The client codes shown for set-up failures (what the tree and the CLI print). */
const SETUP_CODES: Record<SetupErrorKind, string> = {
  credentials: 'CredentialsError',
  endpoint: 'EndpointError',
  region: 'RegionError',
};

/** The persisted fields of a state (the migration of stored records uses it too). */
export function stateFields(state: SubmissionState): { status: SubmissionStatus; phase: SubmissionPhase } {
  return STATE_FIELDS[state];
}

/** The record's state, read from its persisted fields. */
export function stateOf(record: Pick<SubmissionRecord, 'status' | 'phase'>): SubmissionState {
  if (record.status !== 'running') return record.status;
  if (record.phase === 'send') return 'sending';
  // A running record marked done cannot be written by `next`; its create's outcome is what is unknown.
  return record.phase === 'done' ? 'unknown' : record.phase;
}

/** True once a record will not change any more. */
export function isFinished(record: Pick<SubmissionRecord, 'status'>): boolean {
  return record.status !== 'running';
}

/** True while nobody knows yet whether the create went through (sending, or unknown after an unclear answer). */
export function outcomeUnknown(record: Pick<SubmissionRecord, 'status' | 'phase'>): boolean {
  const state = stateOf(record);
  return state === 'sending' || state === 'unknown';
}

/** "Code message" as the tree, the notifications and the CLI show a recorded error. */
export function errorLabel(error: RecordedError): string {
  return `${error.code ?? error.kind ?? ''} ${error.message}`.trim();
}

/** Anything a submit or a poll threw, as a record stores it. */
export function recordedError(thrown: unknown): RecordedError {
  const kind = errorKindOf(thrown);
  if (isSetupError(kind))
    return { kind, code: SETUP_CODES[kind], message: thrown instanceof Error ? thrown.message : String(thrown) };
  const error = toApiError(thrown);
  return {
    code: error.code ?? (error.httpStatus ? `HTTP ${error.httpStatus}` : undefined),
    message: error.message,
    kind: error.kind,
    requestId: error.requestId,
  };
}

/** A new record: `sending`, nothing sent yet (a create unless `init.action` says otherwise). */
export function startRecord(init: RecordInit, now = Date.now(), id: string = randomUUID()): SubmissionRecord {
  const { action = SUBMIT_ACTION, ...fields } = init;
  return { id, ...fields, action, createdAt: now, updatedAt: now, ...STATE_FIELDS.sending };
}

/** True for a record that creates a tunnel (every record stored before other actions existed). */
export function isCreate(record: { action?: string }): boolean {
  return !record.action || record.action === SUBMIT_ACTION;
}

/** The table of a record's kind. */
function tableOf(record: { action?: string }): Record<SubmissionState, Handlers> {
  return isCreate(record) ? TRANSITIONS : OPERATION_TRANSITIONS;
}

/** The events a state takes (tests walk the table with it); `action` picks the table (default a create). */
export function acceptedEvents(state: SubmissionState, action: string = SUBMIT_ACTION): SubmissionEventType[] {
  return Object.keys(tableOf({ action })[state]) as SubmissionEventType[];
}

/** The record after `event`; throws TransitionRefusedError for an event its state does not take. */
export function next(record: SubmissionRecord, event: SubmissionEvent, now = Date.now()): SubmissionRecord {
  const state = stateOf(record);
  const handler = tableOf(record)[state][event.type] as Handler<SubmissionEventType> | undefined;
  if (!handler) throw new TransitionRefusedError(state, event.type);
  return handler(record, event as never, now);
}

/** The one writer of `status` and `phase`; a final state also stamps `finishedAt`. */
function enter(
  record: SubmissionRecord,
  state: SubmissionState,
  now: number,
  changes: Partial<SubmissionRecord> = {},
): SubmissionRecord {
  const finished = state === 'succeeded' || state === 'failed';
  return { ...record, ...changes, ...STATE_FIELDS[state], ...(finished ? { finishedAt: now } : {}) };
}

function fail(record: SubmissionRecord, error: RecordedError, now: number): SubmissionRecord {
  return enter(record, 'failed', now, { error, pollError: undefined });
}

function verdict(code: VerdictCode, message: string): RecordedError {
  return { code, message };
}

/** A poll got an answer: the transient-failure streak and its error are over. */
function answered(record: SubmissionRecord): SubmissionRecord {
  return { ...record, transientFailures: 0, pollError: undefined };
}

const recordSnapshot: Handler<'snapshotTaken'> = (record, event) => ({
  ...record,
  preexistingIds: event.preexistingIds,
});

/** A definite failure: nothing was created. */
function failWith(record: SubmissionRecord, event: { error: RecordedError }, now: number): SubmissionRecord {
  return fail(record, event.error, now);
}

const acceptCreate: Handler<'createAccepted'> = (record, { answer }, now) =>
  // DescribeVpcTaskResult takes the async call's RequestId as its TaskId; without one, only a lookup can tell.
  enter(record, answer.RequestId ? 'task' : 'resolve', now, {
    requestId: answer.RequestId,
    taskId: answer.RequestId,
    vpnConnectionId: answer.VpnConnection?.VpnConnectionId || undefined,
    tunnelState: answer.VpnConnection?.State,
    responses: { CreateVpnConnection: deepMask(answer) },
  });

/** The create goes out now: the outcome window starts (persisted before the request, so a crash keeps it). */
const stampSent: Handler<'createSent'> = (record, _event, now) => ({
  ...record,
  sentAt: now,
  lookUntil: lookUntilFor(now),
});

/** An unknown outcome, looked for until the window ends (the create's own error stays, so the user sees why). */
function becomeUnknown(record: SubmissionRecord, now: number, error = record.error): SubmissionRecord {
  const sentAt = record.sentAt ?? now;
  return enter(record, 'unknown', now, { error, sentAt, lookUntil: record.lookUntil ?? lookUntilFor(sentAt) });
}

const awaitOutcome: Handler<'createUnclear'> = (record, event, now) => becomeUnknown(record, now, event.error);

/** A tunnel with the same key exists: follow it when the file matches it, else refuse to make a twin. */
const meetExisting: Handler<'tunnelExists'> = (record, { tunnel, adopt, differences }, now) => {
  if (adopt) return adoptTunnel({ ...record, adopted: true }, { type: 'tunnelFound', tunnel }, now);
  const listed = differences.length ? ` It differs from the file in ${differences.join(', ')}.` : '';
  return fail(
    { ...record, vpnConnectionId: tunnel.VpnConnectionId, responses: { DescribeVpnConnections: deepMask(tunnel) } },
    verdict(
      'TunnelExists',
      `A tunnel "${record.name}" already exists on ${record.vpnGatewayId} with ${record.customerGatewayId} (${tunnel.VpnConnectionId}); no second one was created.${listed} Change it with ModifyVpnConnectionAttribute, or rename the file's tunnel.`,
    ),
    now,
  );
};

const giveUp: Handler<'abandoned'> = (record, _event, now) =>
  fail(
    record,
    verdict(
      'Abandoned',
      `Abandoned by the user while the create's outcome was unknown; the tunnel may still appear (a new submit looks for it first).`,
    ),
    now,
  );

/** AVAILABLE ends the record, PENDING (or no State yet) keeps following it, anything else (DELETING) fails it. */
const adoptTunnel: Handler<'tunnelFound'> = (record, { tunnel }, now) => {
  const found: SubmissionRecord = {
    ...answered(record),
    vpnConnectionId: tunnel.VpnConnectionId,
    tunnelState: tunnel.State,
    responses: { ...record.responses, DescribeVpnConnections: deepMask(tunnel) },
    lookups: 0,
    error: undefined,
  };
  if (tunnel.State === 'AVAILABLE') return enter(found, 'succeeded', now);
  if (!tunnel.State || tunnel.State === 'PENDING') return enter(found, 'tunnel', now);
  return fail(found, verdict('UnexpectedState', `The tunnel is ${tunnel.State} instead of becoming AVAILABLE.`), now);
};

/** Why a record fails after its last lookup found nothing: depends on what it was looking for. */
function missVerdict(record: SubmissionRecord, state: SubmissionState): RecordedError {
  if (state === 'unknown') {
    const cause = record.error ? ` (${record.error.code ?? record.error.kind}: ${record.error.message})` : '';
    const minutes = Math.round(OUTCOME_WINDOW_MS / 60_000);
    return verdict(
      'NotCreated',
      `The create's answer was lost${cause}, and no tunnel "${record.name}" appeared in the ${minutes} minutes the service could act on it (${record.lookups} lookups), so none was created. A new submit looks for the tunnel again before it creates one.`,
    );
  }
  if (state === 'tunnel' && record.vpnConnectionId)
    return verdict('ResourceNotFound', `The tunnel ${record.vpnConnectionId} no longer exists.`);
  return verdict(
    'ResourceNotFound',
    `The task succeeded but no tunnel "${record.name}" was found on ${record.vpnGatewayId}.`,
  );
}

const countMiss: Handler<'lookupMissed'> = (record, event, now) => {
  const state = stateOf(record);
  const missed: SubmissionRecord = { ...answered(record), lookups: (record.lookups ?? 0) + 1 };
  if (state === 'sending') {
    // A record still `sending` was interrupted (a reload or a killed CLI mid-submit). Without `sentAt` the create
    // never went out (it is stamped and persisted first); with it, the outcome is unknown.
    if (missed.sentAt === undefined)
      return fail(
        missed,
        verdict('NotSent', 'The submit stopped before the create was sent; nothing was created.'),
        now,
      );
    return becomeUnknown(missed, now);
  }
  if (state === 'unknown') {
    const until = missed.lookUntil ?? lookUntilFor(missed.sentAt ?? missed.createdAt);
    return now >= until ? fail(missed, missVerdict(missed, state), now) : missed;
  }
  if (missed.lookups! >= event.maxLookups) return fail(missed, missVerdict(missed, state), now);
  return missed;
};

const applyTaskResult: Handler<'taskReported'> = (record, { result }, now) => {
  const reported: SubmissionRecord = {
    ...answered(record),
    taskStatus: result.Status,
    responses: { ...record.responses, DescribeVpcTaskResult: deepMask(result) },
  };
  if (result.Status === 'SUCCESS')
    return enter(reported, reported.vpnConnectionId ? 'tunnel' : 'resolve', now, { output: result.Output });
  if (result.Status === 'FAILED')
    return fail(
      { ...reported, output: result.Output },
      verdict('TaskFailed', result.Output || 'The task failed without output.'),
      now,
    );
  // RUNNING (or a status the API may add later): keep polling.
  return reported;
};

const lookUpInstead: Handler<'taskUnknown'> = (record, _event, now) => enter(answered(record), 'resolve', now);

const countFailure: Handler<'pollFailed'> = (record, event) => ({
  ...record,
  transientFailures: (record.transientFailures ?? 0) + 1,
  pollError: event.error,
});

/** The lookup outcomes, which every state that looks for the tunnel takes. */
const LOOKUPS: Handlers = { tunnelFound: adoptTunnel, lookupMissed: countMiss, pollFailed: countFailure };

/** Which events each state takes, and what each does. A final state takes none. */
const TRANSITIONS: Record<SubmissionState, Handlers> = {
  // A record still `sending` after a reload is looked up: with `sentAt` the create may have gone out.
  sending: {
    snapshotTaken: recordSnapshot,
    snapshotFailed: failWith,
    tunnelExists: meetExisting,
    createSent: stampSent,
    createAccepted: acceptCreate,
    createRefused: failWith,
    createUnclear: awaitOutcome,
    ...LOOKUPS,
    abandoned: giveUp,
  },
  unknown: { ...LOOKUPS, abandoned: giveUp },
  task: { taskReported: applyTaskResult, taskUnknown: lookUpInstead, pollFailed: countFailure },
  resolve: LOOKUPS,
  tunnel: LOOKUPS,
  succeeded: {},
  failed: {},
};

// ——— Actions on an existing tunnel: ModifyVpnConnectionAttribute, DeleteVpnConnection, ResetVpnConnection ———

const isAsync = (record: SubmissionRecord): boolean => ASYNC_ACTIONS.includes(record.action);
const verb = (record: SubmissionRecord): string =>
  record.action === DELETE_ACTION ? 'delete' : record.action === SUBMIT_ACTION ? 'create' : record.action;

/** The action goes out now (persisted before the request, so a crash leaves an unknown outcome, never "not sent"). */
const stampOperation: Handler<'operationSent'> = (record, _event, now) => ({
  ...record,
  sentAt: now,
  lookUntil: operationLookUntil(isAsync(record), now),
});

/** A delete's RequestId is its task's id; a modify or reset is done once answered. */
const acceptOperation: Handler<'operationAccepted'> = (record, { answer }, now) => {
  const fields = { requestId: answer.RequestId, responses: { ...record.responses, [record.action]: deepMask(answer) } };
  if (!isAsync(record)) return enter(record, 'succeeded', now, fields);
  return enter(record, answer.RequestId ? 'task' : 'resolve', now, { ...fields, taskId: answer.RequestId });
};

const operationUnclear: Handler<'operationUnclear'> = (record, event, now) =>
  enter(record, 'unknown', now, {
    error: event.error,
    sentAt: record.sentAt ?? now,
    lookUntil: record.lookUntil ?? operationLookUntil(isAsync(record), record.sentAt ?? now),
  });

const confirmOperation: Handler<'operationConfirmed'> = (record, _event, now) =>
  enter(answered(record), 'succeeded', now, { error: undefined });

/** A record left `sending` by a process that stopped: not sent without `sentAt`, else its outcome is unknown. */
function resumeInterrupted(record: SubmissionRecord, now: number): SubmissionRecord {
  if (record.sentAt === undefined)
    return fail(record, verdict('NotSent', `The ${verb(record)} stopped before it was sent; nothing changed.`), now);
  return operationUnclear(record, { type: 'operationUnclear', error: record.error ?? lostAnswer(record) }, now);
}

function lostAnswer(record: SubmissionRecord): RecordedError {
  return { code: 'AnswerLost', message: `The process stopped while ${record.action} was on its way.` };
}

/** Why an operation whose answer was lost ends once the service can no longer act on it. */
function operationVerdict(record: SubmissionRecord): RecordedError {
  if (record.action === DELETE_ACTION)
    return verdict(
      'NotDeleted',
      `The delete's answer was lost and ${record.vpnConnectionId} still exists (${record.tunnelState ?? 'state unknown'}) after the service could act on it; delete it again.`,
    );
  return verdict(
    'Unconfirmed',
    `The answer to ${record.action} was lost; the tunnel cannot show whether it took effect. Run tcvpn plan on the file (no changes: it did) and apply again if needed: it is safe to repeat.`,
  );
}

/** The tunnel is still there: a delete in progress (or one that failed), or a modify/reset whose answer was lost. */
const operationTunnelFound: Handler<'tunnelFound'> = (record, { tunnel }, now) => {
  const seen: SubmissionRecord = {
    ...answered(record),
    tunnelState: tunnel.State,
    responses: { ...record.responses, DescribeVpnConnections: deepMask(tunnel) },
  };
  if (stateOf(record) === 'sending') return resumeInterrupted(seen, now);
  const until = record.lookUntil ?? operationLookUntil(isAsync(record), record.sentAt ?? record.createdAt);
  return now >= until ? fail(seen, operationVerdict(seen), now) : seen;
};

/** The tunnel is gone: what a delete wanted; for a modify or reset, someone else deleted it. */
const operationTunnelMissed: Handler<'lookupMissed'> = (record, _event, now) => {
  const gone: SubmissionRecord = { ...answered(record), tunnelState: 'DELETED' };
  if (stateOf(record) === 'sending') return resumeInterrupted(gone, now);
  if (record.action === DELETE_ACTION) return enter(gone, 'succeeded', now, { error: undefined });
  return fail(gone, verdict('ResourceNotFound', `The tunnel ${record.vpnConnectionId} no longer exists.`), now);
};

const finishOperationTask: Handler<'taskReported'> = (record, { result }, now) => {
  const reported: SubmissionRecord = {
    ...answered(record),
    taskStatus: result.Status,
    output: result.Output,
    responses: { ...record.responses, DescribeVpcTaskResult: deepMask(result) },
  };
  if (result.Status === 'SUCCESS') return enter(reported, 'succeeded', now, { tunnelState: 'DELETED' });
  if (result.Status === 'FAILED')
    return fail(reported, verdict('TaskFailed', result.Output || 'The task failed without output.'), now);
  return reported;
};

const abandonOperation: Handler<'abandoned'> = (record, _event, now) =>
  fail(
    record,
    verdict('Abandoned', `Abandoned by the user while the ${verb(record)}'s outcome was unknown; check the tunnel.`),
    now,
  );

const OPERATION_LOOKUPS: Handlers = {
  tunnelFound: operationTunnelFound,
  lookupMissed: operationTunnelMissed,
  pollFailed: countFailure,
};

/** Which events each state of an action on an existing tunnel takes. `tunnel` is never entered by one. */
const OPERATION_TRANSITIONS: Record<SubmissionState, Handlers> = {
  sending: {
    operationSent: stampOperation,
    operationAccepted: acceptOperation,
    operationRefused: failWith,
    operationUnclear,
    ...OPERATION_LOOKUPS,
    abandoned: abandonOperation,
  },
  unknown: { ...OPERATION_LOOKUPS, operationConfirmed: confirmOperation, abandoned: abandonOperation },
  task: { taskReported: finishOperationTask, taskUnknown: lookUpInstead, pollFailed: countFailure },
  resolve: OPERATION_LOOKUPS,
  tunnel: OPERATION_LOOKUPS,
  succeeded: {},
  failed: {},
};
