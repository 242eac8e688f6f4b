/**
 * What the commands that turn one checked file into text share (`tcvpn export`, `tcvpn peer-config`): their
 * command line (node's util.parseArgs, exactly one FILE, a named --out), the chosen document of the file read as
 * `tcvpn submit` reads it (cli/safeRead.ts) and checked by the same pipeline (`checkSubmissionFile`), and the exit
 * code 2 for an error the user can act on. Each command keeps its own words for what it did not do ("nothing was
 * exported", "nothing was written").
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkSubmissionFile, syntaxOf, type CheckedFile } from '../cloud/plan';
import { UsageError } from './cloudArgs';
import { readInputFileSync } from './safeRead';
import { langFromEnv } from './validate/options';

type Options = NonNullable<ParseArgsConfig['options']>;

/** One part of the pipeline's answer: a document of the file, its value as written and its request parameters. */
export type DocumentPart = CheckedFile['check']['parts'][number];

/**
 * Parses the arguments of a command that takes one FILE; throws UsageError. A wrong option keeps node's own
 * first line ("Unknown option '--psk'. …"), as these commands have always printed it.
 */
export function parseFileCommand<O extends Options>(argv: readonly string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  if (parsed.positionals.length !== 1) throw new UsageError('exactly one FILE is needed');
  return { file: parsed.positionals[0], values: parsed.values };
}

/** --out's file name: an empty one is a usage error, not stdout. */
export function outFileOf(value: string | undefined): string | undefined {
  if (value !== undefined && !value) throw new UsageError('--out needs a file name');
  return value;
}

/**
 * The file's text and the part that is its chosen document (`document` is 1-based; a file of several documents
 * needs one); throws UsageError, ending with `nothing` when the file itself cannot be used.
 */
export function chosenPart(
  file: string,
  document: number | undefined,
  nothing: string,
): { text: string; part: DocumentPart } {
  const read = readInputFileSync(file);
  if (!read.ok) throw new UsageError(`${file}: ${read.message}\n${nothing}`);
  const source = path.resolve(file);
  const input = { text: read.text, kind: syntaxOf(file), uri: pathToFileURL(source).href, source };
  // A file naming its existing tunnel is used too: terraform adopts the tunnel with an import block, and the
  // tunnel has another end to configure (import → export or peer-config is the common path).
  const checked = checkSubmissionFile(
    input,
    { lang: langFromEnv(process.env), disabledRules: [] },
    { allowTunnelId: true },
  );
  if (checked.problems.length)
    throw new UsageError(`${checked.problems.map((problem) => `${file}: ${problem}`).join('\n')}\n${nothing}`);
  const { documents } = checked;
  if (document === undefined && documents.length > 1)
    throw new UsageError(`${file} has ${documents.length} documents: choose one with --document N\n${nothing}`);
  const chosen = documents[(document ?? 1) - 1];
  if (!chosen) throw new UsageError(`--document ${document}: the file has documents 1..${documents.length}`);
  return { text: read.text, part: checked.check.parts.find((part) => part.index === chosen.index)! };
}

/** An --out file that cannot be written (a missing folder, no permission, created meanwhile). */
export function isFileError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/**
 * Exit code 2 for an error the user can act on (a UsageError, an --out file error, or what `expected` accepts):
 * its message, then the usage for a one-line UsageError. Any other error is thrown on, a bug to see in full.
 */
export function userErrorExit(
  error: unknown,
  err: (line: string) => unknown,
  usage: string,
  expected: (error: unknown) => boolean = () => false,
): number {
  if (!(error instanceof UsageError) && !expected(error) && !isFileError(error)) throw error;
  err((error as Error).message);
  if (error instanceof UsageError && !/\n/.test(error.message)) process.stderr.write(usage);
  return 2;
}
