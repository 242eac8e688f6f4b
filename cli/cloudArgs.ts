/**
 * The flags and sources every cloud command of `tcvpn` shares (submit, import, plan, apply, delete, reset, status,
 * watch, validate --live), so scripts and CI use them alike:
 *   --region R       the region of a file without `Region` (else TENCENTCLOUD_REGION, the profile's, ap-guangzhou);
 *                    a file's own Region that disagrees is refused
 *   --endpoint URL   the VPC API host, or http://127.0.0.1:PORT for the emulator (else TENCENTCLOUD_ENDPOINT)
 *   --profile NAME   the tccli profile to read the keys from (else the environment first, then the tccli profile
 *                    TCCLI_PROFILE or "default", as tccli does)
 *   --output json    a JSON result on stdout instead of text
 * The command line is read by node's util.parseArgs; a wrong one is a UsageError, which each command prints with
 * its usage line (exit 2; `tcvpn plan`'s is 1, see cli/tunnelPlan.ts).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ClientFactory } from '../cloud/clientFactory';
import { resolveCredentials, type Credentials } from '../cloud/credentials';
import { TaskHistory } from '../cloud/history';
import type { LogSink } from '../cloud/log';
import { FileRecordStore } from '../cloud/recordStore';
import { chooseRegion } from '../cloud/region';
import { stateDir } from '../cloud/stateDir';
import type { RequestLanguage } from '../cloud/tcClient';

/** A wrong command line or input file: printed with exit code 2 (and the usage line, for a one-line message). */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The shared flags, as util.parseArgs options. */
export const CLOUD_OPTIONS = {
  region: { type: 'string' },
  endpoint: { type: 'string' },
  profile: { type: 'string' },
  output: { type: 'string' },
} as const satisfies Options;

/** The usage text of the shared flags. */
export const CLOUD_FLAGS_USAGE = '[--region R] [--endpoint URL] [--profile NAME] [--output json]';

/** The shared flags, checked. */
export interface CloudArgs {
  region?: string;
  endpoint?: string;
  profile?: string;
  output: 'json' | 'text';
}

/** node's parseArgs messages, in the words tcvpn has always used. */
export function usageErrorOf(error: Error & { code?: string }, options: Options): UsageError {
  const option = /'(--?[\w-]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${option}`);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const takesValue = options[option.replace(/^--/, '')]?.type === 'string';
    return new UsageError(takesValue ? `${option} needs a value` : `${option} takes no value`);
  }
  return new UsageError(error.message);
}

/** The shared flags of parsed values; UsageError for a wrong --output. */
export function cloudArgsOf(values: Record<string, unknown>): CloudArgs {
  const output = (values.output as string | undefined) ?? 'text';
  if (output !== 'json' && output !== 'text') throw new UsageError('--output must be json or text');
  const text = (name: string): string | undefined => values[name] as string | undefined;
  return { region: text('region'), endpoint: text('endpoint'), profile: text('profile'), output };
}

/** Parses a cloud command's arguments: the shared flags plus `extra`; throws UsageError. */
export function parseCloudCommand<E extends Options>(argv: readonly string[], extra: E) {
  const options = { ...CLOUD_OPTIONS, ...extra };
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { cloud: cloudArgsOf(parsed.values), values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw usageErrorOf(error as Error, options);
  }
}

/** The credentials of every cloud command: as with tccli, the environment wins unless a profile is named. */
export function cliCredentials(
  profile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials> {
  return resolveCredentials({
    source: profile ? 'tccliProfile' : 'auto',
    profile,
    secrets: undefined,
    env,
    homeDir: env === process.env ? undefined : env.HOME || undefined,
  });
}

/** The endpoint of every cloud command: --endpoint, else TENCENTCLOUD_ENDPOINT, else the region's public one. */
export function endpointOf(
  args: Pick<CloudArgs, 'endpoint'>,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return args.endpoint ?? (env.TENCENTCLOUD_ENDPOINT || undefined);
}

/** The history every `tcvpn` process and the extension share. */
export function sharedHistory(): TaskHistory {
  return new TaskHistory(new FileRecordStore(stateDir()));
}

/** What a cloud command talks to the service with: the credentials, a client per region, the region rule. */
export interface CloudSession {
  credentials: Credentials;
  clients: ClientFactory;
  /** The region of a document (its own Region, else --region, else the credentials', else ap-guangzhou). */
  regionOf(documentRegion?: string): string;
}

/** Opens a session: asks for the credentials once, up front (missing ones are a clear error, not a retried poll). */
export async function openSession(
  args: CloudArgs,
  options: { timeoutSeconds?: number; language?: RequestLanguage; log?: LogSink; env?: NodeJS.ProcessEnv } = {},
): Promise<CloudSession> {
  const env = options.env ?? process.env;
  const credentials = await cliCredentials(args.profile, env);
  const settings = {
    endpoint: endpointOf(args, env),
    language: options.language,
    timeoutSeconds: options.timeoutSeconds,
  };
  const clients = new ClientFactory({
    settings: () => settings,
    credentials: async () => credentials,
    log: options.log,
  });
  return {
    credentials,
    clients,
    regionOf: (documentRegion) => chooseRegion({ documentRegion, explicit: args.region, credentials }),
  };
}
