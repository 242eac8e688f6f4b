/**
 * Keyword lookups shared by the generators: a vendor's keyword for a Tencent value, or a visible marker where
 * the vendor has none (the text still shows where it goes, and the problem list says why).
 */
import { CIPHER_MEANINGS, pfsAsDhGroup, type EspCipher, type IkeCipher } from '../language/peer/tencentNames';
import { pfsKeyword, tablesFor, type Keyword } from '../language/peer/vendor';
import type { PeerContext } from './context';

/** The keyword, or `<NOT_SUPPORTED:value>`. */
export function keyword(value: Keyword, tencentName: string): string {
  return value ?? `<NOT_SUPPORTED:${tencentName}>`;
}

export function isAead(cipher: IkeCipher | EspCipher): boolean {
  return CIPHER_MEANINGS[cipher].family === 'aes-gcm';
}

/** The keywords of the file's IKE proposal. */
export function ikeKeywords(context: PeerContext): { cipher: string; integrity: string; prf?: string; dh: string } {
  const { tunnel } = context;
  const profile = tablesFor(context.profile, tunnel.ikeVersion);
  const ike = tunnel.ike;
  const prf = profile.prfs ? keyword(profile.prfs[ike.integrity], ike.integrity) : undefined;
  return {
    cipher: keyword(profile.ikeCiphers[ike.cipher], ike.cipher),
    integrity: keyword(profile.ikeIntegrities[ike.integrity], ike.integrity),
    ...(prf ? { prf } : {}),
    dh: keyword(profile.dhGroups[ike.dhGroup], ike.dhGroup),
  };
}

/** The keywords of the file's IPsec proposal; integrity is absent with AES-GCM, pfs absent without PFS. */
export function espKeywords(context: PeerContext): { cipher: string; integrity?: string; pfs?: string } {
  const { tunnel } = context;
  const profile = tablesFor(context.profile, tunnel.ikeVersion);
  const esp = tunnel.esp;
  const group = pfsAsDhGroup(esp.pfs);
  return {
    cipher: keyword(profile.espCiphers[esp.cipher], esp.cipher),
    ...(isAead(esp.cipher) ? {} : { integrity: keyword(profile.espIntegrities[esp.integrity], esp.integrity) }),
    ...(group ? { pfs: keyword(pfsKeyword(profile, group), esp.pfs) } : {}),
  };
}
