/**
 * The shared Tencent-name table of the peer-device configuration: every algorithm, DH group and mode a
 * CreateVpnConnection file may name (the enums of schemas/CreateVpnConnection.schema.json), what each one means,
 * and the defaults the API applies when a field is absent (the schema's `default`, from validation-rules.json).
 * The vendor modules (vendors/*.ts) map these exact names to their own keywords; nothing here knows a vendor.
 */

/** IKEOptionsSpecification.PropoEncryAlgorithm. */
export const IKE_CIPHERS = [
  '3DES-CBC',
  'AES-CBC-128',
  'AES-CBC-192',
  'AES-CBC-256',
  'DES-CBC',
  'SM4',
  'AES128GCM128',
  'AES192GCM128',
  'AES256GCM128',
] as const;
export type IkeCipher = (typeof IKE_CIPHERS)[number];

/** IPSECOptionsSpecification.EncryptAlgorithm: the IKE list plus NULL (ESP without encryption). */
export const ESP_CIPHERS = [...IKE_CIPHERS, 'NULL'] as const;
export type EspCipher = (typeof ESP_CIPHERS)[number];

/** IKEOptionsSpecification.PropoAuthenAlgorithm ("SHA" is SHA-1 here). */
export const IKE_INTEGRITIES = ['MD5', 'SHA', 'SHA-256', 'SHA-512'] as const;
export type IkeIntegrity = (typeof IKE_INTEGRITIES)[number];

/** IPSECOptionsSpecification.IntegrityAlgorith (sic) / IntegrityAlgorithm ("SHA1" is SHA-1 here). */
export const ESP_INTEGRITIES = ['MD5', 'SHA1', 'SHA-256', 'SHA-512', 'SHA-384', 'SM3'] as const;
export type EspIntegrity = (typeof ESP_INTEGRITIES)[number];

/** IKEOptionsSpecification.DhGroupName. */
export const DH_GROUPS = [
  'GROUP1',
  'GROUP2',
  'GROUP5',
  'GROUP14',
  'GROUP15',
  'GROUP16',
  'GROUP19',
  'GROUP20',
  'GROUP21',
  'GROUP24',
] as const;
export type DhGroupName = (typeof DH_GROUPS)[number];

/** IPSECOptionsSpecification.PfsDhGroup: "DH-" and the IKE group names, or NULL for no PFS. */
export const PFS_GROUPS = ['NULL', ...DH_GROUPS.map((group) => `DH-${group}` as const)] as const;
export type PfsGroupName = 'NULL' | `DH-${DhGroupName}`;

export const IKE_VERSIONS = ['IKEV1', 'IKEV2'] as const;
export type IkeVersion = (typeof IKE_VERSIONS)[number];
export const EXCHANGE_MODES = ['MAIN', 'AGGRESSIVE'] as const;
export type ExchangeMode = (typeof EXCHANGE_MODES)[number];
export const IDENTITY_TYPES = ['ADDRESS', 'FQDN'] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];
export const ROUTE_TYPES = ['STATIC', 'StaticRoute', 'Policy', 'Bgp'] as const;
export type RouteType = (typeof ROUTE_TYPES)[number];
export const NEGOTIATION_TYPES = ['active', 'passive', 'flowTrigger'] as const;
export type NegotiationType = (typeof NEGOTIATION_TYPES)[number];
export const DPD_ACTIONS = ['clear', 'restart'] as const;
export type DpdAction = (typeof DPD_ACTIONS)[number];

/** What a cipher is, for the checks that do not depend on a vendor (GCM needs IKEv2, SM4 is national crypto). */
export interface CipherMeaning {
  family: 'des' | '3des' | 'aes-cbc' | 'aes-gcm' | 'sm4' | 'null';
  /** Key length in bits (AES only). */
  bits?: 128 | 192 | 256;
}

export const CIPHER_MEANINGS: Record<EspCipher, CipherMeaning> = {
  '3DES-CBC': { family: '3des' },
  'AES-CBC-128': { family: 'aes-cbc', bits: 128 },
  'AES-CBC-192': { family: 'aes-cbc', bits: 192 },
  'AES-CBC-256': { family: 'aes-cbc', bits: 256 },
  'DES-CBC': { family: 'des' },
  SM4: { family: 'sm4' },
  // "GCM128": a 128-bit (16-octet) ICV, the one IKEv2 and ESP implementations use by default.
  AES128GCM128: { family: 'aes-gcm', bits: 128 },
  AES192GCM128: { family: 'aes-gcm', bits: 192 },
  AES256GCM128: { family: 'aes-gcm', bits: 256 },
  NULL: { family: 'null' },
};

/** The DH group number of an IKE group or a PFS group name; undefined for NULL (no PFS). */
export function dhGroupNumber(name: DhGroupName | PfsGroupName): number | undefined {
  if (name === 'NULL') return undefined;
  return Number(name.replace(/^(DH-)?GROUP/, ''));
}

/** The IKE group name of a PFS group ("DH-GROUP14" → "GROUP14"); undefined for NULL. */
export function pfsAsDhGroup(name: PfsGroupName): DhGroupName | undefined {
  return name === 'NULL' ? undefined : (name.slice(3) as DhGroupName);
}

/** The API's defaults for the fields the peer configuration reads (schema `default`s, validation-rules.json). */
export const TENCENT_DEFAULTS = {
  ikeVersion: 'IKEV1' as IkeVersion,
  exchangeMode: 'MAIN' as ExchangeMode,
  ikeCipher: '3DES-CBC' as IkeCipher,
  ikeIntegrity: 'SHA' as IkeIntegrity,
  dhGroup: 'GROUP1' as DhGroupName,
  identityType: 'ADDRESS' as IdentityType,
  ikeLifetimeSeconds: 86400,
  espCipher: 'AES-CBC-128' as EspCipher,
  espIntegrity: 'SHA1' as EspIntegrity,
  pfsGroup: 'NULL' as PfsGroupName,
  ipsecLifetimeSeconds: 14400,
  ipsecLifetimeKilobytes: 4096000000,
  routeType: 'STATIC' as RouteType,
  negotiationType: 'active' as NegotiationType,
  dpdEnabled: false,
  dpdTimeoutSeconds: 30,
  // validation-rules.json notes the sources disagree (older docs: clear); the current spec and schema say restart.
  dpdAction: 'restart' as DpdAction,
} as const;
