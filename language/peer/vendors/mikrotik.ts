/** MikroTik RouterOS 7: /ip ipsec profile and /ip ipsec proposal values (the RouterOS IPsec manual). */
import { groupTable, IANA_GROUP_NAMES, type VendorProfile } from '../vendor';

export const MIKROTIK: VendorProfile = {
  id: 'mikrotik',
  name: 'MikroTik RouterOS 7',
  product: 'RouterOS',
  platform: 'RouterOS 7',
  ikeVersions: { IKEV1: 'exchange-mode=main|aggressive', IKEV2: 'exchange-mode=ike2' },
  exchangeModes: { MAIN: 'exchange-mode=main', AGGRESSIVE: 'exchange-mode=aggressive' },
  // A profile (phase 1) offers no AES-GCM.
  ikeCiphers: {
    '3DES-CBC': '3des',
    'AES-CBC-128': 'aes-128',
    'AES-CBC-192': 'aes-192',
    'AES-CBC-256': 'aes-256',
    'DES-CBC': 'des',
    SM4: null,
    AES128GCM128: null,
    AES192GCM128: null,
    AES256GCM128: null,
  },
  ikeIntegrities: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  dhGroups: groupTable((group) => IANA_GROUP_NAMES[group], ['GROUP24']),
  espCiphers: {
    '3DES-CBC': '3des',
    'AES-CBC-128': 'aes-128-cbc',
    'AES-CBC-192': 'aes-192-cbc',
    'AES-CBC-256': 'aes-256-cbc',
    'DES-CBC': 'des',
    SM4: null,
    AES128GCM128: 'aes-128-gcm',
    AES192GCM128: 'aes-192-gcm',
    AES256GCM128: 'aes-256-gcm',
    NULL: 'null',
  },
  espIntegrities: {
    MD5: 'md5',
    SHA1: 'sha1',
    'SHA-256': 'sha256',
    'SHA-512': 'sha512',
    'SHA-384': null,
    SM3: null,
  },
  sources: ['https://help.mikrotik.com/docs/display/ROS/IPsec (Profiles, Proposals, Peers, Identities, Policies)'],
};
