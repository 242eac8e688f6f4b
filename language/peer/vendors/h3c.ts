/**
 * H3C Comware 7: ike proposal (IKEv1), ikev2 proposal and ipsec transform-set keywords. H3C implements the national
 * algorithms SM3 and SM4 (国密) as sm3 and sm4-cbc.
 */
import { byNumber, groupTable, type VendorProfile } from '../vendor';

/** The groups Comware has neither for IKE nor for PFS. */
const H3C_LACKS = ['GROUP15', 'GROUP16', 'GROUP21'] as const;

/** The ciphers' keywords, the same for IKE and ESP (ESP adds NULL). */
const CIPHERS: VendorProfile['ikeCiphers'] = {
  '3DES-CBC': '3des-cbc',
  'AES-CBC-128': 'aes-cbc-128',
  'AES-CBC-192': 'aes-cbc-192',
  'AES-CBC-256': 'aes-cbc-256',
  'DES-CBC': 'des-cbc',
  SM4: 'sm4-cbc',
  AES128GCM128: 'aes-gcm-128',
  AES192GCM128: 'aes-gcm-192',
  AES256GCM128: 'aes-gcm-256',
};

export const H3C: VendorProfile = {
  id: 'h3c',
  name: 'H3C Comware 7',
  product: 'H3C Comware',
  platform: 'Comware 7',
  ikeVersions: { IKEV1: 'ike profile', IKEV2: 'ikev2 profile' },
  exchangeModes: { MAIN: 'exchange-mode main', AGGRESSIVE: 'exchange-mode aggressive' },
  ikeCiphers: CIPHERS,
  ikeIntegrities: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  prfs: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  dhGroups: groupTable(
    byNumber((n) => `group${n}`),
    H3C_LACKS,
  ),
  pfsGroups: groupTable(
    byNumber((n) => `dh-group${n}`),
    H3C_LACKS,
  ),
  espCiphers: { ...CIPHERS, NULL: 'null' },
  espIntegrities: {
    MD5: 'md5',
    SHA1: 'sha1',
    'SHA-256': 'sha256',
    'SHA-512': 'sha512',
    'SHA-384': 'sha384',
    SM3: 'sm3',
  },
  ikev1: {
    // IKEv1 has no GCM proposals; the CBC keywords are IKEv2's.
    ikeCiphers: { ...CIPHERS, AES128GCM128: null, AES192GCM128: null, AES256GCM128: null },
    ikeIntegrities: { MD5: 'md5', SHA: 'sha', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  },
  sources: [
    'H3C Comware 7 Security Configuration Guide: IKE (ike proposal, ike profile, ike keychain), IKEv2, IPsec',
    'H3C Comware 7 Security Command Reference: esp encryption-algorithm, esp authentication-algorithm, pfs',
  ],
};
