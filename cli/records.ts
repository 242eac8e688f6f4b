/**
 * The CLI's view of the submission records every `tcvpn` process and the extension share (cloud/stateDir.ts):
 * - `tcvpn status [ID] [--region R] [--output json]`: every record (of that region), newest first (id, status,
 *   action, name, region, tunnel, last change), or one record in full;
 * - `tcvpn watch ID [--region R] [--endpoint URL] [--profile NAME] [--timeout S] [--output json] [--verbose]`:
 *   follows one unfinished record to its end, as `submit --wait` would have (after a Ctrl-C, a killed process or a
 *   reload); a --region other than the record's is refused;
 * - `tcvpn abandon ID`: gives up on a record whose create's outcome is unknown, so the file may be submitted again
 *   (the new submit still looks for an existing tunnel first and never makes a twin).
 * The shared flags of every cloud command are cloudArgs.ts's. An id may be abbreviated to any unique prefix. Exit
 * codes: 0 (watch: SUCCESS), 1 (watch: FAILED), 2 usage or an unknown id.
 */
import { errorKindOf, isSetupError } from '../cloud/apiError';
import { whenRecord, type TaskHistory } from '../cloud/history';
import { SILENT_LOG, type LogSink } from '../cloud/log';
import { isFinished, next, outcomeUnknown, stateOf, type SubmissionRecord } from '../cloud/submissionRecord';
import { TaskPoller } from '../cloud/taskPoller';
import { listLine, printText, summaryOf } from './recordText';
import { openSession, parseCloudCommand, sharedHistory, UsageError } from './cloudArgs';
import { positiveNumber } from './submitArgs';

/** Each command's own options, besides the shared CLOUD_OPTIONS (cli/main.ts's usage lists each). */
export const RECORDS_OPTIONS = {
  status: {},
  watch: { timeout: { type: 'string' }, verbose: { type: 'boolean' } },
  abandon: {},
} as const;

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);

/** The record whose id starts with `prefix`; a usage error when none or several do. */
function recordById(history: TaskHistory, prefix: string | undefined): SubmissionRecord {
  if (!prefix) throw new UsageError('a record ID is needed (tcvpn status lists them)');
  const matches = history.list().filter((record) => record.id.startsWith(prefix));
  if (matches.length === 1) return matches[0];
  throw new UsageError(
    matches.length
      ? `"${prefix}" names ${matches.length} records; give more of the id`
      : `no record "${prefix}" in ${history.store.location}`,
  );
}

function print(records: SubmissionRecord[], json: boolean, full: boolean): void {
  if (json) out(JSON.stringify(full ? summaryOf(records[0]) : records.map(summaryOf), null, 2));
  else if (full) printText(records[0], out);
  else if (!records.length) out('no submissions recorded');
  else records.forEach((record) => out(listLine(record)));
}

async function status(argv: string[]): Promise<number> {
  const { cloud, positionals } = parseCloudCommand(argv, RECORDS_OPTIONS.status);
  const history = sharedHistory();
  const json = cloud.output === 'json';
  if (positionals[0]) print([recordById(history, positionals[0])], json, true);
  else
    print(
      history.list().filter((record) => !cloud.region || record.region === cloud.region),
      json,
      false,
    );
  return 0;
}

async function abandon(argv: string[]): Promise<number> {
  const { positionals } = parseCloudCommand(argv, RECORDS_OPTIONS.abandon);
  const history = sharedHistory();
  const record = recordById(history, positionals[0]);
  if (!outcomeUnknown(record))
    throw new UsageError(
      `${record.id} is ${stateOf(record)}: only a record whose create's outcome is unknown can be abandoned`,
    );
  const abandoned = next(record, { type: 'abandoned' });
  await history.replace(abandoned);
  printText(abandoned, out);
  return 0;
}

async function watch(argv: string[]): Promise<number> {
  const { cloud, values, positionals } = parseCloudCommand(argv, RECORDS_OPTIONS.watch);
  const timeoutSeconds = positiveNumber('timeout', values.timeout as string | undefined, false);
  const history = sharedHistory();
  const record = recordById(history, positionals[0]);
  if (cloud.region && cloud.region !== record.region)
    throw new UsageError(`${record.id} is in ${record.region}, not --region ${cloud.region}`);
  if (!isFinished(record)) {
    const log: LogSink = values.verbose ? { info: err } : SILENT_LOG;
    // Asked once up front: missing credentials are a clear exit 2, not a poll retried for ever.
    const { clients: factory } = await openSession(cloud, { timeoutSeconds, log });
    const poller = new TaskPoller({ history, clientFor: (region) => factory.forRegion(region), log });
    err(`following ${record.name} (${stateOf(record)})…`);
    poller.track(record.id);
    try {
      await whenRecord(history, record.id, isFinished);
    } finally {
      poller.dispose();
      await factory.dispose();
    }
  }
  const final = history.get(record.id) ?? record;
  print([final], cloud.output === 'json', true);
  return final.status === 'succeeded' ? 0 : 1;
}

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = { status, watch, abandon };

/** Entry point for `tcvpn status|watch|abandon`, called by cli/main.ts. */
export async function runRecords(command: string, argv: string[]): Promise<number> {
  try {
    return await COMMANDS[command](argv);
  } catch (error) {
    if (!(error instanceof UsageError) && !isSetupError(errorKindOf(error))) throw error;
    err(`tcvpn ${command}: ${(error as Error).message}`);
    return 2;
  }
}
