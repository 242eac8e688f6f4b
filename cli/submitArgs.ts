/**
 * `tcvpn submit`'s command line: the flags (node's util.parseArgs), their checks, and the usage line. A wrong
 * command line is a UsageError, printed with exit code 2.
 */
import { parseArgs } from 'node:util';
import type { RequestLanguage } from '../cloud/tcClient';

export const USAGE =
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

/** A positive number from a flag (`tcvpn watch --timeout` too), or a usage error naming the flag. */
export function positiveNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  // Plain decimals only: "0x10", "1e3" and " 7" are not what a person means by a number of seconds.
  const valid = /^\d+(\.\d+)?$/.test(value) && number > 0 && (!integer || Number.isInteger(number));
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
