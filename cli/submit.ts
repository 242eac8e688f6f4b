/**
 * `tcvpn submit FILE [--region R] [--endpoint URL] [--wait] [--output json] [--profile NAME] [--document N]
 * [--timeout S] [--language zh-CN|en-US] [--disable RULE]... [--dry-run] [--verbose]`: checks the file like the editor and
 * `tcvpn validate` (the same pipeline, `--disable` and suppression comments silence what is shown, but a silenced
 * error still refuses the file), refuses it when it has errors (exit 2), creates each document's tunnel through
 * the cloud client, and prints RequestId/TaskId (with --wait: the final Status, VpnConnectionId and tunnel state).
 * The planning is cloud/plan.ts, shared with the extension; this file answers its choices from the flags.
 * With --dry-run it stops after the check: it prints the findings exactly as `tcvpn validate` does (same text or
 * JSON), says what would be sent, needs no credentials and sends nothing; it exits 1 when the file would be
 * refused (which a silenced error does, unlike validate), else 0.
 * Exit codes: 0 SUCCESS (or accepted without --wait), 1 FAILED or an API error, 2 invalid input or usage.
 * Credentials come from the environment or a tccli profile.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { errorKindOf, isSetupError } from '../cloud/apiError';
import { ClientFactory } from '../cloud/clientFactory';
import { resolveCredentials, type Credentials } from '../cloud/credentials';
import { resolveEndpoint } from '../cloud/endpoint';
import { MemoryStore, TaskHistory, whenRecord } from '../cloud/history';
import { LogSink, SILENT_LOG } from '../cloud/log';
import {
  checkSubmissionFile,
  planSubmission,
  syntaxOf,
  type PlanChoices,
  type PlanInput,
  type SubmissionPlan,
  type SubmittableDocument,
} from '../cloud/plan';
import { submitDocument } from '../cloud/submission';
import { errorLabel, isFinished, outcomeUnknown, type SubmissionRecord } from '../cloud/submissionRecord';
import { TaskPoller } from '../cloud/taskPoller';
import type { RequestLanguage } from '../cloud/tcClient';
import type { Lang } from '../language';
import { langFromEnv } from './validate/options';
import { findingOf, sortFindings } from './validate/findings';
import { formatJson } from './validate/formatJson';
import { formatText } from './validate/formatText';
import { displayPathOf } from './validate/inputs';

const USAGE =
  'usage: tcvpn submit FILE [--region R] [--endpoint URL] [--wait] [--output json] [--profile NAME] [--document N] [--timeout S] [--language zh-CN|en-US] [--disable RULE]... [--dry-run] [--verbose]\n';

const OPTIONS = {
  region: { type: 'string' },
  endpoint: { type: 'string' },
  output: { type: 'string' },
  profile: { type: 'string' },
  document: { type: 'string' },
  timeout: { type: 'string' },
  language: { type: 'string' },
  disable: { type: 'string', multiple: true },
  wait: { type: 'boolean' },
  verbose: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

const REQUEST_LANGUAGES: readonly RequestLanguage[] = ['zh-CN', 'en-US'];

/** A wrong command line or input file: printed with exit code 2 (and the usage line, for a one-line message). */
export class UsageError extends Error {}

/** The command line, parsed and checked. */
export interface SubmitArgs {
  file: string;
  region?: string;
  endpoint?: string;
  output: 'json' | 'text';
  profile?: string;
  /** --document N: the 1-based number of the one document to submit. */
  document?: number;
  timeoutSeconds?: number;
  language?: RequestLanguage;
  /** Rule ids (or API error codes) silenced, as `tcvpn validate --disable`. */
  disabledRules: string[];
  wait: boolean;
  verbose: boolean;
  /** --dry-run: check and print, send nothing. */
  dryRun: boolean;
}

type RawValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** node's parseArgs messages, in the words tcvpn has always used. */
function usageErrorOf(error: Error & { code?: string }): UsageError {
  const option = /'(--?[\w-]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${option}`);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const takesValue =
      option.replace(/^--/, '') in OPTIONS &&
      OPTIONS[option.replace(/^--/, '') as keyof typeof OPTIONS].type === 'string';
    return new UsageError(takesValue ? `${option} needs a value` : `${option} takes no value`);
  }
  return new UsageError(error.message);
}

/** A positive number from a flag, or a usage error naming the flag. */
function positiveNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  const valid = value.trim() !== '' && Number.isFinite(number) && number > 0 && (!integer || Number.isInteger(number));
  if (!valid)
    throw new UsageError(
      `--${flag} must be ${integer ? 'a document number (1, 2, …)' : 'a number of seconds'}, not "${value}"`,
    );
  return number;
}

function checkedValues(values: RawValues): Omit<SubmitArgs, 'file'> {
  const output = values.output ?? 'text';
  if (output !== 'json' && output !== 'text') throw new UsageError('--output must be json or text');
  if (values.language !== undefined && !REQUEST_LANGUAGES.includes(values.language as RequestLanguage))
    throw new UsageError('--language must be zh-CN or en-US');
  return {
    region: values.region,
    endpoint: values.endpoint,
    output,
    profile: values.profile,
    document: positiveNumber('document', values.document, true),
    timeoutSeconds: positiveNumber('timeout', values.timeout, false),
    language: values.language as RequestLanguage | undefined,
    disabledRules: (values.disable ?? [])
      .flatMap((rule) => rule.split(','))
      .map((rule) => rule.trim())
      .filter(Boolean),
    wait: values.wait === true,
    verbose: values.verbose === true,
    dryRun: values['dry-run'] === true,
  };
}

/** Parses `submit`'s arguments (`--opt value` or `--opt=value`); throws UsageError. */
export function parseSubmitArgs(argv: readonly string[]): SubmitArgs {
  let parsed: { values: RawValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error as Error);
  }
  if (parsed.positionals.length !== 1) throw new UsageError('exactly one FILE is needed');
  return { file: parsed.positionals[0], ...checkedValues(parsed.values) };
}

/** The object `--output json` prints for one document. */
export function summaryOf(record: SubmissionRecord): Record<string, unknown> {
  const status =
    record.status === 'succeeded'
      ? 'SUCCESS'
      : record.status === 'failed'
        ? 'FAILED'
        : (record.taskStatus ?? 'RUNNING');
  const error = record.error
    ? { Code: record.error.code ?? record.error.kind ?? null, Message: record.error.message }
    : null;
  return {
    RequestId: record.requestId ?? null,
    TaskId: record.taskId ?? null,
    Status: status,
    VpnConnectionId: record.vpnConnectionId ?? null,
    State: record.tunnelState ?? null,
    Error: error,
  };
}

function printText(record: SubmissionRecord, out: (line: string) => void): void {
  const summary = summaryOf(record);
  out(`${record.name} (${record.region})`);
  for (const key of ['RequestId', 'TaskId', 'Status', 'VpnConnectionId', 'State'])
    if (summary[key]) out(`  ${key}: ${String(summary[key])}`);
  if (record.output) out(`  Output: ${record.output}`);
  if (record.error) out(`  Error: ${errorLabel(record.error)}`);
}

/** The flags' answers to the planning's choices: --document picks, --region places, and there is no prompt. */
export function flagChoices(args: Pick<SubmitArgs, 'document' | 'region'>): PlanChoices {
  return {
    pickDocuments: async (documents: readonly SubmittableDocument[]) => {
      if (args.document === undefined) return documents;
      const chosen = documents.find((document) => document.index === args.document! - 1);
      if (!chosen) throw new UsageError(`--document ${args.document}: the file has documents 1..${documents.length}`);
      return [chosen];
    },
    region: { explicit: args.region },
    confirm: async () => true,
  };
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** The messages' language: from --language when given, else from the shell's locale (as `tcvpn validate`). */
function messageLang(args: SubmitArgs): Lang {
  return args.language ? (args.language === 'zh-CN' ? 'zh' : 'en') : langFromEnv(process.env);
}

function planInput(args: SubmitArgs, history: TaskHistory): PlanInput {
  const source = path.resolve(args.file);
  // As with tccli: environment variables win unless a profile is named explicitly.
  const credentials = (): Promise<Credentials> =>
    resolveCredentials({ source: args.profile ? 'tccliProfile' : 'auto', profile: args.profile, secrets: undefined });
  const endpointFor = async (region: string): Promise<string> => {
    const endpoint = resolveEndpoint(args.endpoint, region);
    endpoint.agent.destroy();
    return endpoint.display;
  };
  const file = { text: readFile(args.file), kind: syntaxOf(args.file), uri: pathToFileURL(source).href, source };
  return {
    file,
    check: { lang: messageLang(args), disabledRules: args.disabledRules },
    history,
    credentials,
    endpointFor,
  };
}

/** Plans the submit; prints what the check shows; throws UsageError when the file is refused. */
async function planFromFlags(
  args: SubmitArgs,
  history: TaskHistory,
  err: (line: string) => void,
): Promise<SubmissionPlan> {
  const result = await planSubmission(planInput(args, history), flagChoices(args));
  result.notices.forEach((notice) => err(`${args.file}: ${notice}`));
  if (result.outcome === 'blocked')
    throw new UsageError(
      result.problems.map((problem) => `${args.file}: ${problem}`).join('\n') + '\nnothing was submitted',
    );
  if (result.outcome === 'cancelled') throw new UsageError('no document to submit\nnothing was submitted');
  return result.plan;
}

/**
 * --dry-run: the submit's own check of the file, printed in `tcvpn validate`'s format (so the two can be
 * compared byte for byte), then what a submit would do. Exit 1 when the file would be refused, else 0.
 */
function dryRun(args: SubmitArgs, out: (text: string) => void, err: (line: string) => void): number {
  const { file, check } = planInput(args, new TaskHistory(new MemoryStore()));
  const checked = checkSubmissionFile(file, check);
  const displayPath = displayPathOf(file.source, process.cwd());
  const findings = sortFindings(checked.check.diagnostics.map((diagnostic) => findingOf(displayPath, diagnostic)));
  out(args.output === 'json' ? formatJson(findings) : formatText(findings));
  if (checked.problems.length) {
    checked.problems.forEach((problem) => err(`${args.file}: ${problem}`));
    err('dry run: the file would be refused; nothing was sent');
    return 1;
  }
  err(
    `dry run: ${checked.documents.length} document(s) would be submitted (${checked.documents.map((d) => d.name || `document ${d.index + 1}`).join(', ')}); nothing was sent`,
  );
  return 0;
}

/** Submits each document, waits as asked, and returns the records. */
async function submitAll(
  args: SubmitArgs,
  plan: SubmissionPlan,
  history: TaskHistory,
  log: LogSink,
): Promise<SubmissionRecord[]> {
  const settings = { endpoint: args.endpoint, language: args.language, timeoutSeconds: args.timeoutSeconds };
  const factory = new ClientFactory({ settings: () => settings, credentials: async () => plan.credentials, log });
  const poller = new TaskPoller({ history, clientFor: (region) => factory.forRegion(region), log });
  const records: SubmissionRecord[] = [];
  try {
    for (const planned of plan.documents) {
      const record = await submitDocument(await factory.forRegion(planned.region), history, planned);
      poller.track(record.id);
      // An unclear create is always settled before reporting; the task itself only with --wait.
      const settled = await whenRecord(
        history,
        record.id,
        (current) => isFinished(current) || (!args.wait && !outcomeUnknown(current)),
      );
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
    const args = parseSubmitArgs(argv);
    if (args.dryRun) return dryRun(args, (text) => void process.stdout.write(text), err);
    const history = new TaskHistory(new MemoryStore());
    const plan = await planFromFlags(args, history, err);
    const log: LogSink = args.verbose ? { info: (line) => err(line) } : SILENT_LOG;
    const records = await submitAll(args, plan, history, log);
    if (args.output === 'json') {
      const summaries = records.map(summaryOf);
      out(JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2));
    } else records.forEach((record) => printText(record, out));
    return records.some((record) => record.status === 'failed') ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError) && !isSetupError(errorKindOf(error))) throw error;
    err(`tcvpn submit: ${(error as Error).message}`);
    if (error instanceof UsageError && !/\n/.test(error.message)) process.stderr.write(USAGE);
    return 2;
  }
}
