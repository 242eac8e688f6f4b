/**
 * Reads tccli's profile files: `~/.tccli/<profile>.credential` ({secretId, secretKey, token, type, …}) and
 * `~/.tccli/<profile>.configure` ({_sys_param: {region, language, …}, vpc: {endpoint}}; older files keep the
 * _sys_param keys at the top level). tccli's interactive configure may write the literal "None" for unset keys.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** What a profile provides; every field may be missing. */
export interface TccliProfile {
  name: string;
  credentialFile: string;
  secretId?: string;
  secretKey?: string;
  token?: string;
  /** "cvm-role" profiles carry no keys (the CVM metadata service would supply them). */
  type?: string;
  region?: string;
  language?: string;
  vpcEndpoint?: string;
}

/** The profile name: an explicit one, else TCCLI_PROFILE, else "default". */
export function profileName(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  return explicit?.trim() || env.TCCLI_PROFILE?.trim() || 'default';
}

/** A string field, with tccli's "None" and empty strings read as unset. */
function field(object: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = object?.[key];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed && trimmed !== 'None' ? trimmed : undefined;
}

function readJson(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    throw new Error(`${file} is not valid JSON.`);
  }
}

/** Reads one profile from `<homeDir>/.tccli`; returns undefined when neither file exists. */
export function readTccliProfile(name: string, homeDir = os.homedir()): TccliProfile | undefined {
  const dir = path.join(homeDir, '.tccli');
  const credentialFile = path.join(dir, `${name}.credential`);
  const credential = readJson(credentialFile);
  const configure = readJson(path.join(dir, `${name}.configure`));
  if (!credential && !configure) return undefined;
  const sys = (configure?._sys_param as Record<string, unknown> | undefined) ?? configure;
  const vpc = configure?.vpc as Record<string, unknown> | undefined;
  return {
    name,
    credentialFile,
    secretId: field(credential, 'secretId'),
    secretKey: field(credential, 'secretKey'),
    token: field(credential, 'token'),
    type: field(credential, 'type'),
    region: field(sys, 'region'),
    language: field(sys, 'language'),
    vpcEndpoint: field(vpc, 'endpoint'),
  };
}
