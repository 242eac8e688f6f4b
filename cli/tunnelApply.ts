/**
 * `tcvpn apply FILE [--yes] [--region R] [--endpoint URL] [--profile NAME] [--output json]`: makes the live tunnel
 * what the file says. A file without VpnConnectionId is a create, run exactly as `tcvpn submit FILE --wait` (after
 * the same confirmation). Else the plan is shown (PSK masked), changes that need a new tunnel refuse the apply
 * with nothing sent (exit 1), and after a confirmation ModifyVpnConnectionAttribute is sent once with exactly the
 * changed fields, through the shared records (a second apply, delete or reset of the tunnel in any process is
 * refused meanwhile). The confirmation is a y/N question on a terminal; --yes skips it; without a terminal and
 * without --yes nothing is sent (exit 2). Exit codes: 0 applied (or nothing to change), 1 refused or failed
 * (a declined confirmation too), 2 usage, no terminal to confirm on, or another record holds the tunnel.
 */
import { errorKindOf, isSetupError } from '../cloud/apiError';
import { SubmitRefusedError } from '../cloud/refusal';
import { outcomeUnknown } from '../cloud/submissionRecord';
import { applyTunnelPlan, NeedsNewTunnelError, planLines, tunnelLine, type TunnelPlan } from '../cloud/tunnel';
import {
  CLOUD_FLAGS_USAGE,
  openSession,
  parseCloudCommand,
  sharedHistory,
  UsageError,
  type CloudArgs,
} from './cloudArgs';
import { confirmed, ConfirmationUnavailableError } from './confirm';
import { printText, summaryOf } from './recordText';
import { isExpectedError, messageOf, processIo, type CliIo, type TunnelFileArg } from './tunnelIo';
import { planFile } from './tunnelPlan';
import { langFromEnv } from './validate/options';

export const APPLY_USAGE = `usage: tcvpn apply FILE [--yes] ${CLOUD_FLAGS_USAGE}\n`;

/** apply's own options, besides the shared CLOUD_OPTIONS (cli/main.ts's usage lists each). */
export const APPLY_OPTIONS = { yes: { type: 'boolean' } } as const;

/** The cloud flags again, for the submit a create runs. */
function cloudFlags(cloud: CloudArgs): string[] {
  const flags: string[] = [];
  for (const name of ['region', 'endpoint', 'profile'] as const) if (cloud[name]) flags.push(`--${name}`, cloud[name]!);
  return cloud.output === 'json' ? [...flags, '--output', 'json'] : flags;
}

/** What an apply run knows besides the plan: its flags and streams. */
interface ApplyRun {
  cloud: CloudArgs;
  yes: boolean;
  io: CliIo;
}

async function applyCreate(file: string, name: string, { cloud, yes, io }: ApplyRun): Promise<number> {
  io.err(`The file names no tunnel (no VpnConnectionId): apply creates "${name}", as tcvpn submit does.`);
  if (!(await confirmed(`Create the tunnel "${name}"?`, yes, io.confirm))) return declined(io);
  // Required lazily: submit's module is the create, unchanged.
  const { runSubmit } = require('./submit') as typeof import('./submit');
  return runSubmit([file, '--wait', ...cloudFlags(cloud)]);
}

function declined(io: CliIo): number {
  io.err('Apply cancelled: nothing was sent.');
  return 1;
}

async function applyModify(plan: TunnelPlan, read: TunnelFileArg, { cloud, yes, io }: ApplyRun): Promise<number> {
  planLines(plan, langFromEnv(io.env)).forEach((line) => io.err(line));
  if (plan.inSync) return 0;
  if (plan.needsNewTunnel.length) throw new NeedsNewTunnelError(plan.needsNewTunnel);
  const question = `Change ${plan.inPlace.join(', ')} of ${tunnelLine(plan.tunnel)} in place?`;
  if (!(await confirmed(question, yes, io.confirm))) return declined(io);
  const session = await openSession(cloud, { env: io.env });
  try {
    const client = await session.clients.forRegion(plan.tunnel.region);
    const request = { plan, fileParams: read.read.params, source: read.file.source };
    const record = (await applyTunnelPlan(client, sharedHistory(), request))!;
    if (cloud.output === 'json') io.out(`${JSON.stringify(summaryOf(record), null, 2)}\n`);
    else printText(record, (line) => io.out(`${line}\n`));
    if (outcomeUnknown(record))
      io.err(`The answer was lost; tcvpn watch ${record.id} follows it, tcvpn plan shows whether it took effect.`);
    return record.status === 'succeeded' ? 0 : 1;
  } finally {
    await session.clients.dispose();
  }
}

async function apply(argv: string[], io: CliIo): Promise<number> {
  const { cloud, values, positionals } = parseCloudCommand(argv, APPLY_OPTIONS);
  if (positionals.length !== 1) throw new UsageError('exactly one FILE is needed');
  const run: ApplyRun = { cloud, yes: values.yes === true, io };
  const { arg, result } = await planFile(positionals[0], cloud, io);
  if (result.kind === 'create') return applyCreate(positionals[0], result.name, run);
  return applyModify(result.plan, arg, run);
}

/** Entry point called by cli/main.ts. */
export async function runApply(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await apply(argv, io);
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    io.err(`tcvpn apply: ${messageOf(error)}`);
    if (error instanceof UsageError && !/\n/.test(error.message)) io.err(APPLY_USAGE.trimEnd());
    const usage = error instanceof UsageError || error instanceof ConfirmationUnavailableError;
    return usage || error instanceof SubmitRefusedError || isSetupError(errorKindOf(error)) ? 2 : 1;
  }
}
