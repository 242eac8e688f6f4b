/**
 * `tcvpn delete FILE|VPNX_ID [--yes]` and `tcvpn reset FILE|VPNX_ID [--yes]` (plus the shared cloud flags): a tunnel
 * file's VpnConnectionId and Region, or a tunnel id (in --region), is read live so the confirmation names the tunnel
 * (id, name, gateway, customer gateway, region, state); then DeleteVpnConnection or ResetVpnConnection is sent once
 * through the shared records (cloud/tunnel/operations.ts). A delete is followed until the tunnel is gone (its task,
 * by the poller; Ctrl-C keeps the record: `tcvpn watch ID` resumes it). The confirmation is a y/N question on a
 * terminal; --yes skips it; without a terminal and without --yes nothing is sent (exit 2). Exit codes: 0 done,
 * 1 failed, declined or no such tunnel, 2 usage, no terminal to confirm on, or another record holds the tunnel.
 */
import * as fs from 'node:fs';
import { errorKindOf, isSetupError } from '../cloud/apiError';
import { whenRecord, type TaskHistory } from '../cloud/history';
import { SubmitRefusedError } from '../cloud/refusal';
import { isFinished } from '../cloud/submissionRecord';
import { TaskPoller } from '../cloud/taskPoller';
import {
  fetchLiveTunnel,
  runTunnelOperation,
  summaryOf as tunnelSummaryOf,
  TUNNEL_OPERATIONS,
  tunnelLine,
} from '../cloud/tunnel';
import {
  CLOUD_FLAGS_USAGE,
  openSession,
  parseCloudCommand,
  sharedHistory,
  UsageError,
  type CloudSession,
} from './cloudArgs';
import { confirmed, ConfirmationUnavailableError } from './confirm';
import { printText, summaryOf } from './recordText';
import { TUNNEL_ID_PATTERN } from '../language';
import { fileProblems, isExpectedError, messageOf, processIo, readTunnelArg, type CliIo } from './tunnelIo';

type Verb = keyof typeof TUNNEL_OPERATIONS;

/** delete's and reset's own options, besides the shared CLOUD_OPTIONS (cli/main.ts's usage lists each). */
export const TUNNEL_COMMAND_OPTIONS = { yes: { type: 'boolean' } } as const;

const usageOf = (verb: Verb): string => `usage: tcvpn ${verb} FILE|VPNX_ID [--yes] ${CLOUD_FLAGS_USAGE}\n`;

/** The tunnel an argument names: a tunnel id (not an existing file of that name), or a tunnel file's. */
function targetOf(arg: string, io: CliIo): { id: string; region?: string; source: string } {
  if (TUNNEL_ID_PATTERN.test(arg) && !fs.existsSync(arg)) return { id: arg, source: arg };
  const { file, read } = readTunnelArg(arg, io);
  // A file plan and apply refuse (errors, several documents) is refused here too: never act on a guess.
  const problems = fileProblems(arg, read);
  if (problems) throw problems;
  if (!read.vpnConnectionId) throw new UsageError(`${arg} names no tunnel (no VpnConnectionId); nothing was sent`);
  return { id: read.vpnConnectionId, region: read.region, source: file.source };
}

const QUESTIONS: Record<Verb, string> = {
  delete: 'Delete tunnel {tunnel}? This cannot be undone.',
  reset: 'Reset tunnel {tunnel}? Its IPsec SAs are renegotiated and traffic stops meanwhile.',
};

/** Follows a delete's task to its end (a reset is done when answered). */
async function followed(session: CloudSession, history: TaskHistory, id: string) {
  const poller = new TaskPoller({ history, clientFor: (region) => session.clients.forRegion(region) });
  poller.track(id);
  try {
    return await whenRecord(history, id, isFinished);
  } finally {
    poller.dispose();
  }
}

async function operate(verb: Verb, argv: string[], io: CliIo): Promise<number> {
  const { cloud, values, positionals } = parseCloudCommand(argv, TUNNEL_COMMAND_OPTIONS);
  if (positionals.length !== 1) throw new UsageError('exactly one FILE or VPNX_ID is needed');
  const target = targetOf(positionals[0], io);
  const session = await openSession(cloud, { env: io.env });
  try {
    const region = session.regionOf(target.region);
    const client = await session.clients.forRegion(region);
    const tunnel = tunnelSummaryOf(await fetchLiveTunnel(client, region, target.id));
    if (!(await confirmed(QUESTIONS[verb].replace('{tunnel}', tunnelLine(tunnel)), values.yes === true, io.confirm))) {
      io.err(`${verb} cancelled: nothing was sent.`);
      return 1;
    }
    const action = TUNNEL_OPERATIONS[verb];
    const history = sharedHistory();
    let record = await runTunnelOperation(client, history, { action, tunnel, source: target.source });
    if (!isFinished(record)) {
      io.err(`following the ${verb} (record ${record.id}; Ctrl-C keeps it: tcvpn watch ${record.id} resumes)…`);
      record = (await followed(session, history, record.id)) ?? record;
    }
    if (cloud.output === 'json') io.out(`${JSON.stringify(summaryOf(record), null, 2)}\n`);
    else printText(record, (line) => io.out(`${line}\n`));
    return record.status === 'succeeded' ? 0 : 1;
  } finally {
    await session.clients.dispose();
  }
}

/** Entry point for `tcvpn delete|reset`, called by cli/main.ts. */
export async function runTunnelCommand(verb: Verb, argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await operate(verb, argv, io);
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    io.err(`tcvpn ${verb}: ${messageOf(error)}`);
    if (error instanceof UsageError && !/\n/.test(error.message)) io.err(usageOf(verb).trimEnd());
    const usage = error instanceof UsageError || error instanceof ConfirmationUnavailableError;
    return usage || error instanceof SubmitRefusedError || isSetupError(errorKindOf(error)) ? 2 : 1;
  }
}
