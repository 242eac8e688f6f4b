/**
 * `tcvpn import VPNX_ID [--format yaml|json] [--out FILE [--force]] [--include-psk] [--region R] [--endpoint URL]
 * [--profile NAME] [--output json]`: the live tunnel as a tunnel file (cloud/tunnel/importTunnel.ts), with every
 * field the create and modify actions take, defaults left out, and notes where the service's answer differs from
 * its input. Without --out the file goes to stdout; --out never overwrites an existing file unless --force (and a
 * file holding the pre-shared key is written with mode 0600). The pre-shared key is written only with
 * --include-psk; otherwise the file says (YAML: a comment) that it stays on the service. JSON has no comments, so
 * a JSON file's notes go to stderr (and into --output json's `Notes`). --format defaults to the --out file's
 * extension (.json: json), else yaml. Exit codes: 0 written, 1 the tunnel or the service failed, 2 usage.
 */
import { errorKindOf, isSetupError } from '../cloud/apiError';
import { importTunnel } from '../cloud/tunnel';
import { TUNNEL_ID_PATTERN } from '../language';
import { refuseExisting, writeOutput } from './outputFile';
import { CLOUD_FLAGS_USAGE, openSession, parseCloudCommand, UsageError } from './cloudArgs';
import { isExpectedError, messageOf, processIo, type CliIo } from './tunnelIo';
import { langFromEnv } from './validate/options';

export const IMPORT_USAGE = `usage: tcvpn import VPNX_ID [--format yaml|json] [--out FILE [--force]] [--include-psk] ${CLOUD_FLAGS_USAGE}\n`;

/** import's own options, besides the shared CLOUD_OPTIONS (cli/main.ts's usage lists each). */
export const OPTIONS = {
  format: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  'include-psk': { type: 'boolean' },
} as const;

interface ImportArgs {
  id: string;
  format: 'yaml' | 'json';
  out?: string;
  force: boolean;
  includePsk: boolean;
}

function parse(argv: string[]) {
  const { cloud, values, positionals } = parseCloudCommand(argv, OPTIONS);
  if (positionals.length !== 1) throw new UsageError('exactly one VPNX_ID is needed');
  if (!TUNNEL_ID_PATTERN.test(positionals[0])) throw new UsageError(`"${positionals[0]}" is not a tunnel id (vpnx-…)`);
  const out = values.out as string | undefined;
  const format = (values.format as string | undefined) ?? (out && /\.json$/i.test(out) ? 'json' : 'yaml');
  if (format !== 'yaml' && format !== 'json') throw new UsageError('--format must be yaml or json');
  const args: ImportArgs = {
    id: positionals[0],
    format,
    out,
    force: values.force === true,
    includePsk: values['include-psk'] === true,
  };
  refuseExisting(targetOf(args), 'nothing was read from the service');
  return { cloud, args };
}

const targetOf = (args: ImportArgs) => ({ out: args.out, force: args.force, secret: args.includePsk });

/** The file, by the rule every command's --out follows (an overwritten file holding the key is 0600 too). */
function writeOut(args: ImportArgs, text: string): void {
  writeOutput(targetOf(args), text);
}

async function importFromFlags(argv: string[], io: CliIo): Promise<number> {
  const { cloud, args } = parse(argv);
  const session = await openSession(cloud, { env: io.env });
  const region = session.regionOf();
  try {
    const client = await session.clients.forRegion(region);
    const lang = langFromEnv(io.env);
    const imported = await importTunnel(client, region, args.id, {
      format: args.format,
      includePsk: args.includePsk,
      lang,
    });
    if (args.out) writeOut(args, imported.text);
    if (cloud.output === 'json') {
      const summary = { VpnConnectionId: args.id, Region: region, Format: args.format, File: args.out ?? null };
      const text = args.out ? {} : { Text: imported.text };
      io.out(
        `${JSON.stringify({ ...summary, PreShareKeyWritten: args.includePsk, Notes: imported.notes, ...text }, null, 2)}\n`,
      );
    } else {
      if (!args.out) io.out(imported.text);
      imported.notes.forEach((note) => io.err(`note: ${note}`));
      if (args.out) io.err(`wrote ${args.out} (${args.id}, ${region}, ${args.format})`);
    }
    return 0;
  } finally {
    await session.clients.dispose();
  }
}

/** Entry point called by cli/main.ts. */
export async function runImport(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await importFromFlags(argv, io);
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    io.err(`tcvpn import: ${messageOf(error)}`);
    if (error instanceof UsageError) {
      if (!/\n/.test(error.message)) io.err(IMPORT_USAGE.trimEnd());
      return 2;
    }
    return isSetupError(errorKindOf(error)) ? 2 : 1;
  }
}
