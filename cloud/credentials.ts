/**
 * Finds the API key pair. Unless the user picks a source, the order is: VS Code SecretStorage (through an injected
 * interface, absent in the CLI), the environment (TENCENTCLOUD_SECRET_ID / _SECRET_KEY, and the token under any
 * of the three names the SDK, tccli and terraform use), then the tccli profile files. Nothing here logs a key.
 */
import { maskSecretId } from './mask';
import { profileName, readTccliProfile } from './tccliProfile';

export type CredentialSource = 'auto' | 'secretStorage' | 'environment' | 'tccliProfile';
type ConcreteSource = Exclude<CredentialSource, 'auto'>;

/** A usable key pair and where it came from. */
export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
  source: ConcreteSource;
  /** For a tccli profile: its name. */
  profile?: string;
  /** A default region the source suggests (TENCENTCLOUD_REGION, or the profile's). */
  region?: string;
}

/** The subset of VS Code's SecretStorage the client needs. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export const SECRET_ID_KEY = 'tencentcloudVpn.secretId';
export const SECRET_KEY_KEY = 'tencentcloudVpn.secretKey';
export const TOKEN_ENV_NAMES = ['TENCENTCLOUD_SESSION_TOKEN', 'TENCENTCLOUD_TOKEN', 'TENCENTCLOUD_SECURITY_TOKEN'];

export interface CredentialOptions {
  source?: CredentialSource;
  secrets?: SecretStore;
  env?: NodeJS.ProcessEnv;
  /** Home directory holding .tccli (tests pass a temp dir). */
  homeDir?: string;
  /** tccli profile name; else TCCLI_PROFILE, else "default". */
  profile?: string;
}

/** No source had a complete key pair; `tried` says what was looked at, for the message. */
export class CredentialsError extends Error {
  override name = 'CredentialsError';
  constructor(readonly tried: string[]) {
    super(`No Tencent Cloud credentials found. Looked at: ${tried.join('; ')}.`);
  }
}

async function fromSecretStorage(secrets: SecretStore | undefined): Promise<Credentials | string> {
  if (!secrets) return 'VS Code secret storage (not available here)';
  const [secretId, secretKey] = await Promise.all([secrets.get(SECRET_ID_KEY), secrets.get(SECRET_KEY_KEY)]);
  if (secretId && secretKey) return { secretId, secretKey, source: 'secretStorage' };
  return 'VS Code secret storage (run "Set Credentials")';
}

function fromEnvironment(env: NodeJS.ProcessEnv): Credentials | string {
  const secretId = env.TENCENTCLOUD_SECRET_ID?.trim();
  const secretKey = env.TENCENTCLOUD_SECRET_KEY?.trim();
  if (!secretId || !secretKey) return 'environment (TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY both needed)';
  const token = TOKEN_ENV_NAMES.map((name) => env[name]?.trim()).find(Boolean);
  return { secretId, secretKey, token, source: 'environment', region: env.TENCENTCLOUD_REGION?.trim() || undefined };
}

function fromTccli(options: CredentialOptions, env: NodeJS.ProcessEnv): Credentials | string {
  const name = profileName(options.profile, env);
  const profile = readTccliProfile(name, options.homeDir);
  if (!profile) return `tccli profile "${name}" (no ~/.tccli/${name}.credential)`;
  if (profile.type === 'cvm-role') return `tccli profile "${name}" (type cvm-role is not supported: it has no keys)`;
  if (!profile.secretId || !profile.secretKey)
    return `tccli profile "${name}" (secretId or secretKey unset in ${profile.credentialFile})`;
  const { secretId, secretKey, token, region } = profile;
  return { secretId, secretKey, token, source: 'tccliProfile', profile: name, region };
}

/** Finds credentials from the chosen source, or the first complete one in order; throws CredentialsError. */
export async function resolveCredentials(options: CredentialOptions = {}): Promise<Credentials> {
  const env = options.env ?? process.env;
  const lookups: Record<ConcreteSource, () => Promise<Credentials | string> | Credentials | string> = {
    secretStorage: () => fromSecretStorage(options.secrets),
    environment: () => fromEnvironment(env),
    tccliProfile: () => fromTccli(options, env),
  };
  const order: ConcreteSource[] =
    !options.source || options.source === 'auto' ? ['secretStorage', 'environment', 'tccliProfile'] : [options.source];
  const tried: string[] = [];
  for (const source of order) {
    const found = await lookups[source]();
    if (typeof found !== 'string') return found;
    tried.push(found);
  }
  throw new CredentialsError(tried);
}

/** "AKID****wxyz (environment)" for confirmations and logs. */
export function describeCredentials(credentials: Credentials): string {
  const where = credentials.profile ? `${credentials.source}:${credentials.profile}` : credentials.source;
  return `${maskSecretId(credentials.secretId)} (${where})`;
}
