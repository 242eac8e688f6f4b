/**
 * `tcvpn export FILE --to terraform|tccli|sdk [--include-psk] [--out FILE [--force]] [--document N] [--region R]`: the
 * file's CreateVpnConnection request as a terraform resource, a tccli command line or a Node SDK call
 * (cloud/export). The file is read as `tcvpn submit` reads it (cli/safeRead.ts) and checked by the same pipeline
 * (`checkSubmissionFile`): a file a submit would refuse is refused here too, so an export never carries an error
 * along. The pre-shared key stays out unless --include-psk asks for it (then an --out file is mode 0600); --out
 * replaces an existing file only with --force (cli/outputFile.ts).
 * What the target cannot express, and what it will do differently, is said on stderr.
 * Exit codes, as submit's: 0 exported, 2 usage or a file that cannot be exported.
 */
import { EXPORT_TARGETS, ExportRefusedError, exportParams, singleLine, type ExportTarget } from '../cloud/export';
import { chosenPart, outFileOf, parseFileCommand, userErrorExit } from './documentArgs';
import { refuseExisting, writeOutput } from './outputFile';
import { positiveNumber, UsageError } from './submitArgs';

export const USAGE =
  'usage: tcvpn export FILE --to terraform|tccli|sdk [--include-psk] [--out FILE [--force]] [--document N] [--region R]\n';

/** Every option `export` takes (cli/main.ts's usage lists each; test/unit/cli/usage.test.ts checks). */
export const EXPORT_OPTIONS = {
  to: { type: 'string' },
  out: { type: 'string' },
  document: { type: 'string' },
  region: { type: 'string' },
  'include-psk': { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

/** The command line, parsed and checked. */
export interface ExportArgs {
  file: string;
  to: ExportTarget;
  out?: string;
  /** 1-based. */
  document?: number;
  region?: string;
  includePsk: boolean;
  force: boolean;
}

/** Parses `export`'s arguments; throws UsageError. */
export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const { file, values } = parseFileCommand(argv, EXPORT_OPTIONS);
  if (!EXPORT_TARGETS.includes(values.to as ExportTarget))
    throw new UsageError(
      `--to must be ${EXPORT_TARGETS.join(', ')}${values.to === undefined ? '' : `, not "${values.to}"`}`,
    );
  return {
    file,
    to: values.to as ExportTarget,
    out: outFileOf(values.out),
    document: positiveNumber('document', values.document, true),
    region: values.region,
    includePsk: values['include-psk'] === true,
    force: values.force === true,
  };
}

/** The chosen document's value, as written (its Region and VpnConnectionId included); throws UsageError. */
function chosenDocument(args: ExportArgs): Record<string, unknown> {
  return chosenPart(args.file, args.document, 'nothing was exported').part.value as Record<string, unknown>;
}

/** --region must agree with a document that names its own Region (as for submit). */
function checkRegion(args: ExportArgs, document: Record<string, unknown>): void {
  const own = document.Region;
  if (args.region !== undefined && typeof own === 'string' && own && own !== args.region)
    throw new UsageError(`--region ${args.region} disagrees with the file's Region ${own}\nnothing was exported`);
}

/** Entry point called by cli/main.ts. */
export async function runExport(argv: string[]): Promise<number> {
  const err = (line: string): boolean => process.stderr.write(`tcvpn export: ${line}\n`);
  try {
    const args = parseExportArgs(argv);
    const target = { out: args.out, force: args.force, secret: args.includePsk };
    refuseExisting(target, 'nothing was exported');
    const document = chosenDocument(args);
    checkRegion(args, document);
    const result = exportParams(document, args.to, { includePsk: args.includePsk, region: args.region });
    // Names from the file are printed single-line: a control character in one must not reach the terminal raw.
    if (result.unsupported.length)
      err(singleLine(`not expressible in ${args.to}, left out: ${result.unsupported.join(', ')}`));
    result.notes.forEach((note) => err(singleLine(`note: ${note}`)));
    writeOutput(target, result.text);
    if (args.out !== undefined) err(`wrote ${args.out}`);
    return 0;
  } catch (error) {
    return userErrorExit(error, err, USAGE, (refused) => refused instanceof ExportRefusedError);
  }
}
