/** Libreswan (ipsec.conf conn sections): the ike=/esp= keywords of ipsec.conf(5), Libreswan 5. */
import { byNumber, groupTable, type VendorProfile } from '../vendor';

/** The ciphers' keywords, the same for IKE and ESP (ESP adds NULL). */
const CIPHERS: VendorProfile['ikeCiphers'] = {
  '3DES-CBC': '3des',
  'AES-CBC-128': 'aes128',
  'AES-CBC-192': 'aes192',
  'AES-CBC-256': 'aes256',
  'DES-CBC': null,
  SM4: null,
  AES128GCM128: 'aes_gcm128',
  AES192GCM128: 'aes_gcm192',
  AES256GCM128: 'aes_gcm256',
};

export const LIBRESWAN: VendorProfile = {
  id: 'libreswan',
  name: 'Libreswan (ipsec.conf)',
  product: 'Libreswan',
  platform: 'Libreswan 5 (NSS)',
  ikeVersions: { IKEV1: 'keyexchange=ikev1', IKEV2: 'keyexchange=ikev2' },
  exchangeModes: { MAIN: 'aggressive=no', AGGRESSIVE: 'aggressive=yes' },
  // 1DES and modp768 are removed from Libreswan, modp1024 and the RFC 5114 groups (22-24) are not compiled in.
  ikeCiphers: CIPHERS,
  // Libreswan uses the integrity algorithm as the PRF (and, with AES-GCM, names the PRF in its place).
  ikeIntegrities: { MD5: 'md5', SHA: 'sha1', 'SHA-256': 'sha2_256', 'SHA-512': 'sha2_512' },
  dhGroups: groupTable(
    byNumber((n) => `dh${n}`),
    ['GROUP1', 'GROUP2', 'GROUP24'],
  ),
  espCiphers: { ...CIPHERS, NULL: 'null' },
  espIntegrities: {
    MD5: 'md5',
    SHA1: 'sha1',
    'SHA-256': 'sha2_256',
    'SHA-512': 'sha2_512',
    'SHA-384': 'sha2_384',
    SM3: null,
  },
  sources: ['https://libreswan.org/man/ipsec.conf.5.html (ike=, esp=, keyexchange=, aggressive=)'],
};
