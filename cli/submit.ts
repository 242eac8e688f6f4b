/**
 * `tcvpn submit FILE [--region R] [--endpoint URL] [--wait] [--output json] [--profile NAME] [--document N]
 * [--verbose]`: validates the file like the editor, refuses it when it has errors (exit 2), creates each
 * document's tunnel through the shared core, and prints RequestId/TaskId (with --wait: the final Status,
 * VpnConnectionId and tunnel state). Exit codes: 0 SUCCESS (or accepted without --wait), 1 FAILED or an API
 * error, 2 invalid input or usage. Credentials come from the environment or a tccli profile.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClientFactory } from '../cloud/clientFactory';
import { Credentials, CredentialsError, resolveCredentials } from '../cloud/credentials';
import { parseSubmitFile, SubmitDocument, syntaxOf } from '../cloud/submitDocuments';
import { MemoryStore, TaskHistory, whenRecord } from '../cloud/history';
import { LogSink, SILENT_LOG } from '../cloud/log';
import { resolveEndpoint } from '../cloud/endpoint';
import { chooseRegion } from '../cloud/region';
import { submitDocument } from '../cloud/submission';
import { TaskPoller } from '../cloud/taskPoller';
import type { TaskRecord } from '../cloud/submissionRecord';
import type { RequestLanguage } from '../cloud/tcClient';
import { formatFinding, isBlocking, validateDocuments } from '../cloud/submitValidation';

const USAGE = 'usage: tcvpn submit FILE [--region R] [--endpoint URL] [--wait] [--output json] [--profile NAME] [--document N] [--timeout S] [--language zh-CN|en-US] [--verbose]\n';
const VALUE_FLAGS = new Set(['--region', '--endpoint', '--output', '--profile', '--document', '--timeout', '--language']);
const BOOLEAN_FLAGS = new Set(['--wait', '--verbose']);

class UsageError extends Error {}

interface SubmitArgs {
  file: string;
  flags: Map<string, string>;
}

function parseArgs(args: string[]): SubmitArgs {
  const flags = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    if (BOOLEAN_FLAGS.has(name)) flags.set(name, 'true');
    else if (VALUE_FLAGS.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else if (name.startsWith('-')) throw new UsageError(`unknown option ${name}`);
    else files.push(args[i]);
  }
  if (files.length !== 1) throw new UsageError('exactly one FILE is needed');
  if (flags.has('--output') && !['json', 'text'].includes(flags.get('--output')!)) throw new UsageError('--output must be json or text');
  return { file: files[0], flags };
}

/** The object `--output json` prints for one document. */
export function summaryOf(record: TaskRecord): Record<string, unknown> {
  const status = record.status === 'succeeded' ? 'SUCCESS' : record.status === 'failed' ? 'FAILED' : (record.taskStatus ?? 'RUNNING');
  const error = record.error ? { Code: record.error.code ?? record.error.kind ?? null, Message: record.error.message } : null;
  return { RequestId: record.requestId ?? null, TaskId: record.taskId ?? null, Status: status, VpnConnectionId: record.vpnConnectionId ?? null, State: record.tunnelState ?? null, Error: error };
}

function printText(record: TaskRecord, out: (line: string) => void): void {
  const summary = summaryOf(record);
  out(`${record.name} (${record.region})`);
  for (const key of ['RequestId', 'TaskId', 'Status', 'VpnConnectionId', 'State']) if (summary[key]) out(`  ${key}: ${String(summary[key])}`);
  if (record.output) out(`  Output: ${record.output}`);
  if (record.error) out(`  Error: ${record.error.code ?? record.error.kind ?? ''} ${record.error.message}`);
}

function selectDocuments(documents: SubmitDocument[], selector: string | undefined): SubmitDocument[] {
  if (selector === undefined) return documents;
  const chosen = documents.find((document) => document.index === Number(selector) - 1);
  if (!chosen) throw new UsageError(`--document ${selector}: the file has documents 1..${documents.length}`);
  return [chosen];
}

/** Loads and checks the file; throws UsageError with every blocking problem. */
function loadDocuments(args: SubmitArgs, err: (line: string) => void): SubmitDocument[] {
  let text: string;
  try {
    text = fs.readFileSync(args.file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${args.file}: ${(error as Error).message}`);
  }
  const parsed = parseSubmitFile(text, syntaxOf(args.file));
  if (parsed.problems.length) throw new UsageError(parsed.problems.map((problem) => `${args.file}: ${problem}`).join('\n'));
  const documents = selectDocuments(parsed.documents, args.flags.get('--document'));
  const findings = validateDocuments(documents);
  findings.filter((item) => !isBlocking(item)).forEach((item) => err(`${args.file}: ${formatFinding(item)}`));
  const blocking = findings.filter(isBlocking);
  if (blocking.length) throw new UsageError(blocking.map((item) => `${args.file}: ${formatFinding(item)}`).join('\n') + '\nnothing was submitted');
  return documents;
}

async function credentialsFor(args: SubmitArgs): Promise<Credentials> {
  const profile = args.flags.get('--profile');
  // As with tccli: environment variables win unless a profile is named explicitly.
  return resolveCredentials({ source: profile ? 'tccliProfile' : 'auto', profile, secrets: undefined });
}

interface Planned {
  document: SubmitDocument;
  region: string;
}

/** Every document's region and a check of the endpoint, before anything is sent. */
function plan(args: SubmitArgs, documents: SubmitDocument[], credentials: Credentials): Planned[] {
  return documents.map((document) => {
    const region = chooseRegion({ documentRegion: document.region, explicit: args.flags.get('--region'), credentials });
    resolveEndpoint(args.flags.get('--endpoint'), region).agent.destroy();
    return { document, region };
  });
}

/** Submits each document, waits as asked, and returns the records. */
async function submitAll(args: SubmitArgs, planned: Planned[], credentials: Credentials, log: LogSink): Promise<TaskRecord[]> {
  const history = new TaskHistory(new MemoryStore());
  const language = args.flags.get('--language') as RequestLanguage | undefined;
  const timeoutSeconds = args.flags.has('--timeout') ? Number(args.flags.get('--timeout')) : undefined;
  const endpoint = args.flags.get('--endpoint');
  const factory = new ClientFactory({ settings: () => ({ endpoint, language, timeoutSeconds }), credentials: async () => credentials, log });
  const poller = new TaskPoller({ history, clientFor: (region) => factory.forRegion(region), log });
  const wait = args.flags.has('--wait');
  const source = path.resolve(args.file);
  const records: TaskRecord[] = [];
  try {
    for (const { document, region } of planned) {
      const record = await submitDocument(await factory.forRegion(region), history, { source, document, region });
      poller.track(record.id);
      // An unclear create is always settled before reporting; the task itself only with --wait.
      const settled = await whenRecord(history, record.id, (current) => current.status !== 'running' || (!wait && current.phase !== 'verify'));
      records.push(settled ?? record);
    }
  } finally {
    poller.dispose();
    await factory.dispose();
  }
  return records;
}

/** Entry point called by cli/main.ts. */
export async function runSubmit(argv: string[]): Promise<number> {
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  const err = (line: string): boolean => process.stderr.write(`${line}\n`);
  try {
    const args = parseArgs(argv);
    const documents = loadDocuments(args, err);
    const credentials = await credentialsFor(args);
    const log: LogSink = args.flags.has('--verbose') ? { info: (line) => err(line) } : SILENT_LOG;
    const records = await submitAll(args, plan(args, documents, credentials), credentials, log);
    if (args.flags.get('--output') === 'json') {
      const summaries = records.map(summaryOf);
      out(JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2));
    } else records.forEach((record) => printText(record, out));
    return records.some((record) => record.status === 'failed') ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CredentialsError || (error as Error).name === 'RegionError' || (error as Error).name === 'EndpointError') {
      err(`tcvpn submit: ${(error as Error).message}`);
      if (error instanceof UsageError && !/\n/.test(error.message)) process.stderr.write(USAGE);
      return 2;
    }
    throw error;
  }
}
