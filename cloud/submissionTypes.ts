/**
 * The shapes of a submission: its states, the record the history stores, the answers it reads and the events the
 * submit flow and the poller report. What the events do to a record is submissionRecord.ts.
 */
import type { ErrorKind } from './apiError';
import type { VpnConnectionSummary } from './tunnelLookup';

/** The action a submission sends: a record without another `action` creates a tunnel. */
export const SUBMIT_ACTION = 'CreateVpnConnection';
/** The actions a record may send on a tunnel that exists (`tcvpn apply`, `delete`, `reset` and their commands). */
export const MODIFY_ACTION = 'ModifyVpnConnectionAttribute';
export const DELETE_ACTION = 'DeleteVpnConnection';
export const RESET_ACTION = 'ResetVpnConnection';

/** Every action a record may send. */
export type RecordAction = typeof SUBMIT_ACTION | typeof MODIFY_ACTION | typeof DELETE_ACTION | typeof RESET_ACTION;

/** The actions whose RequestId is a DescribeVpcTaskResult TaskId (the spec's async ones). */
export const ASYNC_ACTIONS: readonly string[] = [SUBMIT_ACTION, DELETE_ACTION];

/**
 * Where a submission stands:
 * - `sending`: recorded, the matching tunnels noted, the create about to go out (`sentAt` unset) or on its way;
 * - `unknown`: the create's outcome is unknown (timeout, dropped connection, 5xx, a process that died while it was
 *   on its way): look for the tunnel until `lookUntil` (see outcomeWindow.ts); a new create of it is refused;
 * - `task`: poll DescribeVpcTaskResult with TaskId = the create's RequestId;
 * - `resolve`: the task succeeded but the tunnel's id is unknown: find it with DescribeVpnConnections;
 * - `tunnel`: follow the tunnel's State from PENDING to AVAILABLE;
 * - `succeeded`, `failed`: final.
 */
export type SubmissionState = 'sending' | 'unknown' | 'task' | 'resolve' | 'tunnel' | 'succeeded' | 'failed';

/** The persisted form of a state, part one: running until the task and the tunnel settle. */
export type SubmissionStatus = 'running' | 'succeeded' | 'failed';

/** The persisted form of a state, part two: what the poller does next (`done` once final). */
export type SubmissionPhase = 'send' | 'unknown' | 'task' | 'resolve' | 'tunnel' | 'done';

/** The codes of the record's own verdicts (the API's codes are open-ended strings). */
export type VerdictCode =
  | 'NotCreated' // the outcome window passed and no tunnel appeared: the service can no longer act on the create
  | 'NotSent' // the process stopped after recording the submission and before sending the create
  | 'TunnelExists' // a tunnel with the same key exists and differs from the file: no twin is created
  | 'Abandoned' // the user gave up on an unknown outcome (the tunnel may still appear; a new submit checks first)
  | 'TaskFailed'
  | 'ResourceNotFound'
  | 'UnexpectedState'
  | 'NotDeleted' // a delete's answer was lost and the tunnel was still there when the service could no longer act
  | 'Unconfirmed'; // a modify's or reset's answer was lost and the tunnel cannot show whether it took effect

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
  /** What the record sends: CreateVpnConnection (a submit), or an action on an existing tunnel (RecordAction). */
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
  /** True when the submit found the file's tunnel already there, matching, and followed it instead of creating. */
  readonly adopted?: boolean;
  /** When the create was sent (stamped, and persisted, just before it goes out). */
  readonly sentAt?: number;
  /** Until when an unknown outcome is looked for: sentAt + the outcome window (outcomeWindow.ts). */
  readonly lookUntil?: number;
  /** The pid and host of the process that made the submission (the CLI's status shows it). */
  readonly owner?: { pid: number; host: string };
  /** A modify: the top-level parameters it sent (names only: the values may hold the pre-shared key). */
  readonly changes?: string[];
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
  /** A tunnel with the record's key already exists; `adopt` when the file's parameters match it (no create). */
  | { type: 'tunnelExists'; tunnel: VpnConnectionSummary; adopt: boolean; differences: string[] }
  /** The create is about to go out: the outcome window starts now. */
  | { type: 'createSent' }
  /** The create was answered: its RequestId is the task's id. */
  | { type: 'createAccepted'; answer: CreateAnswer }
  /** The service refused the create (a definite error): nothing was created. */
  | { type: 'createRefused'; error: RecordedError }
  /** The create failed in a way that leaves its outcome open (timeout, dropped connection, 5xx, odd answer). */
  | { type: 'createUnclear'; error: RecordedError }
  /** A lookup (by gateway, customer gateway and name, or by id) found the record's tunnel. */
  | { type: 'tunnelFound'; tunnel: VpnConnectionSummary }
  /** A lookup found nothing; in `resolve` and `tunnel` the `maxLookups`-th miss in a row fails the record, in
   *  `unknown` only the end of the outcome window does. */
  | { type: 'lookupMissed'; maxLookups: number }
  /** DescribeVpcTaskResult answered. */
  | { type: 'taskReported'; result: TaskResult }
  /** DescribeVpcTaskResult says the service no longer knows the task: find the tunnel instead of waiting. */
  | { type: 'taskUnknown' }
  /** A poll failed transiently (network, throttling, credentials missing): it is retried with backoff. */
  | { type: 'pollFailed'; error: RecordedError }
  /** The user gave up on a record whose outcome is unknown (the only way to submit it again before the window ends). */
  | { type: 'abandoned' }
  /** An action on an existing tunnel (modify, delete, reset) is about to go out: stamped and persisted first. */
  | { type: 'operationSent' }
  /** The service answered it: a delete's RequestId is its task's id; a modify or reset is done. */
  | { type: 'operationAccepted'; answer: { RequestId?: string } }
  /** The service refused it (a definite error): nothing changed. */
  | { type: 'operationRefused'; error: RecordedError }
  /** Its answer was lost (timeout, dropped connection, 5xx): the outcome is unknown. */
  | { type: 'operationUnclear'; error: RecordedError }
  /** After an unclear modify, the tunnel was seen holding what the modify sent: it took effect. */
  | { type: 'operationConfirmed' };

/** The name of an event. */
export type SubmissionEventType = SubmissionEvent['type'];

/** What a new record needs to know. */
export interface RecordInit {
  /** Default CreateVpnConnection. */
  action?: RecordAction;
  /** The tunnel an action on an existing tunnel acts on (required for those). */
  vpnConnectionId?: string;
  changes?: string[];
  name: string;
  region: string;
  source: string;
  documentIndex: number;
  vpnGatewayId?: string;
  customerGatewayId?: string;
  vpcId?: string;
  owner?: { pid: number; host: string };
}
