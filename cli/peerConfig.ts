/**
 * `tcvpn peer-config FILE --vendor V [--out FILE] [--force] [--include-psk] [--cloud-address IP]
 * [--peer-address IP] [--document N]`: the customer gateway's side of the file's tunnel for one vendor (peer/).
 * The file is read as `tcvpn submit` reads it (cli/safeRead.ts) and checked by the same pipeline
 * (`checkSubmissionFile`): a file with errors is refused. Without --vendor, a `# tcvpn-peer: <vendor>` comment in
 * the file chooses. What the vendor cannot do is printed on stderr (exit 1, the text is still written), and so
 * are the placeholders left to fill in. The pre-shared key stays a placeholder unless --include-psk; --out never
 * overwrites a file without --force, and a file holding the key is created mode 0600.
 * Exit codes: 0 written, 1 written with problems, 2 usage or a file that cannot be used.
 */
import { peerCommentVendor } from '../language/peer/vendorChoice';
import { parseIpv4 } from '../language/values/ip';
import { peerConfig, VENDORS, type VendorId } from '../peer/index';
import { chosenPart, outFileOf, parseFileCommand, userErrorExit } from './documentArgs';
import { writeOutput } from './outputFile';
import { positiveNumber, UsageError } from './submitArgs';
import { langFromEnv } from './validate/options';

export const USAGE =
  'usage: tcvpn peer-config FILE --vendor V [--out FILE] [--force] [--include-psk] [--cloud-address IP] [--peer-address IP] [--document N]\n' +
  `vendors: ${VENDORS.map((vendor) => vendor.id).join(', ')}\n`;

/** Every option `peer-config` takes (cli/main.ts's usage lists each; test/unit/cli/usage.test.ts checks). */
export const PEER_CONFIG_OPTIONS = {
  vendor: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  'include-psk': { type: 'boolean' },
  'cloud-address': { type: 'string' },
  'peer-address': { type: 'string' },
  document: { type: 'string' },
} as const;

export interface PeerConfigArgs {
  file: string;
  vendor?: string;
  out?: string;
  force: boolean;
  includePsk: boolean;
  cloudAddress?: string;
  peerAddress?: string;
  /** 1-based. */
  document?: number;
}

function address(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !parseIpv4(value))
    throw new UsageError(`--${flag} must be an IPv4 address, not "${value}"`);
  return value;
}

/** Parses `peer-config`'s arguments; throws UsageError. */
export function parsePeerConfigArgs(argv: readonly string[]): PeerConfigArgs {
  const { file, values } = parseFileCommand(argv, PEER_CONFIG_OPTIONS);
  return {
    file,
    vendor: values.vendor,
    out: outFileOf(values.out),
    force: values.force === true,
    includePsk: values['include-psk'] === true,
    cloudAddress: address('cloud-address', values['cloud-address']),
    peerAddress: address('peer-address', values['peer-address']),
    document: positiveNumber('document', values.document, true),
  };
}

/** The vendor: --vendor, else the file's `# tcvpn-peer:` comment; a usage error when neither names one we know. */
function vendorOf(args: PeerConfigArgs, text: string): VendorId {
  const id = args.vendor ?? peerCommentVendor(text);
  const known = VENDORS.find((vendor) => vendor.id === id);
  if (known) return known.id;
  const choices = VENDORS.map((vendor) => vendor.id).join(', ');
  throw new UsageError(
    id === undefined ? `--vendor is needed (one of ${choices})` : `unknown vendor "${id}": one of ${choices}`,
  );
}

/** The file's text and the chosen document's request parameters; throws UsageError for a file that cannot be used. */
function chosenDocument(args: PeerConfigArgs): { text: string; params: Record<string, unknown> } {
  const { text, part } = chosenPart(args.file, args.document, 'nothing was written');
  return { text, params: part.params ?? {} };
}

/** Entry point called by cli/main.ts. */
export async function runPeerConfig(argv: string[]): Promise<number> {
  const err = (line: string): boolean => process.stderr.write(`tcvpn peer-config: ${line}\n`);
  try {
    const args = parsePeerConfigArgs(argv);
    const { text, params } = chosenDocument(args);
    const vendor = vendorOf(args, text);
    const lang = langFromEnv(process.env);
    const config = peerConfig(params, {
      vendor,
      includePsk: args.includePsk,
      cloudAddress: args.cloudAddress,
      peerAddress: args.peerAddress,
    });
    writeOutput({ out: args.out, force: args.force, secret: args.includePsk }, config.text);
    if (args.out !== undefined) err(`wrote ${args.out}`);
    config.problems.forEach((problem) => err(`${problem.parameter}: ${problem.message[lang]}`));
    if (config.placeholders.length) err(`placeholders to fill in: ${config.placeholders.join(', ')}`);
    return config.problems.length > 0 ? 1 : 0;
  } catch (error) {
    return userErrorExit(error, err, USAGE);
  }
}
