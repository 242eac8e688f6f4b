/**
 * Renders docs/peer-devices.md from the peer-device vendor tables (language/peer/vendors/), so the mapping the
 * docs show is the one `tcvpn peer-config` uses: every Tencent algorithm, DH group and mode, and each vendor's
 * keyword or "not supported". `npx tsx scripts/generate-peer-doc.ts` writes it; `--check` fails when it is stale
 * (test/unit/peer/peerDoc.test.ts runs the same comparison).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DH_GROUPS,
  ESP_CIPHERS,
  ESP_INTEGRITIES,
  EXCHANGE_MODES,
  IKE_CIPHERS,
  IKE_INTEGRITIES,
  IKE_VERSIONS,
  PFS_GROUPS,
  pfsAsDhGroup,
  type PfsGroupName,
} from '../language/peer/tencentNames';
import { pfsKeyword, tablesFor, type Keyword, type LifetimeKind, type VendorProfile } from '../language/peer/vendor';
import { VENDOR_PROFILES } from '../language/peer/vendors/index';
import { generatorDocSections } from '../peer/docSections';

export const PEER_DOC = join(__dirname, '..', 'docs', 'peer-devices.md');

const INTRO = `# Peer devices

\`tcvpn peer-config FILE --vendor V\` and the editor's "Show Peer Device Configuration" write the customer
gateway's side of a CreateVpnConnection file for the devices below. This page is generated from the same tables
(\`language/peer/vendors/\`) by \`scripts/generate-peer-doc.ts\`; a test keeps it fresh.

Each cell is the vendor's keyword for the Tencent value, or **not supported**: the device cannot do it, and the
CLI, the editor command and (when a peer vendor is chosen for the file) a diagnostic say so on the parameter.
Where a vendor's IKEv1 commands name a value otherwise than its IKEv2 ones, the cell shows "IKEv2 / IKEv1".
Whatever the vendor, AES-GCM for the IKE SA needs IKEv2, and aggressive mode exists only in IKEv1. A lifetime
outside the range a platform takes (last table; a lifetime the file leaves out is the API's default) is a problem
too.

Choose the vendor for a file with a \`# tcvpn-peer: <vendor>\` comment (YAML) or the setting
\`tencentcloudVpn.peerVendor\`. Vendor ids: ${VENDOR_PROFILES.map((profile) => `\`${profile.id}\``).join(', ')}.
`;

type Column = (profile: VendorProfile, version: 'IKEV1' | 'IKEV2') => Keyword;

function cell(keyword: Keyword): string {
  return keyword === null ? '**not supported**' : `\`${keyword.replace(/\|/g, '\\|')}\``;
}

/** One cell: the IKEv2 keyword, and the IKEv1 one after a slash where it differs. */
function versionedCell(profile: VendorProfile, column: Column): string {
  const [v2, v1] = [column(profile, 'IKEV2'), column(profile, 'IKEV1')];
  return v1 === v2 ? cell(v2) : `${cell(v2)} / ${cell(v1)}`;
}

function table(title: string, values: readonly string[], column: (value: string) => Column): string {
  const header = `| Tencent | ${VENDOR_PROFILES.map((profile) => profile.product).join(' | ')} |`;
  const rule = `| --- | ${VENDOR_PROFILES.map(() => '---').join(' | ')} |`;
  const rows = values.map(
    (value) =>
      `| \`${value}\` | ${VENDOR_PROFILES.map((profile) => versionedCell(profile, column(value))).join(' | ')} |`,
  );
  return [`## ${title}`, '', header, rule, ...rows, ''].join('\n');
}

function pfsColumn(value: string): Column {
  const group = pfsAsDhGroup(value as PfsGroupName);
  return (profile) => (group ? pfsKeyword(profile, group) : 'no PFS');
}

const LIFETIME_ROWS: [LifetimeKind, string][] = [
  ['ikeSeconds', 'IKEOptionsSpecification.IKESaLifetimeSeconds (s)'],
  ['ipsecSeconds', 'IPSECOptionsSpecification.IPSECSaLifetimeSeconds (s)'],
  ['ipsecKilobytes', 'IPSECOptionsSpecification.IPSECSaLifetimeTraffic (KB)'],
];

/** The lifetime ranges each platform takes, where narrower than the API's (a value outside is a problem). */
function limits(): string {
  const header = `| Tencent | ${VENDOR_PROFILES.map((profile) => profile.product).join(' | ')} |`;
  const rule = `| --- | ${VENDOR_PROFILES.map(() => '---').join(' | ')} |`;
  const rows = LIFETIME_ROWS.map(([kind, title]) => {
    const cells = VENDOR_PROFILES.map((profile) => {
      const range = profile.limits?.[kind];
      return range ? `${range[0]}–${range[1]}` : 'no narrower range known';
    });
    return `| ${title} | ${cells.join(' | ')} |`;
  });
  return ['## Lifetime ranges', '', header, rule, ...rows, ''].join('\n');
}

function sources(): string {
  const lines = VENDOR_PROFILES.map(
    (profile) => `- **${profile.name}** (${profile.platform}): ${profile.sources.join('; ')}`,
  );
  return ['## Sources', '', ...lines, ''].join('\n');
}

/** The whole docs/peer-devices.md page. */
export function renderPeerDoc(): string {
  const at =
    <K extends 'ikeCiphers' | 'ikeIntegrities' | 'dhGroups' | 'espCiphers' | 'espIntegrities'>(key: K) =>
    (value: string): Column =>
    (profile, version) =>
      (tablesFor(profile, version)[key] as Record<string, Keyword>)[value];
  return [
    INTRO,
    table('IKE version (IKEOptionsSpecification.IKEVersion)', IKE_VERSIONS, (v) => (p) => p.ikeVersions[v as 'IKEV1']),
    table(
      'Exchange mode, IKEv1 (IKEOptionsSpecification.ExchangeMode)',
      EXCHANGE_MODES,
      (v) => (p) => p.exchangeModes[v as 'MAIN'],
    ),
    table('IKE encryption (IKEOptionsSpecification.PropoEncryAlgorithm)', IKE_CIPHERS, at('ikeCiphers')),
    table('IKE authentication (IKEOptionsSpecification.PropoAuthenAlgorithm)', IKE_INTEGRITIES, at('ikeIntegrities')),
    table('IKE DH group (IKEOptionsSpecification.DhGroupName)', DH_GROUPS, at('dhGroups')),
    table('IPsec encryption (IPSECOptionsSpecification.EncryptAlgorithm)', ESP_CIPHERS, at('espCiphers')),
    table(
      'IPsec integrity (IPSECOptionsSpecification.IntegrityAlgorith / IntegrityAlgorithm)',
      ESP_INTEGRITIES,
      at('espIntegrities'),
    ),
    table('PFS (IPSECOptionsSpecification.PfsDhGroup)', PFS_GROUPS, pfsColumn),
    limits(),
    generatorDocSections(),
    sources(),
  ].join('\n');
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    if (readFileSync(PEER_DOC, 'utf8') !== renderPeerDoc()) {
      console.error('docs/peer-devices.md is stale: run npx tsx scripts/generate-peer-doc.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(PEER_DOC, renderPeerDoc());
  }
}
