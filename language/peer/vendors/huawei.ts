/**
 * Huawei VRP (USG firewalls, AR routers): ike proposal and ipsec proposal keywords, USG6000 V500 / AR V300. Huawei
 * implements the national algorithms SM3 and SM4 (国密).
 */
import { byNumber, groupTable, type VendorProfile } from '../vendor';

/** The groups VRP has neither for IKE nor for PFS. */
const HUAWEI_LACKS = ['GROUP15', 'GROUP16', 'GROUP24'] as const;

/** The ciphers' keywords, the same for IKE and ESP (ESP adds NULL, which VRP lacks). */
const CIPHERS: VendorProfile['ikeCiphers'] = {
  '3DES-CBC': '3des',
  'AES-CBC-128': 'aes-128',
  'AES-CBC-192': 'aes-192',
  'AES-CBC-256': 'aes-256',
  'DES-CBC': 'des',
  SM4: 'sm4',
  AES128GCM128: 'aes-128-gcm-128',
  AES192GCM128: 'aes-192-gcm-128',
  AES256GCM128: 'aes-256-gcm-128',
};

export const HUAWEI: VendorProfile = {
  id: 'huawei',
  name: 'Huawei VRP (USG / AR)',
  product: 'Huawei VRP',
  platform: 'USG6000 V500 / AR V300',
  ikeVersions: { IKEV1: 'version 1', IKEV2: 'version 2' },
  exchangeModes: { MAIN: 'exchange-mode main', AGGRESSIVE: 'exchange-mode aggressive' },
  ikeCiphers: CIPHERS,
  // IKEv2 proposals take integrity-algorithm and prf; IKEv1 ones authentication-algorithm (below).
  ikeIntegrities: { MD5: 'hmac-md5-96', SHA: 'hmac-sha1-96', 'SHA-256': 'hmac-sha2-256', 'SHA-512': 'hmac-sha2-512' },
  prfs: { MD5: 'hmac-md5', SHA: 'hmac-sha1', 'SHA-256': 'hmac-sha2-256', 'SHA-512': 'hmac-sha2-512' },
  dhGroups: groupTable(
    byNumber((n) => `group${n}`),
    HUAWEI_LACKS,
  ),
  pfsGroups: groupTable(
    byNumber((n) => `dh-group${n}`),
    HUAWEI_LACKS,
  ),
  espCiphers: { ...CIPHERS, NULL: null },
  espIntegrities: {
    MD5: 'md5',
    SHA1: 'sha1',
    'SHA-256': 'sha2-256',
    'SHA-512': 'sha2-512',
    'SHA-384': 'sha2-384',
    SM3: 'sm3',
  },
  ikev1: {
    ikeIntegrities: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha2-256', 'SHA-512': 'sha2-512' },
  },
  sources: [
    'Huawei USG6000 V500 Configuration Guide: Configuring an IKE Proposal, Configuring an IPSec Proposal',
    'Huawei AR V300 Command Reference: ike proposal, ipsec proposal, esp encryption-algorithm, pfs',
  ],
};
