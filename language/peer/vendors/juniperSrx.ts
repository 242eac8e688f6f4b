/** Juniper SRX (Junos OS): security ike / security ipsec proposal keywords, Junos 22. */
import { byNumber, groupTable, type VendorProfile } from '../vendor';

export const JUNIPER_SRX: VendorProfile = {
  id: 'juniper-srx',
  name: 'Juniper SRX (Junos set commands)',
  product: 'Juniper SRX',
  platform: 'Junos OS 22',
  ikeVersions: { IKEV1: 'version v1-only', IKEV2: 'version v2-only' },
  exchangeModes: { MAIN: 'mode main', AGGRESSIVE: 'mode aggressive' },
  ikeCiphers: {
    '3DES-CBC': '3des-cbc',
    'AES-CBC-128': 'aes-128-cbc',
    'AES-CBC-192': 'aes-192-cbc',
    'AES-CBC-256': 'aes-256-cbc',
    'DES-CBC': 'des-cbc',
    SM4: null,
    AES128GCM128: 'aes-128-gcm',
    AES192GCM128: null,
    AES256GCM128: 'aes-256-gcm',
  },
  ikeIntegrities: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha-256', 'SHA-512': 'sha-512' },
  dhGroups: groupTable(byNumber((n) => `group${n}`)),
  espCiphers: {
    '3DES-CBC': '3des-cbc',
    'AES-CBC-128': 'aes-128-cbc',
    'AES-CBC-192': 'aes-192-cbc',
    'AES-CBC-256': 'aes-256-cbc',
    'DES-CBC': 'des-cbc',
    SM4: null,
    AES128GCM128: 'aes-128-gcm',
    AES192GCM128: 'aes-192-gcm',
    AES256GCM128: 'aes-256-gcm',
    NULL: null,
  },
  espIntegrities: {
    MD5: 'hmac-md5-96',
    SHA1: 'hmac-sha1-96',
    'SHA-256': 'hmac-sha-256-128',
    'SHA-512': 'hmac-sha-512',
    'SHA-384': 'hmac-sha-384',
    SM3: null,
  },
  // lifetime-seconds of an IKE or IPsec proposal: 180–86400; lifetime-kilobytes: 64–4294967294.
  limits: { ikeSeconds: [180, 86400], ipsecSeconds: [180, 86400], ipsecKilobytes: [64, 4294967294] },
  sources: [
    'Junos OS IPsec VPN User Guide: proposal (Security IKE), proposal (Security IPsec), gateway (Security IKE)',
  ],
};
