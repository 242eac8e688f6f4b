/**
 * The command line of `tcvpn validate`: turns argv into options, or into a usage error that the caller
 * prints with the usage text and exit code 2.
 */
import type { Lang } from '../../language/types';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface ValidateOptions {
  format: OutputFormat;
  lang: Lang;
  /** Rule ids (or API error codes) silenced in every file, as the `validation.disabledRules` setting. */
  disabledRules: string[];
  /** Files, directories and globs, in the order given. */
  inputs: string[];
  /** --live: also run the account checks against the account's resources (credentials from env or tccli). */
  live: boolean;
  /** --region: the region of documents without `Region` (with --live). */
  region?: string;
  /** --endpoint: the VPC API host, or http://127.0.0.1:PORT for the emulator (with --live). */
  endpoint?: string;
  /** --profile: the tccli profile of the keys (with --live; the shared flags of cli/cloudArgs.ts). */
  profile?: string;
}

export type ParsedArgs =
  { kind: 'run'; options: ValidateOptions } | { kind: 'help' } | { kind: 'usageError'; message: string };

export const VALIDATE_USAGE = `usage: tcvpn validate [--format text|json|sarif] [--lang zh|en] [--disable RULE]... [--live [--region R] [--endpoint URL] [--profile NAME]] [--output json] FILES_OR_GLOBS...

Checks *.vpnconn.json / *.vpnconn.yaml files with the editor's schemas and rules.
A directory means every *.vpnconn.{json,yaml,yml} file under it; quote globs so the tool expands them.

  --format F      text (default): file:line:col: severity code message
                  json: a sorted array of {file, range, severity, code, message, source, ruleId}
                  sarif: SARIF 2.1.0 for code-scanning tools
  --lang L        language of the messages: zh or en (default: from LANG, else en)
  --disable RULE  silence a rule id or API error code (repeatable, or comma-separated)
  --live          also check the files against the account: ids exist in the file's region, VpcId, BGP ASNs,
                  route types and SPD rules of the gateway's tunnels (credentials from TENCENTCLOUD_SECRET_ID /
                  TENCENTCLOUD_SECRET_KEY or the tccli profile)
  --region R      with --live: region of files without Region (default: TENCENTCLOUD_REGION, the profile's, ap-guangzhou)
  --endpoint URL  with --live: VPC API host, or http://127.0.0.1:PORT for the local emulator (else TENCENTCLOUD_ENDPOINT)
  --profile NAME  with --live: the tccli profile to read the keys from (else the environment, then TCCLI_PROFILE)
  --output json   the same as --format json (the flag every cloud command takes)

exit status: 0 no errors, 1 errors found, 2 usage error, an unreadable file, or a failed --live lookup
`;

/** Every option validate reads, in util.parseArgs's shape (cli/main.ts's usage lists each; --help aside). */
export const VALIDATE_OPTIONS = {
  format: { type: 'string' },
  lang: { type: 'string' },
  disable: { type: 'string', multiple: true },
  live: { type: 'boolean' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
  profile: { type: 'string' },
  output: { type: 'string' },
} as const;

/** The options of VALIDATE_OPTIONS that take a value, as written: `--format`, `--lang`, … */
const VALUE_OPTIONS = Object.entries(VALIDATE_OPTIONS)
  .filter(([, option]) => option.type === 'string')
  .map(([name]) => `--${name}`);

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const LANGS: readonly Lang[] = ['zh', 'en'];

/** The message language a shell's locale asks for: Chinese for zh_*, else English. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Parses `validate`'s arguments; options may come as `--opt value` or `--opt=value`, and `--` ends them. */
export function parseValidateArgs(args: readonly string[], env: NodeJS.ProcessEnv): ParsedArgs {
  const options: ValidateOptions = {
    format: 'text',
    lang: langFromEnv(env),
    disabledRules: [],
    inputs: [],
    live: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      options.inputs.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--live') {
      options.live = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.inputs.push(arg);
      continue;
    }
    const [name, inlineValue] = splitOption(arg);
    const value = inlineValue ?? args[++i];
    const error = applyOption(options, name, value);
    if (error) return { kind: 'usageError', message: error };
  }
  if (options.inputs.length === 0) return { kind: 'usageError', message: 'no files, directories or globs given' };
  if (!options.live && (options.region || options.endpoint || options.profile))
    return { kind: 'usageError', message: '--region, --endpoint and --profile go with --live' };
  return { kind: 'run', options };
}

function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

/** Applies one option to `options`; returns a usage error message when the option or its value is wrong. */
function applyOption(options: ValidateOptions, name: string, value: string | undefined): string | undefined {
  if (!VALUE_OPTIONS.includes(name)) return `unknown option "${name}"`;
  if (value === undefined || value === '') return `${name} needs a value`;
  if (name === '--region' || name === '--endpoint' || name === '--profile') {
    options[name.slice(2) as 'region' | 'endpoint' | 'profile'] = value;
    return undefined;
  }
  if (name === '--output') {
    if (value !== 'json' && value !== 'text') return `--output must be json or text, not "${value}"`;
    options.format = value;
    return undefined;
  }
  if (name === '--format') {
    if (!FORMATS.includes(value as OutputFormat))
      return `--format must be one of ${FORMATS.join(', ')}, not "${value}"`;
    options.format = value as OutputFormat;
  } else if (name === '--lang') {
    if (!LANGS.includes(value as Lang)) return `--lang must be zh or en, not "${value}"`;
    options.lang = value as Lang;
  } else {
    options.disabledRules.push(
      ...value
        .split(',')
        .map((rule) => rule.trim())
        .filter(Boolean),
    );
  }
  return undefined;
}
