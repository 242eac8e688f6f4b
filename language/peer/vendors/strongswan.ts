/** strongSwan (swanctl.conf): the proposal keywords of the strongSwan docs' "Algorithm Proposals" page. */
import { IANA_GROUP_NAMES, type VendorProfile } from '../vendor';

/** The ciphers' keywords, the same for IKE and ESP (ESP adds NULL). */
const CIPHERS: VendorProfile['ikeCiphers'] = {
  '3DES-CBC': '3des',
  'AES-CBC-128': 'aes128',
  'AES-CBC-192': 'aes192',
  'AES-CBC-256': 'aes256',
  'DES-CBC': 'des',
  SM4: null,
  AES128GCM128: 'aes128gcm16',
  AES192GCM128: 'aes192gcm16',
  AES256GCM128: 'aes256gcm16',
};

export const STRONGSWAN: VendorProfile = {
  id: 'strongswan',
  name: 'strongSwan (swanctl.conf)',
  product: 'strongSwan',
  platform: 'strongSwan 5.9 with the openssl plugin',
  ikeVersions: { IKEV1: '1', IKEV2: '2' },
  // Aggressive Mode with a PSK is refused by a strongSwan responder unless
  // charon.i_dont_care_about_security_and_use_aggressive_mode_psk is set (strongswan.conf).
  exchangeModes: { MAIN: 'aggressive = no', AGGRESSIVE: 'aggressive = yes' },
  ikeCiphers: CIPHERS,
  // In a strongSwan IKE proposal an integrity keyword also selects the matching PRF.
  ikeIntegrities: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' },
  prfs: { MD5: 'prfmd5', SHA: 'prfsha1', 'SHA-256': 'prfsha256', 'SHA-512': 'prfsha512' },
  dhGroups: IANA_GROUP_NAMES,
  espCiphers: { ...CIPHERS, NULL: 'null' },
  espIntegrities: {
    MD5: 'md5',
    SHA1: 'sha1',
    'SHA-256': 'sha256',
    'SHA-512': 'sha512',
    'SHA-384': 'sha384',
    SM3: null,
  },
  sources: [
    'https://docs.strongswan.org/docs/5.9/config/IKEv2CipherSuites.html',
    'https://docs.strongswan.org/docs/5.9/swanctl/swanctlConf.html',
  ],
};
