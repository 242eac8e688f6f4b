/**
 * The pre-shared key and the two IKE identities as the chosen device writes them (vendorSyntax.ts), with a problem
 * when the device cannot take the file's value: the text then holds the placeholder instead. The key is written
 * only when asked (includePsk), but whether the device can take it is said either way — never the key itself.
 * An address identity that is no IPv4 address is a problem too, and the end's public address stands in for it.
 */
import type { PeerProblem } from '../language/peer/problems';
import { IKE, type Tunnel, type TunnelIdentity } from '../language/peer/tunnel';
import type { VendorProfile } from '../language/peer/vendor';
import type { Localized } from '../language/types';
import { parseIpv4 } from '../language/values/ip';
import { PLACEHOLDERS } from './placeholders';
import { malformed } from './spd';
import type { Written } from './valueSyntax';
import type { VendorSyntax } from './vendorSyntax';

/** An identity as the peer writes it: an address, or a name in the vendor's form (fqdn:…, @…, quoted). */
export interface PeerIdentity {
  type: 'ADDRESS' | 'FQDN';
  value: string;
}

/** A placeholder as the vendor writes it (every vendor takes them: vendorSyntax tests hold it). */
function placeholderText(written: Written, placeholder: string): string {
  return 'text' in written ? written.text : placeholder;
}

function cannotWrite(profile: VendorProfile, parameter: string, what: Localized, reason: Localized): PeerProblem {
  const placeholder = parameter === 'PreShareKey' ? PLACEHOLDERS.psk : PLACEHOLDERS.fqdn;
  return {
    parameter,
    message: {
      en: `${profile.product} cannot write this ${what.en} in its configuration: ${reason.en}. The text has ${placeholder} in its place; choose a value both ends can take.`,
      zh: `${profile.product} 的配置无法写入该${what.zh}：${reason.zh}。文本中以 ${placeholder} 代替；请选择两端都能接受的值。`,
    },
  };
}

export interface WrittenPsk {
  psk: string;
  /** True when `psk` is the file's key (asked for, and the device can take it). */
  included: boolean;
  problems: PeerProblem[];
}

/** The key as the device writes it when `include`, else its placeholder; a problem when the device cannot take it. */
export function writtenPsk(tunnel: Tunnel, profile: VendorProfile, syntax: VendorSyntax, include: boolean): WrittenPsk {
  const placeholder = placeholderText(syntax.psk(PLACEHOLDERS.psk), PLACEHOLDERS.psk);
  const key = tunnel.preSharedKey;
  if (!key) return { psk: placeholder, included: false, problems: [] };
  const written = syntax.psk(key);
  if ('refusal' in written) {
    const what = { en: 'pre-shared key', zh: '预共享密钥' };
    return {
      psk: placeholder,
      included: false,
      problems: [cannotWrite(profile, 'PreShareKey', what, written.refusal)],
    };
  }
  return include
    ? { psk: written.text, included: true, problems: [] }
    : { psk: placeholder, included: false, problems: [] };
}

export interface WrittenIdentity {
  id: PeerIdentity;
  problems: PeerProblem[];
}

/** One end's identity (`side`: Tencent's Local or Remote) as the device writes it; `address` is the end's address. */
export function writtenIdentity(
  identity: TunnelIdentity,
  side: 'Local' | 'Remote',
  address: string,
  profile: VendorProfile,
  syntax: VendorSyntax,
): WrittenIdentity {
  if (identity.type === 'FQDN') {
    const placeholder = {
      type: 'FQDN' as const,
      value: placeholderText(syntax.fqdn(PLACEHOLDERS.fqdn), PLACEHOLDERS.fqdn),
    };
    if (identity.value === undefined) return { id: placeholder, problems: [] };
    const written = syntax.fqdn(identity.value);
    if ('text' in written) return { id: { type: 'FQDN', value: written.text }, problems: [] };
    const what = { en: 'FQDN identity', zh: 'FQDN 标识' };
    return { id: placeholder, problems: [cannotWrite(profile, `${IKE}.${side}FqdnName`, what, written.refusal)] };
  }
  if (identity.value === undefined || parseIpv4(identity.value)) {
    return { id: { type: 'ADDRESS', value: identity.value ?? address }, problems: [] };
  }
  const what = { en: 'an IPv4 address', zh: ' IPv4 地址' };
  return {
    id: { type: 'ADDRESS', value: address },
    problems: [malformed(`${IKE}.${side}Address`, identity.value, what, address)],
  };
}
