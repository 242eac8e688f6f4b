/**
 * The sections of docs/peer-devices.md that describe the generators rather than the keyword tables: how each
 * vendor's configuration holds a pre-shared key and an FQDN identity, how the SPD's blocks are checked, and how
 * the objects are named and numbered so that several tunnels fit on one device. Rendered from the same rules the
 * generators use (vendorSyntax.ts, naming.ts) by scripts/generate-peer-doc.ts.
 */
import { VENDOR_PROFILES } from '../language/peer/vendors/index';
import { VENDOR_SYNTAX } from './vendorSyntax';

const VALUES_INTRO = `## Pre-shared keys and FQDN identities

The configuration holds the pre-shared key only when asked (\`--include-psk\`); otherwise \`<PRE_SHARED_KEY>\` stands
in its place. Either way the key is written in the device's own syntax — quoted, escaped or in hexadecimal, as the
table says — and where that syntax cannot say the key (a space for a CLI that takes one word, a double quote that
cannot be escaped, \`?\`, which a CLI reads as a request for help, a length outside the device's range), the key is
not written and a problem on \`PreShareKey\` says why, without the key. An FQDN identity (\`LocalFqdnName\`,
\`RemoteFqdnName\`) follows the same rules: quoted where the device quotes, else a problem and \`<FQDN>\` in its place.
A line break in any value never starts a line of its own.

Every SPD block goes through the same address check as the editor's: a block that is not an IPv4 CIDR is a problem
on its parameter (\`SecurityPolicyDatabases.0.RemoteCidrBlock.1\`) and a placeholder (\`<IDC_CIDR>\`,
\`<TENCENT_VPC_CIDR>\`) stands in its place; a block with host bits set is written as its network, with a note.

Sources for the key syntax: swanctl.conf(5), strongSwan's settings lexer and \`swanctl --load-creds\` (which decodes
a 0x or 0s prefix); Libreswan ipsec.secrets(5) and its ipsec.conf lexer; the Cisco IOS and ASA command references;
Huawei USG "pre-shared-key (IKE peer view)"; H3C Comware 7 IKE command reference; Junos "pre-shared-key
(ascii-text | hexadecimal)"; FortiOS 7.2 CLI reference (psksecret: "ASCII string or hexadecimal encoded with a
leading 0x") and "Pre-shared key vs digital certificates" (6–128 printable characters); the RouterOS scripting
manual (escape sequences).
`;

const NAMES_INTRO = `## Object names and numbers

The objects a configuration creates (proposals, policies, peers, keyrings, gateways, tunnels) are named for the
tunnel, so that several tunnels' configurations can live on one device: the \`VpnConnectionName\` (else the
\`VpnConnectionId\`) in lower-case ASCII letters, digits and dashes, after the vendor's prefix and cut to its
length. A name that loses characters on the way — a Chinese name, punctuation, one cut short — ends in four
characters of a hash of the whole, so two such names stay apart (\`北京机房\` and \`上海机房\` get different names).

Objects a vendor numbers instead of naming take the tunnel's number N, 1–99, derived from the same name, and the
configuration's opening comment says which: change N where the device already uses it. Where an interface takes
only one crypto map or IPsec policy group, the Tencent tunnels share that group (\`tencent\`), each with its own
entry N.
`;

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** Both sections, as Markdown. */
export function generatorDocSections(): string {
  const values = VENDOR_PROFILES.map((profile) => [profile.product, cell(VENDOR_SYNTAX[profile.id].rule)]);
  const names = VENDOR_PROFILES.map((profile) => {
    const { names: rule, numbered } = VENDOR_SYNTAX[profile.id];
    return [profile.product, `\`${rule.prefix}…\`, at most ${rule.maxLength} characters`, cell(numbered)];
  });
  return [
    VALUES_INTRO,
    table(['Vendor', 'How the pre-shared key is written'], values),
    '',
    NAMES_INTRO,
    table(['Vendor', 'Names', 'Numbered with N'], names),
    '',
  ].join('\n');
}
