/**
 * Weak cryptography, made visible: DES and 3DES, MD5, no IPsec encryption, and the DH groups 1, 2 and 5 are
 * accepted by the API (the official example uses several of them, terraform's defaults are 3DES/MD5/GROUP1) but
 * are deprecated for IKE and IPsec (RFC 8221 and RFC 8247: "MUST NOT"/"SHOULD NOT"). Information only and
 * silenceable, because the peer device may offer nothing better; each finding names the stronger choice and
 * offers it as a quick fix. Sources: RFC 8221 §5-6, RFC 8247 §2.1-2.4; values from validation-rules.json
 * ike-encryption, ike-authentication, ike-dh-group, ipsec-encryption, ipsec-integrity, ipsec-pfs.
 */
import type { Rule } from './rule';
import type { JsonPath, Localized } from '../types';
import { recordAt, stringAt } from '../values/values';

/** Why a value is weak, and the value to use instead (accepted by every gateway version and common peers). */
interface Weakness {
  why: Localized;
  stronger: string;
}

const CIPHERS: Record<string, Weakness> = {
  'DES-CBC': {
    why: { en: 'a 56-bit key, broken by exhaustive search', zh: '56 位密钥，可被穷举破解' },
    stronger: 'AES-CBC-128',
  },
  '3DES-CBC': {
    why: {
      en: 'a 64-bit block, open to the Sweet32 birthday attack on long-lived SAs',
      zh: '64 位分组，长时间的 SA 易受 Sweet32 生日攻击',
    },
    stronger: 'AES-CBC-128',
  },
};
const IPSEC_CIPHERS: Record<string, Weakness> = {
  ...CIPHERS,
  NULL: {
    why: {
      en: 'no encryption at all: the traffic crosses the internet in clear text',
      zh: '完全不加密：流量以明文穿越公网',
    },
    stronger: 'AES-CBC-128',
  },
};
const MD5: Weakness = {
  why: { en: 'deprecated for IKE and IPsec integrity', zh: '已不建议用于 IKE 与 IPsec 完整性校验' },
  stronger: 'SHA-256',
};
const modp = (bits: number): Localized => ({
  en: `a ${bits}-bit MODP group, within reach of well-funded attackers`,
  zh: `${bits} 位 MODP 组，强度不足`,
});
const IKE_GROUPS: Record<string, Weakness> = {
  GROUP1: { why: modp(768), stronger: 'GROUP14' },
  GROUP2: { why: modp(1024), stronger: 'GROUP14' },
  GROUP5: { why: modp(1536), stronger: 'GROUP14' },
};
const PFS_GROUPS: Record<string, Weakness> = Object.fromEntries(
  Object.entries(IKE_GROUPS).map(([group, weakness]) => [
    `DH-${group}`,
    { ...weakness, stronger: `DH-${weakness.stronger}` },
  ]),
);

/** Every field that carries an algorithm, with its weak values. */
const FIELDS: Array<{ path: [string, string]; weak: Record<string, Weakness> }> = [
  { path: ['IKEOptionsSpecification', 'PropoEncryAlgorithm'], weak: CIPHERS },
  { path: ['IKEOptionsSpecification', 'PropoAuthenAlgorithm'], weak: { MD5 } },
  { path: ['IKEOptionsSpecification', 'DhGroupName'], weak: IKE_GROUPS },
  { path: ['IPSECOptionsSpecification', 'EncryptAlgorithm'], weak: IPSEC_CIPHERS },
  { path: ['IPSECOptionsSpecification', 'IntegrityAlgorith'], weak: { MD5 } },
  { path: ['IPSECOptionsSpecification', 'IntegrityAlgorithm'], weak: { MD5 } },
  { path: ['IPSECOptionsSpecification', 'PfsDhGroup'], weak: PFS_GROUPS },
];

/** The weakness of the value at a field, if it has one (completion and hover can label values with it too). */
export function weaknessOf(path: readonly string[], value: string): Weakness | undefined {
  const field = FIELDS.find((f) => f.path[0] === path[0] && f.path[1] === path[1]);
  return field && Object.prototype.hasOwnProperty.call(field.weak, value) ? field.weak[value] : undefined;
}

const weakCryptography: Rule = {
  id: 'weak-cryptography',
  severity: 'information',
  summary: {
    en: 'A deprecated algorithm or DH group (DES, 3DES, MD5, no encryption, groups 1/2/5).',
    zh: '使用了不建议使用的算法或 DH 组（DES、3DES、MD5、不加密、组 1/2/5）。',
  },
  source: 'RFC 8221, RFC 8247; values from validation-rules.json ike-*, ipsec-*',
  example:
    'IKEOptionsSpecification:\n  PropoEncryAlgorithm: 3DES-CBC\n  PropoAuthenAlgorithm: MD5\n  DhGroupName: GROUP1',
  fix: 'Replace the value by the stronger choice named in the message (AES-CBC-128, SHA-256, GROUP14 / DH-GROUP14).',
  check(doc, _context, report) {
    for (const { path } of FIELDS) {
      const value = stringAt(recordAt(doc, path[0]), path[1]);
      const weakness = value === undefined ? undefined : weaknessOf(path, value);
      if (!weakness) continue;
      const where: JsonPath = [...path];
      report(
        where,
        'value',
        {
          en: `${value} is weak (${weakness.why.en}); prefer ${weakness.stronger}, if the peer device supports it.`,
          zh: `${value} 强度不足（${weakness.why.zh}）；如对端设备支持，建议改用 ${weakness.stronger}。`,
        },
        [
          {
            kind: 'setValue',
            path: where,
            value: weakness.stronger,
            title: { en: `Use ${weakness.stronger}`, zh: `改用 ${weakness.stronger}` },
          },
        ],
      );
    }
  },
};

/** Cryptographic-strength rules. */
export const weakCryptoRules: Rule[] = [weakCryptography];
