/**
 * The capability check: what a chosen peer device cannot do of what the file asks. Each problem names the
 * parameter (dotted, e.g. "IKEOptionsSpecification.PropoEncryAlgorithm") and says why in English and Chinese.
 * The CLI and the editor command print these; the language server shows them as warnings on the parameter
 * (features/peerDiagnostics.ts), so the three say the same.
 */
import type { Localized } from '../types';
import { CIPHER_MEANINGS, pfsAsDhGroup } from './tencentNames';
import { IKE, IPSEC, type Tunnel } from './tunnel';
import { pfsKeyword, tablesFor, type Keyword, type LifetimeKind, type VendorProfile } from './vendor';

export interface PeerProblem {
  /** The parameter, dotted from the top of the file. */
  parameter: string;
  message: Localized;
}

/** "<vendor> has no keyword for <what> <value>": a Tencent value the platform cannot do. */
function unsupported(profile: VendorProfile, parameter: string, what: Localized, value: string): PeerProblem {
  return {
    parameter,
    message: {
      en: `${profile.product} does not support ${what.en} ${value} (${profile.platform}): choose a value both ends support, or another peer device.`,
      zh: `${profile.product} 不支持 ${what.zh} ${value}（${profile.platform}）：请选择两端都支持的值，或换一种对端设备。`,
    },
  };
}

/** One check per parameter: the keyword the vendor has for the file's value (null when it has none). */
function keywordChecks(tunnel: Tunnel, vendor: VendorProfile): [string, Localized, string, Keyword][] {
  const profile = tablesFor(vendor, tunnel.ikeVersion);
  const pfsGroup = pfsAsDhGroup(tunnel.esp.pfs);
  const espAead = CIPHER_MEANINGS[tunnel.esp.cipher].family === 'aes-gcm';
  const checks: [string, Localized, string, Keyword][] = [
    [
      `${IKE}.IKEVersion`,
      { en: 'IKE version', zh: 'IKE 版本' },
      tunnel.ikeVersion,
      profile.ikeVersions[tunnel.ikeVersion],
    ],
    [
      `${IKE}.PropoEncryAlgorithm`,
      { en: 'IKE encryption', zh: 'IKE 加密算法' },
      tunnel.ike.cipher,
      profile.ikeCiphers[tunnel.ike.cipher],
    ],
    [
      `${IKE}.PropoAuthenAlgorithm`,
      { en: 'IKE authentication', zh: 'IKE 认证算法' },
      tunnel.ike.integrity,
      profile.ikeIntegrities[tunnel.ike.integrity],
    ],
    [
      `${IKE}.DhGroupName`,
      { en: 'IKE DH group', zh: 'IKE DH 组' },
      tunnel.ike.dhGroup,
      profile.dhGroups[tunnel.ike.dhGroup],
    ],
    [
      `${IPSEC}.EncryptAlgorithm`,
      { en: 'IPsec encryption', zh: 'IPsec 加密算法' },
      tunnel.esp.cipher,
      profile.espCiphers[tunnel.esp.cipher],
    ],
  ];
  if (tunnel.ikeVersion === 'IKEV1') {
    checks.push([
      `${IKE}.ExchangeMode`,
      { en: 'IKEv1 exchange mode', zh: 'IKEv1 协商模式' },
      tunnel.exchangeMode,
      profile.exchangeModes[tunnel.exchangeMode],
    ]);
  }
  // With AES-GCM the integrity is part of the cipher: ESP carries no separate integrity algorithm.
  if (!espAead) {
    checks.push([
      tunnel.esp.integrityParameter,
      { en: 'IPsec integrity', zh: 'IPsec 认证算法' },
      tunnel.esp.integrity,
      profile.espIntegrities[tunnel.esp.integrity],
    ]);
  }
  if (pfsGroup) {
    checks.push([
      `${IPSEC}.PfsDhGroup`,
      { en: 'PFS group', zh: 'PFS 组' },
      tunnel.esp.pfs,
      pfsKeyword(profile, pfsGroup),
    ]);
  }
  return checks;
}

/** What no implementation does, whatever the vendor: GCM in IKEv1's phase 1, Aggressive Mode in IKEv2. */
function protocolProblems(tunnel: Tunnel): PeerProblem[] {
  const problems: PeerProblem[] = [];
  if (tunnel.ikeVersion === 'IKEV1' && CIPHER_MEANINGS[tunnel.ike.cipher].family === 'aes-gcm') {
    problems.push({
      parameter: `${IKE}.PropoEncryAlgorithm`,
      message: {
        en: `IKE encryption ${tunnel.ike.cipher} (AES-GCM) exists only in IKEv2: IKEv1 has no AES-GCM for the IKE SA. Use IKEV2 or an AES-CBC algorithm.`,
        zh: `IKE 加密算法 ${tunnel.ike.cipher}（AES-GCM）只能用于 IKEv2：IKEv1 的 IKE SA 没有 AES-GCM。请改用 IKEV2，或改用 AES-CBC 算法。`,
      },
    });
  }
  if (tunnel.ikeVersion === 'IKEV2' && tunnel.exchangeMode === 'AGGRESSIVE') {
    problems.push({
      parameter: `${IKE}.ExchangeMode`,
      message: {
        en: 'Aggressive mode exists only in IKEv1: an IKEv2 peer has no exchange mode to set. Use MAIN (or IKEV1).',
        zh: '野蛮模式只存在于 IKEv1：IKEv2 对端没有协商模式可设。请改用 MAIN（或改用 IKEV1）。',
      },
    });
  }
  return problems;
}

export const LIFETIMES: {
  kind: LifetimeKind;
  parameter: string;
  what: Localized;
  unit: string;
  value: (tunnel: Tunnel) => number;
}[] = [
  {
    kind: 'ikeSeconds',
    parameter: `${IKE}.IKESaLifetimeSeconds`,
    what: { en: 'an IKE SA lifetime', zh: 'IKE SA 生存时间' },
    unit: 's',
    value: (t) => t.ike.lifetimeSeconds,
  },
  {
    kind: 'ipsecSeconds',
    parameter: `${IPSEC}.IPSECSaLifetimeSeconds`,
    what: { en: 'an IPsec SA lifetime', zh: 'IPsec SA 生存时间' },
    unit: 's',
    value: (t) => t.esp.lifetimeSeconds,
  },
  {
    kind: 'ipsecKilobytes',
    parameter: `${IPSEC}.IPSECSaLifetimeTraffic`,
    what: { en: 'an IPsec SA traffic lifetime', zh: 'IPsec SA 流量生存周期' },
    unit: 'KB',
    value: (t) => t.esp.lifetimeKilobytes,
  },
];

/**
 * Lifetimes the file sets outside the platform's range. A lifetime the file leaves out is the API's default: the
 * generator clamps it to the platform's range with a note (clampedLifetimes), since each end rekeys at its own
 * lifetime and a shorter one on the peer is harmless.
 */
function lifetimeProblems(tunnel: Tunnel, profile: VendorProfile): PeerProblem[] {
  const problems: PeerProblem[] = [];
  for (const { kind, parameter, what, unit, value } of LIFETIMES) {
    const range = profile.limits?.[kind];
    const actual = value(tunnel);
    if (!range || (actual >= range[0] && actual <= range[1]) || tunnel.defaultedLifetimes.includes(parameter)) continue;
    problems.push({
      parameter,
      message: {
        en: `${profile.product} takes ${what.en} of ${range[0]}–${range[1]} ${unit} (${profile.platform}), not ${actual} ${unit}: choose a value in that range.`,
        zh: `${profile.product} 的 ${what.zh}取值范围为 ${range[0]}–${range[1]} ${unit}（${profile.platform}），而不是 ${actual} ${unit}：请选择该范围内的值。`,
      },
    });
  }
  return problems;
}

/** Every problem the vendor has with the tunnel; parameters the schema refuses are left to the schema. */
export function peerProblems(tunnel: Tunnel, profile: VendorProfile): PeerProblem[] {
  const problems = protocolProblems(tunnel);
  for (const [parameter, what, value, keyword] of keywordChecks(tunnel, profile)) {
    if (keyword === null && !problems.some((problem) => problem.parameter === parameter)) {
      problems.push(unsupported(profile, parameter, what, value));
    }
  }
  problems.push(...lifetimeProblems(tunnel, profile));
  return problems.filter((problem) => !tunnel.invalid.includes(problem.parameter));
}
