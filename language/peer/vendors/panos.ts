/** Palo Alto Networks PAN-OS: IKE and IPSec crypto profile keywords (set commands), PAN-OS 10.2 and later. */
import { byNumber, groupTable, type VendorProfile } from '../vendor';

/** The ciphers' keywords, the same for IKE and ESP (ESP adds NULL). */
const CIPHERS: VendorProfile['ikeCiphers'] = {
  '3DES-CBC': '3des',
  'AES-CBC-128': 'aes-128-cbc',
  'AES-CBC-192': 'aes-192-cbc',
  'AES-CBC-256': 'aes-256-cbc',
  'DES-CBC': 'des',
  SM4: null,
  AES128GCM128: 'aes-128-gcm',
  AES192GCM128: null,
  AES256GCM128: 'aes-256-gcm',
};

export const PANOS: VendorProfile = {
  id: 'panos',
  name: 'Palo Alto Networks PAN-OS (set commands)',
  product: 'PAN-OS',
  platform: 'PAN-OS 10.2',
  ikeVersions: { IKEV1: 'protocol version ikev1', IKEV2: 'protocol version ikev2' },
  exchangeModes: { MAIN: 'exchange-mode main', AGGRESSIVE: 'exchange-mode aggressive' },
  ikeCiphers: CIPHERS,
  ikeIntegrities: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  dhGroups: groupTable(
    byNumber((n) => `group${n}`),
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
  sources: ['PAN-OS 10.2 Administrator’s Guide: Define IKE Crypto Profiles, Define IPSec Crypto Profiles, IKE Phase 1'],
};
