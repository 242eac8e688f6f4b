/**
 * Reads the records a history stored, whichever version of the client wrote them. The persisted shape has not
 * changed since the first version (`tencentcloudVpn.taskHistory.v1`); what older versions could write and the
 * state machine no longer does is repaired here, on load:
 * - an error `kind` that is not an ErrorKind is dropped (the code and message stay), and the set-up errors the
 *   old poller stored by name only (`CredentialsError`, `EndpointError`) get their kind;
 * - a running record polling a task without a TaskId, or a tunnel without an id, resumes as `resolve` (the old
 *   poller looked such records up by name; the state machine says so with the state);
 * - a running record marked `done`, or in the old `verify` phase, resumes as `unknown`: its outcome is what is
 *   unknown, and a lookup is safe;
 * - a finished record keeps its status and gets the phase `done`;
 * - a record without an `action` is a create (the only action records had before modify, delete and reset).
 * Entries that are not records at all (no id, no status) are dropped rather than crash the history.
 */
import { ERROR_KINDS, type ErrorKind } from './apiError';
import {
  stateFields,
  SUBMIT_ACTION,
  type RecordedError,
  type SubmissionRecord,
  type SubmissionState,
} from './submissionRecord';

type Stored = Record<string, unknown>;

const STATUSES = ['running', 'succeeded', 'failed'];
const RUNNING_PHASES: Record<string, SubmissionState> = {
  send: 'sending',
  verify: 'unknown',
  unknown: 'unknown',
  task: 'task',
  resolve: 'resolve',
  tunnel: 'tunnel',
};
/** The kinds the old poller left out of the set-up errors it stored. */
const KIND_OF_OLD_CODE: Record<string, ErrorKind> = { CredentialsError: 'credentials', EndpointError: 'endpoint' };

function isObject(value: unknown): value is Stored {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorKind(value: unknown): value is ErrorKind {
  return (ERROR_KINDS as readonly unknown[]).includes(value);
}

/** A stored error with a kind the union knows, or none; undefined when it is not an error at all. */
function migrateError(stored: unknown): RecordedError | undefined {
  if (!isObject(stored) || typeof stored.message !== 'string') return undefined;
  const { kind, ...rest } = stored as Stored & RecordedError;
  const known = isErrorKind(kind) ? kind : typeof rest.code === 'string' ? KIND_OF_OLD_CODE[rest.code] : undefined;
  return known ? { ...rest, kind: known } : rest;
}

/** The state a stored record resumes in. */
function stateOfStored(stored: Stored): SubmissionState {
  if (stored.status !== 'running') return stored.status as SubmissionState;
  const state = RUNNING_PHASES[String(stored.phase)] ?? 'unknown';
  if (state === 'task' && !stored.taskId) return 'resolve';
  if (state === 'tunnel' && !stored.vpnConnectionId) return 'resolve';
  return state;
}

/** One stored record as the current SubmissionRecord, or undefined when it cannot be one. */
export function migrateRecord(stored: unknown): SubmissionRecord | undefined {
  if (!isObject(stored) || typeof stored.id !== 'string' || !STATUSES.includes(stored.status as string))
    return undefined;
  const { error, pollError, ...fields } = stored;
  const migrated = { error: migrateError(error), pollError: migrateError(pollError) };
  const present = Object.fromEntries(Object.entries(migrated).filter(([, value]) => value !== undefined));
  const action = typeof fields.action === 'string' ? fields.action : SUBMIT_ACTION;
  return { ...fields, action, ...present, ...stateFields(stateOfStored(stored)) } as unknown as SubmissionRecord;
}

/** Every readable record of what a store held under the history's key (nothing, for a missing or odd value). */
export function loadRecords(stored: unknown): SubmissionRecord[] {
  if (!Array.isArray(stored)) return [];
  return stored.map(migrateRecord).filter((record): record is SubmissionRecord => record !== undefined);
}
