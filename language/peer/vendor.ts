/**
 * What a peer-device vendor module is: for every Tencent name of tencentNames.ts, the vendor's keyword, or null
 * when the platform has none ("not supported"). The tables are data, read by the capability check (problems.ts),
 * by the generators of peer/ and by scripts/generate-peer-doc.ts (docs/peer-devices.md), so the three agree.
 */
import {
  DH_GROUPS,
  type DhGroupName,
  type EspCipher,
  type EspIntegrity,
  type ExchangeMode,
  type IkeCipher,
  type IkeIntegrity,
  type IkeVersion,
} from './tencentNames';

export const VENDOR_IDS = [
  'strongswan',
  'libreswan',
  'cisco-ios',
  'cisco-asa',
  'huawei',
  'h3c',
  'juniper-srx',
  'fortios',
  'panos',
  'mikrotik',
] as const;
export type VendorId = (typeof VENDOR_IDS)[number];

/** A vendor's keyword for one Tencent value; null: the platform cannot do it. */
export type Keyword = string | null;

/** The lifetimes a platform may bound: IKE SA seconds, IPsec SA seconds and IPsec SA kilobytes. */
export type LifetimeKind = 'ikeSeconds' | 'ipsecSeconds' | 'ipsecKilobytes';

export interface VendorProfile {
  id: VendorId;
  /** The product as users name it, with the configuration form the generator writes. */
  name: string;
  /** The product alone, as messages name it ("strongSwan"). */
  product: string;
  /** The software the tables were written for (keywords change between releases). */
  platform: string;
  ikeVersions: Record<IkeVersion, Keyword>;
  exchangeModes: Record<ExchangeMode, Keyword>;
  ikeCiphers: Record<IkeCipher, Keyword>;
  /** IKE integrity (and the PRF, for vendors that name it apart: see `prfs`). */
  ikeIntegrities: Record<IkeIntegrity, Keyword>;
  /** The PRF keyword, where the platform configures it separately (IKEv2 with GCM needs one). */
  prfs?: Record<IkeIntegrity, Keyword>;
  /** The DH group of the IKE proposal. */
  dhGroups: Record<DhGroupName, Keyword>;
  /** The PFS group of the IPsec proposal, where its keyword differs from the IKE one. */
  pfsGroups?: Record<DhGroupName, Keyword>;
  espCiphers: Record<EspCipher, Keyword>;
  espIntegrities: Record<EspIntegrity, Keyword>;
  /** Where the platform's IKEv1 commands name things otherwise than its IKEv2 ones (the tables above). */
  ikev1?: Partial<Pick<VendorProfile, 'ikeCiphers' | 'ikeIntegrities' | 'dhGroups' | 'espCiphers' | 'espIntegrities'>>;
  /** The ranges the platform takes for the lifetimes, where they are narrower than the API's ([min, max]). */
  limits?: Partial<Record<LifetimeKind, [number, number]>>;
  /** The vendor documentation the keywords come from. */
  sources: string[];
}

/** The tables that apply to one IKE version: the IKEv2 ones, with the IKEv1 overrides for IKEV1. */
export function tablesFor(profile: VendorProfile, version: IkeVersion): VendorProfile {
  return version === 'IKEV1' && profile.ikev1 ? { ...profile, ...profile.ikev1 } : profile;
}

/** The PFS keyword of a group: the vendor's PFS table if it has one, else its IKE table. */
export function pfsKeyword(profile: VendorProfile, group: DhGroupName): Keyword {
  return (profile.pfsGroups ?? profile.dhGroups)[group];
}

/**
 * A DH-group table written by a rule: the keyword `keyword` gives for each Tencent group, null for the groups the
 * platform `lacks`. What the vendors share is the rule's shape (most number the groups: "group14", "dh14", "14");
 * the spelling and the groups a platform lacks stay explicit in each vendor's module.
 */
export function groupTable(
  keyword: (group: DhGroupName) => string,
  lacks: readonly DhGroupName[] = [],
): Record<DhGroupName, Keyword> {
  return Object.fromEntries(DH_GROUPS.map((group) => [group, lacks.includes(group) ? null : keyword(group)])) as Record<
    DhGroupName,
    Keyword
  >;
}

/** A keyword rule from the group's number ("GROUP14" → format("14")). */
export function byNumber(format: (number: string) => string): (group: DhGroupName) => string {
  return (group) => format(group.slice('GROUP'.length));
}

/** The IANA names of the groups (RFC 3526, 5114, 5903), which strongSwan and RouterOS use as keywords. */
export const IANA_GROUP_NAMES: Record<DhGroupName, string> = {
  GROUP1: 'modp768',
  GROUP2: 'modp1024',
  GROUP5: 'modp1536',
  GROUP14: 'modp2048',
  GROUP15: 'modp3072',
  GROUP16: 'modp4096',
  GROUP19: 'ecp256',
  GROUP20: 'ecp384',
  GROUP21: 'ecp521',
  GROUP24: 'modp2048s256',
};
