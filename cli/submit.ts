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
 * Exit codes: 0 SUCCESS (or accepted without --wait), 1 FAILED or an API error, 2 invalid input or usage (or a
 * refusal: the tunnel is being created by another record, in this or any process), 130 interrupted.
 * Credentials come from the environment or a tccli profile. The records persist in the user's state directory
 * (cloud/stateDir.ts), shared with the extension: `tcvpn status` lists them and `tcvpn watch ID` resumes one. The
 * file is read by cli/safeRead.ts (only a regular text file, size-capped), as `tcvpn validate` reads it.
 * An unclear create is followed until its outcome is known (or, without --wait, until it is no longer unknown);
 * Ctrl-C keeps the record and says how to resume.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorKindOf, isSetupError } from '../cloud/apiError';
import { ClientFactory } from '../cloud/clientFactory';
import type { Credentials } from '../cloud/credentials';
import { resolveEndpoint } from '../cloud/endpoint';
import { MemoryStore, TaskHistory, whenRecord } from '../cloud/history';
import { SubmitRefusedError } from '../cloud/refusal';
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
import { isFinished, outcomeUnknown, stateOf, type SubmissionRecord } from '../cloud/submissionRecord';
import { TaskPoller } from '../cloud/taskPoller';
import type { Lang } from '../language';
import { langFromEnv } from './validate/options';
import { printText, summaryOf } from './recordText';
import { parseSubmitArgs, USAGE, UsageError, type SubmitArgs } from './submitArgs';
import { cliCredentials, endpointOf, sharedHistory } from './cloudArgs';

import { readInputFileSync } from './safeRead';
import { findingOf, sortFindings } from './validate/findings';
import { formatJson } from './validate/formatJson';
import { formatText } from './validate/formatText';
import { displayPathOf } from './validate/inputs';

export { cliCredentials, parseSubmitArgs, sharedHistory, summaryOf, UsageError, type SubmitArgs };

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
  const read = readInputFileSync(file);
  if (!read.ok) throw new UsageError(`${file}: ${read.message}\nnothing was submitted`);
  return read.text;
}

/** The messages' language: from --language when given, else from the shell's locale (as `tcvpn validate`). */
function messageLang(args: SubmitArgs): Lang {
  return args.language ? (args.language === 'zh-CN' ? 'zh' : 'en') : langFromEnv(process.env);
}

function planInput(args: SubmitArgs, history: TaskHistory): PlanInput {
  const source = path.resolve(args.file);
  const credentials = (): Promise<Credentials> => cliCredentials(args.profile);
  const endpointFor = async (region: string): Promise<string> => {
    const endpoint = resolveEndpoint(endpointOf(args), region);
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
    `dry run: ${checked.documents.length === 1 ? '1 document' : `${checked.documents.length} documents`} would be submitted (${checked.documents.map((d) => d.name || `document ${d.index + 1}`).join(', ')}); nothing was sent`,
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
  // Without --language the API answers in the messages' language (the shell's locale), never a fixed one.
  const language = args.language ?? (messageLang(args) === 'zh' ? 'zh-CN' : 'en-US');
  const settings = { endpoint: args.endpoint, language, timeoutSeconds: args.timeoutSeconds };
  const factory = new ClientFactory({ settings: () => settings, credentials: async () => plan.credentials, log });
  const poller = new TaskPoller({ history, clientFor: (region) => factory.forRegion(region), log });
  const records: SubmissionRecord[] = [];
  const stopOnInterrupt = interruptible(history, poller);
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
    stopOnInterrupt.dispose();
    poller.dispose();
    await factory.dispose();
  }
  return records;
}

/**
 * Ctrl-C (or SIGTERM) during a submit: the records are already persisted at every step, so this only stops, says
 * where each one stands and how to go on, and exits 130. A create on its way stays `sending` with its send stamped,
 * so whoever looks next (tcvpn watch, the extension) treats its outcome as unknown, never as "not created".
 */
function interruptible(history: TaskHistory, poller: TaskPoller) {
  const startedAt = Date.now();
  const stop = (signal: NodeJS.Signals): void => {
    poller.dispose();
    history.reload();
    const err = (line: string) => process.stderr.write(`${line}\n`);
    err(`tcvpn submit: interrupted (${signal}); nothing is lost, the records are kept in ${history.store.location}`);
    const mine = history.list().filter((record) => record.owner?.pid === process.pid && record.createdAt >= startedAt);
    for (const record of mine) {
      err(`  ${record.name}: ${stateOf(record)}${outcomeUnknown(record) ? ' (the create may have gone through)' : ''}`);
      if (!isFinished(record)) err(`  follow it with: tcvpn watch ${record.id}`);
    }
    if (!mine.length) err('  no create was sent');
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** Entry point called by cli/main.ts. */
export async function runSubmit(argv: string[]): Promise<number> {
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  const err = (line: string): boolean => process.stderr.write(`${line}\n`);
  try {
    const args = parseSubmitArgs(argv);
    if (args.dryRun) return dryRun(args, (text) => void process.stdout.write(text), err);
    const history = sharedHistory();
    const plan = await planFromFlags(args, history, err);
    const log: LogSink = args.verbose ? { info: (line) => err(line) } : SILENT_LOG;
    const records = await submitAll(args, plan, history, log);
    if (args.output === 'json') {
      const summaries = records.map(summaryOf);
      out(JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2));
    } else records.forEach((record) => printText(record, out));
    return records.some((record) => record.status === 'failed') ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof SubmitRefusedError) && !isSetupError(errorKindOf(error)))
      throw error;
    err(`tcvpn submit: ${(error as Error).message}`);
    if (error instanceof SubmitRefusedError) return 2;
    if (error instanceof UsageError && !/\n/.test(error.message)) process.stderr.write(USAGE);
    return 2;
  }
}
