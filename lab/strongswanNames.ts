/**
 * Tencent's algorithm names → strongSwan's, written for the lab from strongSwan's documented proposal keywords
 * (docs.strongswan.org "IKEv2 Cipher Suites"), independently of peer/: the lab's cloud side must not share the
 * generator's table, or a wrong entry would agree with itself. Each entry has the keyword a swanctl.conf
 * proposal uses and the name swanctl's SA listing and charon's "received/configured proposals" lines print, so
 * the tests can read back exactly which algorithms were negotiated and the diagnosis can name them in Tencent's words.
 * `undefined` keyword: strongSwan 5.9 has no such algorithm (SM4, SM3).
 */

/** One algorithm in both vocabularies. */
export interface Algorithm {
  tencent: string;
  /** The swanctl.conf proposal keyword; undefined when strongSwan cannot do it. */
  keyword: string | undefined;
  /** The proposal token in charon's logs (`AES_CBC_128`, `HMAC_SHA2_256_128`, `MODP_2048`). */
  token: string;
}

/** An encryption algorithm as swanctl --list-sas reports it (encr-alg, encr-keysize). */
export interface EncryptionAlgorithm extends Algorithm {
  saName: string;
  keySize?: number;
}

function encryption(
  tencent: string,
  keyword: string | undefined,
  saName: string,
  keySize?: number,
): EncryptionAlgorithm {
  return { tencent, keyword, saName, keySize, token: keySize ? `${saName}_${keySize}` : saName };
}

const BLOCK_CIPHERS: EncryptionAlgorithm[] = [
  encryption('3DES-CBC', '3des', '3DES_CBC'),
  encryption('DES-CBC', 'des', 'DES_CBC'),
  encryption('AES-CBC-128', 'aes128', 'AES_CBC', 128),
  encryption('AES-CBC-192', 'aes192', 'AES_CBC', 192),
  encryption('AES-CBC-256', 'aes256', 'AES_CBC', 256),
  // Tencent's "GCM128" is the 128-bit (16-byte) ICV: strongSwan's aes…gcm16.
  encryption('AES128GCM128', 'aes128gcm16', 'AES_GCM_16', 128),
  encryption('AES192GCM128', 'aes192gcm16', 'AES_GCM_16', 192),
  encryption('AES256GCM128', 'aes256gcm16', 'AES_GCM_16', 256),
  encryption('SM4', undefined, 'SM4_CBC'),
];

/** IKEOptionsSpecification.PropoEncryAlgorithm. */
export const IKE_ENCRYPTION: readonly EncryptionAlgorithm[] = BLOCK_CIPHERS;
/** IPSECOptionsSpecification.EncryptAlgorithm ("NULL": no encryption). */
export const ESP_ENCRYPTION: readonly EncryptionAlgorithm[] = [...BLOCK_CIPHERS, encryption('NULL', 'null', 'NULL')];

/** An integrity algorithm with its pseudo-random function (IKE uses both; ESP only the integrity). */
export interface IntegrityAlgorithm extends Algorithm {
  prfToken: string;
}

function integrity(tencent: string, keyword: string | undefined, token: string, prfToken: string): IntegrityAlgorithm {
  return { tencent, keyword, token, prfToken };
}

const HASHES: IntegrityAlgorithm[] = [
  integrity('MD5', 'md5', 'HMAC_MD5_96', 'PRF_HMAC_MD5'),
  integrity('SHA1', 'sha1', 'HMAC_SHA1_96', 'PRF_HMAC_SHA1'),
  integrity('SHA-256', 'sha256', 'HMAC_SHA2_256_128', 'PRF_HMAC_SHA2_256'),
  integrity('SHA-384', 'sha384', 'HMAC_SHA2_384_192', 'PRF_HMAC_SHA2_384'),
  integrity('SHA-512', 'sha512', 'HMAC_SHA2_512_256', 'PRF_HMAC_SHA2_512'),
  integrity('SM3', undefined, 'HMAC_SM3', 'PRF_HMAC_SM3'),
];

/** IKEOptionsSpecification.PropoAuthenAlgorithm: IKE spells SHA-1 "SHA". */
export const IKE_INTEGRITY: readonly IntegrityAlgorithm[] = [
  { ...HASHES[1], tencent: 'SHA' },
  ...HASHES.filter((hash) => ['MD5', 'SHA-256', 'SHA-512'].includes(hash.tencent)),
];
/** IPSECOptionsSpecification.IntegrityAlgorith(m). */
export const ESP_INTEGRITY: readonly IntegrityAlgorithm[] = HASHES;

const GROUPS: Array<[number, string, string]> = [
  [1, 'modp768', 'MODP_768'],
  [2, 'modp1024', 'MODP_1024'],
  [5, 'modp1536', 'MODP_1536'],
  [14, 'modp2048', 'MODP_2048'],
  [15, 'modp3072', 'MODP_3072'],
  [16, 'modp4096', 'MODP_4096'],
  [19, 'ecp256', 'ECP_256'],
  [20, 'ecp384', 'ECP_384'],
  [21, 'ecp521', 'ECP_521'],
  [24, 'modp2048s256', 'MODP_2048_256'],
];

/** IKEOptionsSpecification.DhGroupName (GROUPn). */
export const IKE_DH_GROUPS: readonly Algorithm[] = GROUPS.map(([n, keyword, token]) => ({
  tencent: `GROUP${n}`,
  keyword,
  token,
}));
/** IPSECOptionsSpecification.PfsDhGroup (DH-GROUPn; "NULL" is no PFS, keyword "" adds nothing). */
export const PFS_GROUPS: readonly Algorithm[] = [
  { tencent: 'NULL', keyword: '', token: '' },
  ...GROUPS.map(([n, keyword, token]) => ({ tencent: `DH-GROUP${n}`, keyword, token })),
];

/** The entry for a Tencent name, or undefined for a name the table does not know. */
export function byTencentName<T extends Algorithm>(table: readonly T[], name: unknown): T | undefined {
  return table.find((entry) => entry.tencent === name);
}

/** The entry whose log token is `token` (the SA listing's encr-alg plus keysize, integ-alg, dh-group). */
export function byToken<T extends Algorithm>(table: readonly T[], token: string): T | undefined {
  return table.find((entry) => entry.token === token);
}
