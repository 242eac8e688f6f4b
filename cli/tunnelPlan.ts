/**
 * `tcvpn plan FILE [--region R] [--endpoint URL] [--profile NAME] [--output json]`: the file against its live
 * tunnel (cloud/tunnel/tunnelPlan.ts): each changed field, and whether ModifyVpnConnectionAttribute changes it in
 * place or it needs a new tunnel. A file without VpnConnectionId plans a create. The pre-shared key is always masked.
 * Exit codes as terraform's `plan -detailed-exitcode`: 0 no changes, 2 changes, 1 an error. Unlike every other
 * tcvpn command, a usage error is 1 here too (2 means "changes"), so a script can trust the code.
 */
import { fetchLiveTunnel, planLines, planTunnel, type TunnelPlan } from '../cloud/tunnel';
import { CLOUD_FLAGS_USAGE, openSession, parseCloudCommand, UsageError, type CloudArgs } from './cloudArgs';
import {
  fileProblems,
  isExpectedError,
  messageOf,
  processIo,
  readTunnelArg,
  type CliIo,
  type TunnelFileArg,
} from './tunnelIo';
import { langFromEnv } from './validate/options';

export const PLAN_USAGE = `usage: tcvpn plan FILE ${CLOUD_FLAGS_USAGE}\n`;

/** plan's own options, besides the shared CLOUD_OPTIONS: none (test/unit/cli/usage.test.ts reads this). */
export const PLAN_OPTIONS = {} as const;

/** A file's plan: against its live tunnel, or a create. */
export type FilePlan = { kind: 'tunnel'; plan: TunnelPlan } | { kind: 'create'; name: string };

/** Reads FILE and plans it against its live tunnel (or as a create); throws the errors the caller words. */
export async function planFile(
  fileArg: string,
  cloud: CloudArgs,
  io: CliIo,
): Promise<{ arg: TunnelFileArg; result: FilePlan; region?: string }> {
  const arg = readTunnelArg(fileArg, io);
  const problems = fileProblems(fileArg, arg.read);
  if (problems) throw problems;
  arg.read.notices.forEach((notice) => io.err(`${fileArg}: ${notice}`));
  if (!arg.read.vpnConnectionId) return { arg, result: { kind: 'create', name: arg.read.name } };
  const session = await openSession(cloud, { env: io.env });
  const region = session.regionOf(arg.read.region);
  try {
    const live = await fetchLiveTunnel(await session.clients.forRegion(region), region, arg.read.vpnConnectionId);
    return { arg, result: { kind: 'tunnel', plan: planTunnel(arg.read.params, live) }, region };
  } finally {
    await session.clients.dispose();
  }
}

/** The plan's JSON (the library's object; a create says so). */
export function planJson(result: FilePlan): unknown {
  if (result.kind === 'create') return { create: true, name: result.name, inSync: false, changes: [] };
  return { create: false, ...result.plan };
}

/** The plan's text lines, in the shell's language (LANG zh_*: Chinese). */
export function planText(result: FilePlan, env: NodeJS.ProcessEnv): string[] {
  if (result.kind === 'tunnel') return planLines(result.plan, langFromEnv(env));
  return [`The file names no tunnel (no VpnConnectionId): apply creates "${result.name}" (as tcvpn submit does).`];
}

async function plan(argv: string[], io: CliIo): Promise<number> {
  const { cloud, positionals } = parseCloudCommand(argv, PLAN_OPTIONS);
  if (positionals.length !== 1) throw new UsageError('exactly one FILE is needed');
  const { result } = await planFile(positionals[0], cloud, io);
  if (cloud.output === 'json') io.out(`${JSON.stringify(planJson(result), null, 2)}\n`);
  else io.out(`${planText(result, io.env).join('\n')}\n`);
  return result.kind === 'tunnel' && result.plan.inSync ? 0 : 2;
}

/** Entry point called by cli/main.ts. */
export async function runPlan(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await plan(argv, io);
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    io.err(`tcvpn plan: ${messageOf(error)}`);
    if (error instanceof UsageError && !/\n/.test(error.message)) io.err(PLAN_USAGE.trimEnd());
    // terraform's -detailed-exitcode: every error is 1, set-up and usage errors too (2 means "changes").
    return 1;
  }
}
