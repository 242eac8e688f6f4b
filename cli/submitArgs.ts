/**
 * `tcvpn submit`'s command line: the flags (node's util.parseArgs; the ones every cloud command shares come from
 * cloudArgs.ts), their checks, and the usage line. A wrong command line is a UsageError, printed with exit code 2.
 */
import { parseArgs } from 'node:util';
import type { RequestLanguage } from '../cloud/tcClient';
import { CLOUD_OPTIONS, cloudArgsOf, usageErrorOf, UsageError } from './cloudArgs';

export { UsageError };

export const USAGE =
  'usage: tcvpn submit FILE [--region R] [--endpoint URL] [--wait] [--output json] [--profile NAME] [--document N] [--timeout S] [--language zh-CN|en-US] [--disable RULE]... [--dry-run] [--verbose]\n';

/** Every option `submit` takes (cli/main.ts's usage lists each; test/unit/cli/usage.test.ts checks). */
export const OPTIONS = {
  ...CLOUD_OPTIONS,
  document: { type: 'string' },
  timeout: { type: 'string' },
  language: { type: 'string' },
  disable: { type: 'string', multiple: true },
  wait: { type: 'boolean' },
  verbose: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

const REQUEST_LANGUAGES: readonly RequestLanguage[] = ['zh-CN', 'en-US'];

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
  const { region, endpoint, output, profile } = cloudArgsOf(values);
  if (values.language !== undefined && !REQUEST_LANGUAGES.includes(values.language as RequestLanguage))
    throw new UsageError('--language must be zh-CN or en-US');
  return {
    region,
    endpoint,
    output,
    profile,
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
    throw usageErrorOf(error as Error, OPTIONS);
  }
  if (parsed.positionals.length !== 1) throw new UsageError('exactly one FILE is needed');
  return { file: parsed.positionals[0], ...checkedValues(parsed.values) };
}
