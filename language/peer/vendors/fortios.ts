/**
 * Fortinet FortiOS: vpn ipsec phase1-interface / phase2-interface keywords, FortiOS 7.2. A FortiOS proposal joins
 * the cipher and the hash with a dash ("aes128-sha256"; with GCM, the PRF: "aes128gcm-prfsha256").
 */
import { byNumber, groupTable, type VendorProfile } from '../vendor';

/** The ciphers' keywords, the same for IKE and ESP (ESP adds NULL). */
const CIPHERS: VendorProfile['ikeCiphers'] = {
  '3DES-CBC': '3des',
  'AES-CBC-128': 'aes128',
  'AES-CBC-192': 'aes192',
  'AES-CBC-256': 'aes256',
  'DES-CBC': 'des',
  SM4: null,
  AES128GCM128: 'aes128gcm',
  AES192GCM128: null,
  AES256GCM128: 'aes256gcm',
};

export const FORTIOS: VendorProfile = {
  id: 'fortios',
  name: 'Fortinet FortiGate (FortiOS CLI)',
  product: 'FortiOS',
  platform: 'FortiOS 7.2',
  ikeVersions: { IKEV1: 'set ike-version 1', IKEV2: 'set ike-version 2' },
  exchangeModes: { MAIN: 'set mode main', AGGRESSIVE: 'set mode aggressive' },
  ikeCiphers: CIPHERS,
  ikeIntegrities: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  prfs: { MD5: null, SHA: 'prfsha1', 'SHA-256': 'prfsha256', 'SHA-512': 'prfsha512' },
  dhGroups: groupTable(
    byNumber((n) => n),
    ['GROUP24'],
  ),
  espCiphers: { ...CIPHERS, NULL: 'null' },
  espIntegrities: {
    MD5: 'md5',
    SHA1: 'sha1',
    'SHA-256': 'sha256',
    'SHA-512': 'sha512',
    'SHA-384': 'sha384',
    SM3: null,
  },
  // keylife (phase 1) and keylifeseconds (phase 2): 120–172800; keylifekbs: 5120–4294967295.
  limits: { ikeSeconds: [120, 172800], ipsecSeconds: [120, 172800], ipsecKilobytes: [5120, 4294967295] },
  sources: [
    'FortiOS 7.2 CLI Reference: config vpn ipsec phase1-interface (proposal, dhgrp, keylife), phase2-interface',
  ],
};
