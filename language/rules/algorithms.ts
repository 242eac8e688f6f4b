/**
 * Algorithm names that belong to the other family: IKE spells SHA and GROUPn, IPsec spells SHA1 and DH-GROUPn.
 * The schema's enum error would only list the allowed values; this rule names the mix-up and offers the
 * right spelling (the language service keeps a rule finding over the schema error at the same path).
 * GCM ciphers exist only on 4.0 gateways. Sources: validation-rules.json `ike-authentication`, `ike-dh-group`,
 * `ike-encryption`, `ipsec-integrity`, `ipsec-pfs`, `ipsec-encryption` (gateway_version_gated).
 */
import type { Rule } from './rule';
import type { JsonPath } from '../types';
import { recordAt, stringAt } from '../values/values';
import createSchema from '../../schemas/CreateVpnConnection.schema.json';

interface Spelling {
  path: [string, string];
  /** The values the field takes, from the generated schema (one source of truth). */
  allowed: string[];
  /** The correct spelling for a value written the other family's way; undefined when the value is fine. */
  translate(upper: string): string | undefined;
  family: 'IKE' | 'IPsec';
}

const ike = createSchema.properties.IKEOptionsSpecification.properties;
const ipsec = createSchema.properties.IPSECOptionsSpecification.properties;
const dhToGroup = (upper: string): string | undefined => /^DH-(GROUP\d+)$/.exec(upper)?.[1];
const SPELLINGS: Spelling[] = [
  {
    path: ['IKEOptionsSpecification', 'PropoAuthenAlgorithm'],
    allowed: ike.PropoAuthenAlgorithm.enum,
    family: 'IKE',
    translate: (v) => (v === 'SHA1' ? 'SHA' : undefined),
  },
  {
    path: ['IKEOptionsSpecification', 'DhGroupName'],
    allowed: ike.DhGroupName.enum,
    family: 'IKE',
    translate: dhToGroup,
  },
  {
    path: ['IPSECOptionsSpecification', 'IntegrityAlgorith'],
    allowed: ipsec.IntegrityAlgorith.enum,
    family: 'IPsec',
    translate: (v) => (v === 'SHA' ? 'SHA1' : undefined),
  },
  // The current spelling of the same field (both are valid input; spelling.ts refuses both at once).
  {
    path: ['IPSECOptionsSpecification', 'IntegrityAlgorithm'],
    allowed: ipsec.IntegrityAlgorith.enum,
    family: 'IPsec',
    translate: (v) => (v === 'SHA' ? 'SHA1' : undefined),
  },
  {
    path: ['IPSECOptionsSpecification', 'PfsDhGroup'],
    allowed: ipsec.PfsDhGroup.enum,
    family: 'IPsec',
    translate: (v) => (/^GROUP\d+$/.test(v) ? `DH-${v}` : undefined),
  },
];

const familySpelling: Rule = {
  id: 'algorithm-family-spelling',
  code: 'InvalidParameterValue',
  severity: 'error',
  summary: {
    en: 'An IKE field uses the IPsec spelling or the reverse (SHA vs SHA1, GROUPn vs DH-GROUPn).',
    zh: 'IKE 字段用了 IPsec 的写法或相反（SHA 与 SHA1，GROUPn 与 DH-GROUPn）。',
  },
  source: 'validation-rules.json ike-authentication, ike-dh-group, ipsec-integrity, ipsec-pfs',
  example: 'IKEOptionsSpecification:\n  PropoAuthenAlgorithm: SHA1\n  DhGroupName: DH-GROUP14',
  fix: 'Replace the value by the spelling of its own family (SHA1 → SHA in IKE, GROUP14 → DH-GROUP14 in IPsec).',
  check(doc, _context, report) {
    for (const spelling of SPELLINGS) {
      const value = stringAt(recordAt(doc, spelling.path[0]), spelling.path[1]);
      const correct = value === undefined ? undefined : spelling.translate(value.toUpperCase());
      if (!correct || !value || !spelling.allowed.includes(correct)) continue;
      const other = spelling.family === 'IKE' ? 'IPsec' : 'IKE';
      report(
        spelling.path,
        'value',
        {
          en: `"${value}" is the ${other} spelling; ${spelling.family} calls it "${correct}".`,
          zh: `“${value}”是 ${other} 的写法；${spelling.family} 中应写作“${correct}”。`,
        },
        [
          {
            kind: 'setValue',
            path: spelling.path,
            value: correct,
            title: { en: `Change to ${correct}`, zh: `改为 ${correct}` },
          },
        ],
      );
    }
  },
};

const GCM = new Set(['AES128GCM128', 'AES192GCM128', 'AES256GCM128']);
const CIPHER_PATHS: JsonPath[] = [
  ['IKEOptionsSpecification', 'PropoEncryAlgorithm'],
  ['IPSECOptionsSpecification', 'EncryptAlgorithm'],
];

const gcmGateway: Rule = {
  id: 'gcm-gateway-version',
  code: 'UnsupportedOperation',
  // Information only: the gateway version is not in the file; a caller that knows it sets context.gatewayVersion.
  severity: 'information',
  summary: { en: 'GCM ciphers work only on version 4.0 VPN gateways.', zh: 'GCM 加密算法仅 4.0 版本 VPN 网关支持。' },
  source: 'validation-rules.json ike-encryption, ipsec-encryption (gateway_version_gated: 4.0)',
  example: 'IPSECOptionsSpecification:\n  EncryptAlgorithm: AES256GCM128',
  check(doc, context, report) {
    const version = Number.parseFloat(context.gatewayVersion ?? '');
    if (version >= 4) return;
    for (const path of CIPHER_PATHS) {
      const value = stringAt(recordAt(doc, String(path[0])), String(path[1]));
      if (!value || !GCM.has(value)) continue;
      report(
        path,
        'value',
        {
          en: `${value} needs a version 4.0 VPN gateway${Number.isNaN(version) ? '; check the gateway version' : `; this gateway is ${context.gatewayVersion}`}.`,
          zh: `${value} 仅 4.0 版本 VPN 网关支持${Number.isNaN(version) ? '，请确认网关版本' : `；当前网关版本为 ${context.gatewayVersion}`}。`,
        },
        undefined,
        Number.isNaN(version) ? undefined : 'error',
      );
    }
  },
};

/** Algorithm rules, in the order the docs list them. */
export const algorithmRules: Rule[] = [familySpelling, gcmGateway];
