/**
 * One submission and its life, in one module. A record is plain JSON (the history persists it) and never holds a
 * secret: responses are masked here, as they are stored. Its state changes only through `next(record, event)`:
 * the submit flow (submission.ts) and the poller (pollSteps.ts, taskPoller.ts) send the requests and report what
 * they saw as events; the table `TRANSITIONS` says which events each state takes, and its handlers say what each
 * event means. Only `enter` writes `status` and `phase`.
 *
 *   sending ──createAccepted──▶ task ──taskReported SUCCESS──▶ tunnel (or resolve, when the id came back empty)
 *      │  ╲──createUnclear──▶ verify ──tunnelFound──▶ tunnel ──tunnelFound AVAILABLE──▶ succeeded
 *      └─ snapshotFailed / createRefused ─▶ failed ◀── taskReported FAILED, maxLookups misses, a tunnel DELETING
 *
 * A create is sent at most once: only `sending` takes the create's events, and nothing leads back to it. An
 * answer that never came is "verify" (unknown), never "failed", until lookups settle whether the tunnel exists.
 */
import { randomUUID } from 'node:crypto';
import { errorKindOf, isSetupError, toApiError, type ErrorKind, type SetupErrorKind } from './apiError';
import { deepMask } from './mask';
import type { VpnConnectionSummary } from './tunnelLookup';

/** The one action a submission sends. */
export const SUBMIT_ACTION = 'CreateVpnConnection';

/**
 * Where a submission stands:
 * - `sending`: recorded, the matching tunnels noted, the create about to go out or on its way;
 * - `verify`: the create's outcome is unknown (timeout, dropped connection, 5xx): look for the tunnel;
 * - `task`: poll DescribeVpcTaskResult with TaskId = the create's RequestId;
 * - `resolve`: the task succeeded but the tunnel's id is unknown: find it with DescribeVpnConnections;
 * - `tunnel`: follow the tunnel's State from PENDING to AVAILABLE;
 * - `succeeded`, `failed`: final.
 */
export type SubmissionState = 'sending' | 'verify' | 'task' | 'resolve' | 'tunnel' | 'succeeded' | 'failed';

/** The persisted form of a state, part one: running until the task and the tunnel settle. */
export type SubmissionStatus = 'running' | 'succeeded' | 'failed';

/** The persisted form of a state, part two: what the poller does next (`done` once final). */
export type SubmissionPhase = 'send' | 'verify' | 'task' | 'resolve' | 'tunnel' | 'done';

/** The codes of the record's own verdicts (the API's codes are open-ended strings). */
export type VerdictCode = 'NotCreated' | 'TaskFailed' | 'ResourceNotFound' | 'UnexpectedState';

/** An error as a record keeps it: the API's code (or a client code), its kind and its message. */
export interface RecordedError {
  readonly code?: string;
  readonly message: string;
  readonly kind?: ErrorKind;
  readonly requestId?: string;
}

/** One submission, as the history stores it and the tree shows it. */
export interface SubmissionRecord {
  /** Local id, unique per submission. */
  readonly id: string;
  /** VpnConnectionName from the document. */
  readonly name: string;
  readonly region: string;
  readonly action: string;
  /** The source file's URI (extension) or absolute path (CLI). */
  readonly source: string;
  /** Index of the document in a YAML stream (0 for JSON). */
  readonly documentIndex: number;
  readonly vpnGatewayId?: string;
  readonly customerGatewayId?: string;
  readonly vpcId?: string;
  /** Ids of matching tunnels that existed before the create, so a lookup never adopts one of them. */
  readonly preexistingIds?: string[];
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly finishedAt?: number;
  readonly requestId?: string;
  readonly taskId?: string;
  readonly vpnConnectionId?: string;
  /** With `phase`, the record's SubmissionState (see stateOf); written only by this module. */
  readonly status: SubmissionStatus;
  readonly phase: SubmissionPhase;
  /** DescribeVpcTaskResult Status: RUNNING, SUCCESS or FAILED. */
  readonly taskStatus?: string;
  /** DescribeVpcTaskResult Output (the failure text when FAILED). */
  readonly output?: string;
  /** VpnConnection State: PENDING, AVAILABLE, DELETING. */
  readonly tunnelState?: string;
  readonly error?: RecordedError;
  /** Masked responses of the create and the last describe calls, for "show full response". */
  readonly responses?: Record<string, unknown>;
  /** How many polls in a row failed with a transient error (drives the backoff). */
  readonly transientFailures?: number;
  /** The last transient polling error, cleared by the next answered poll (the record keeps running). */
  readonly pollError?: RecordedError;
  /** How many lookups in a row found nothing so far. */
  readonly lookups?: number;
}

/** The create's answer, as far as the record reads it. */
export interface CreateAnswer {
  RequestId?: string;
  VpnConnection?: { VpnConnectionId?: string; State?: string };
}

/** DescribeVpcTaskResult's answer. */
export interface TaskResult {
  Status?: string;
  Output?: string;
  RequestId?: string;
}

/** What the submit flow and the poller report; each comment says when it happens. */
export type SubmissionEvent =
  /** The matching tunnels were listed before the create (so a later lookup never adopts one of them). */
  | { type: 'snapshotTaken'; preexistingIds: string[] }
  /** That listing failed: nothing was sent, so the submission fails and may simply be submitted again. */
  | { type: 'snapshotFailed'; error: RecordedError }
  /** The create was answered: its RequestId is the task's id. */
  | { type: 'createAccepted'; answer: CreateAnswer }
  /** The service refused the create (a definite error): nothing was created. */
  | { type: 'createRefused'; error: RecordedError }
  /** The create failed in a way that leaves its outcome open (timeout, dropped connection, 5xx, odd answer). */
  | { type: 'createUnclear'; error: RecordedError }
  /** A lookup (by gateway, customer gateway and name, or by id) found the record's tunnel. */
  | { type: 'tunnelFound'; tunnel: VpnConnectionSummary }
  /** A lookup found nothing; the `maxLookups`-th miss in a row fails the record. */
  | { type: 'lookupMissed'; maxLookups: number }
  /** DescribeVpcTaskResult answered. */
  | { type: 'taskReported'; result: TaskResult }
  /** DescribeVpcTaskResult says the service no longer knows the task: find the tunnel instead of waiting. */
  | { type: 'taskUnknown' }
  /** A poll failed transiently (network, throttling, credentials missing): it is retried with backoff. */
  | { type: 'pollFailed'; error: RecordedError };

/** The name of an event. */
export type SubmissionEventType = SubmissionEvent['type'];

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

/** What a new record needs to know. */
export interface RecordInit {
  name: string;
  region: string;
  source: string;
  documentIndex: number;
  vpnGatewayId?: string;
  customerGatewayId?: string;
  vpcId?: string;
}

const STATE_FIELDS: Record<SubmissionState, { status: SubmissionStatus; phase: SubmissionPhase }> = {
  sending: { status: 'running', phase: 'send' },
  verify: { status: 'running', phase: 'verify' },
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
  return record.phase === 'done' ? 'verify' : record.phase;
}

/** True once a record will not change any more. */
export function isFinished(record: Pick<SubmissionRecord, 'status'>): boolean {
  return record.status !== 'running';
}

/** True while nobody knows yet whether the create went through (sending, or verifying after an unclear answer). */
export function outcomeUnknown(record: Pick<SubmissionRecord, 'status' | 'phase'>): boolean {
  const state = stateOf(record);
  return state === 'sending' || state === 'verify';
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

/** A new record: `sending`, nothing sent yet. */
export function startRecord(init: RecordInit, now = Date.now(), id: string = randomUUID()): SubmissionRecord {
  return { id, ...init, action: SUBMIT_ACTION, createdAt: now, updatedAt: now, ...STATE_FIELDS.sending };
}

/** The events a state takes (tests walk the table with it). */
export function acceptedEvents(state: SubmissionState): SubmissionEventType[] {
  return Object.keys(TRANSITIONS[state]) as SubmissionEventType[];
}

/** The record after `event`; throws TransitionRefusedError for an event its state does not take. */
export function next(record: SubmissionRecord, event: SubmissionEvent, now = Date.now()): SubmissionRecord {
  const state = stateOf(record);
  const handler = TRANSITIONS[state][event.type] as Handler<SubmissionEventType> | undefined;
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

// The create's own error stays on the record while it is verified, so the user sees why it is verifying.
const awaitVerify: Handler<'createUnclear'> = (record, event, now) =>
  enter(record, 'verify', now, { error: event.error });

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
  if (state === 'sending' || state === 'verify') {
    const cause = record.error ? ` (${record.error.code ?? record.error.kind}: ${record.error.message})` : '';
    return verdict(
      'NotCreated',
      `The create request's outcome was unclear${cause}, and ${record.lookups} lookups found no new tunnel "${record.name}", so none was created. It is safe to submit again.`,
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
  if (missed.lookups! >= event.maxLookups) return fail(missed, missVerdict(missed, state), now);
  // A record found while still `sending` was interrupted (a reload mid-submit): its outcome is unknown now.
  return enter(missed, state === 'sending' ? 'verify' : state, now);
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
  // A record still `sending` after a reload is looked up like `verify`: the create may have gone out.
  sending: {
    snapshotTaken: recordSnapshot,
    snapshotFailed: failWith,
    createAccepted: acceptCreate,
    createRefused: failWith,
    createUnclear: awaitVerify,
    ...LOOKUPS,
  },
  verify: LOOKUPS,
  task: { taskReported: applyTaskResult, taskUnknown: lookUpInstead, pollFailed: countFailure },
  resolve: LOOKUPS,
  tunnel: LOOKUPS,
  succeeded: {},
  failed: {},
};
