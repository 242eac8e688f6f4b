/**
 * Cisco IOS / IOS-XE: crypto ikev2 proposal (IKEv2), crypto isakmp policy (IKEv1) and crypto ipsec transform-set
 * keywords, IOS-XE 17.
 */
import { byNumber, groupTable, type VendorProfile } from '../vendor';

export const CISCO_IOS: VendorProfile = {
  id: 'cisco-ios',
  name: 'Cisco IOS / IOS-XE',
  product: 'Cisco IOS-XE',
  platform: 'IOS-XE 17',
  ikeVersions: { IKEV1: 'crypto isakmp', IKEV2: 'crypto ikev2' },
  exchangeModes: { MAIN: 'main mode (default)', AGGRESSIVE: 'initiate mode aggressive' },
  ikeCiphers: {
    '3DES-CBC': '3des',
    'AES-CBC-128': 'aes-cbc-128',
    'AES-CBC-192': 'aes-cbc-192',
    'AES-CBC-256': 'aes-cbc-256',
    'DES-CBC': 'des',
    SM4: null,
    AES128GCM128: 'aes-gcm-128',
    AES192GCM128: null,
    AES256GCM128: 'aes-gcm-256',
  },
  ikeIntegrities: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  prfs: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  dhGroups: groupTable(byNumber((n) => `group ${n}`)),
  pfsGroups: groupTable(byNumber((n) => `group${n}`)),
  espCiphers: {
    '3DES-CBC': 'esp-3des',
    'AES-CBC-128': 'esp-aes 128',
    'AES-CBC-192': 'esp-aes 192',
    'AES-CBC-256': 'esp-aes 256',
    'DES-CBC': 'esp-des',
    SM4: null,
    AES128GCM128: 'esp-gcm 128',
    AES192GCM128: null,
    AES256GCM128: 'esp-gcm 256',
    NULL: 'esp-null',
  },
  espIntegrities: {
    MD5: 'esp-md5-hmac',
    SHA1: 'esp-sha-hmac',
    'SHA-256': 'esp-sha256-hmac',
    'SHA-512': 'esp-sha512-hmac',
    'SHA-384': 'esp-sha384-hmac',
    SM3: null,
  },
  ikev1: {
    ikeCiphers: {
      '3DES-CBC': '3des',
      'AES-CBC-128': 'aes 128',
      'AES-CBC-192': 'aes 192',
      'AES-CBC-256': 'aes 256',
      'DES-CBC': 'des',
      SM4: null,
      AES128GCM128: null,
      AES192GCM128: null,
      AES256GCM128: null,
    },
    ikeIntegrities: { MD5: 'md5', SHA: 'sha', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  },
  // crypto ikev2 profile / isakmp policy lifetime, and set security-association lifetime (IOS-XE 17).
  limits: { ikeSeconds: [120, 86400], ipsecSeconds: [120, 86400], ipsecKilobytes: [2560, 4294967295] },
  sources: [
    'Cisco IOS XE Security Configuration Guide: Configuring Internet Key Exchange Version 2 (crypto ikev2 proposal)',
    'Cisco IOS Security Command Reference: crypto isakmp policy, crypto ipsec transform-set, set pfs',
  ],
};
