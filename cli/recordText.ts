/**
 * How the CLI shows a submission record: the `--output json` object (the service's RequestId, TaskId, Status,
 * VpnConnectionId, State and Error, with the RequestId of a failed request), and the text lines. Shared by
 * `tcvpn submit`, `tcvpn status`, `tcvpn watch`, and `apply`, `delete` and `reset` (whose records carry their action).
 */
import { errorLabel, stateOf, type SubmissionRecord } from '../cloud/submissionRecord';

/** Status as the CLI prints it: the task's, or the record's verdict. */
function statusOf(record: SubmissionRecord): string {
  if (record.status === 'succeeded') return 'SUCCESS';
  if (record.status === 'failed') return 'FAILED';
  if (stateOf(record) === 'unknown') return 'OUTCOME_UNKNOWN';
  return record.taskStatus ?? 'RUNNING';
}

/** The object `--output json` prints for one record. */
export function summaryOf(record: SubmissionRecord): Record<string, unknown> {
  const error = record.error
    ? {
        Code: record.error.code ?? record.error.kind ?? null,
        Message: record.error.message,
        RequestId: record.error.requestId ?? null,
      }
    : null;
  return {
    RecordId: record.id,
    Name: record.name,
    Region: record.region,
    RequestId: record.requestId ?? record.error?.requestId ?? null,
    TaskId: record.taskId ?? null,
    Status: statusOf(record),
    VpnConnectionId: record.vpnConnectionId ?? null,
    State: record.tunnelState ?? null,
    RecordState: stateOf(record),
    LookUntil: record.lookUntil ? new Date(record.lookUntil).toISOString() : null,
    Source: record.source,
    Error: error,
    Action: record.action,
  };
}

/** The text form of one record: its name, then one line per known field. */
export function printText(record: SubmissionRecord, out: (line: string) => void): void {
  const summary = summaryOf(record);
  out(`${record.name} (${record.region})`);
  for (const key of ['RecordId', 'Action', 'RequestId', 'TaskId', 'Status', 'VpnConnectionId', 'State', 'LookUntil'])
    if (summary[key]) out(`  ${key}: ${String(summary[key])}`);
  if (record.output) out(`  Output: ${record.output}`);
  if (record.error) out(`  Error: ${errorLabel(record.error)}`);
}

/** One line per record for `tcvpn status`: id, state, name, region, tunnel, last change. */
export function listLine(record: SubmissionRecord): string {
  const updated = new Date(record.updatedAt).toISOString().replace(/\.\d+Z$/, 'Z');
  return [
    record.id,
    statusOf(record).padEnd(15),
    record.action,
    record.name,
    record.region,
    record.vpnConnectionId ?? '-',
    updated,
  ].join('  ');
}
