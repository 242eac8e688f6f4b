/**
 * Cisco ASA: crypto ikev2/ikev1 policy, crypto ipsec ikev2 ipsec-proposal and ikev1 transform-set keywords, ASA
 * 9.16 (DH groups 1, 2, 5 and 24 are no longer accepted there).
 */
import { byNumber, groupTable, type VendorProfile } from '../vendor';

/** The groups ASA 9.16 no longer accepts, for IKE and PFS alike. */
const ASA_LACKS = ['GROUP1', 'GROUP2', 'GROUP5', 'GROUP24'] as const;

/** The ciphers' keywords, the same for IKE and ESP (ESP adds NULL). */
const CIPHERS: VendorProfile['ikeCiphers'] = {
  '3DES-CBC': '3des',
  'AES-CBC-128': 'aes',
  'AES-CBC-192': 'aes-192',
  'AES-CBC-256': 'aes-256',
  'DES-CBC': 'des',
  SM4: null,
  AES128GCM128: 'aes-gcm',
  AES192GCM128: 'aes-gcm-192',
  AES256GCM128: 'aes-gcm-256',
};

export const CISCO_ASA: VendorProfile = {
  id: 'cisco-asa',
  name: 'Cisco ASA',
  product: 'Cisco ASA',
  platform: 'ASA 9.16',
  ikeVersions: { IKEV1: 'crypto ikev1', IKEV2: 'crypto ikev2' },
  exchangeModes: { MAIN: 'main mode (default)', AGGRESSIVE: 'set ikev1 phase1-mode aggressive' },
  ikeCiphers: CIPHERS,
  ikeIntegrities: { MD5: 'md5', SHA: 'sha', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  prfs: { MD5: 'md5', SHA: 'sha', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  dhGroups: groupTable(
    byNumber((n) => n),
    ASA_LACKS,
  ),
  pfsGroups: groupTable(
    byNumber((n) => `group${n}`),
    ASA_LACKS,
  ),
  espCiphers: { ...CIPHERS, NULL: 'null' },
  espIntegrities: {
    MD5: 'md5',
    SHA1: 'sha-1',
    'SHA-256': 'sha-256',
    'SHA-512': 'sha-512',
    'SHA-384': 'sha-384',
    SM3: null,
  },
  ikev1: {
    // An IKEv1 policy's hash is md5 or sha only; transform sets have no SHA-2 and no GCM.
    ikeIntegrities: { MD5: 'md5', SHA: 'sha', 'SHA-256': null, 'SHA-512': null },
    espCiphers: {
      '3DES-CBC': 'esp-3des',
      'AES-CBC-128': 'esp-aes',
      'AES-CBC-192': 'esp-aes-192',
      'AES-CBC-256': 'esp-aes-256',
      'DES-CBC': 'esp-des',
      SM4: null,
      AES128GCM128: null,
      AES192GCM128: null,
      AES256GCM128: null,
      NULL: 'esp-null',
    },
    espIntegrities: {
      MD5: 'esp-md5-hmac',
      SHA1: 'esp-sha-hmac',
      'SHA-256': null,
      'SHA-512': null,
      'SHA-384': null,
      SM3: null,
    },
  },
  // set security-association lifetime kilobytes takes 10–2147483647.
  limits: { ipsecKilobytes: [10, 2147483647] },
  sources: [
    'Cisco ASA Series VPN CLI Configuration Guide 9.16: Site-to-Site VPN, IKE (crypto ikev1/ikev2 policy)',
    'Cisco ASA Series Command Reference: crypto ipsec ikev2 ipsec-proposal, crypto ipsec ikev1 transform-set',
  ],
};
