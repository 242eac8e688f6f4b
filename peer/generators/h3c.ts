/**
 * H3C Comware 7: IKEv1 (ike proposal, keychain, profile) or IKEv2 (ikev2 proposal, policy, keychain, profile), an
 * IPsec transform set, then an IPsec profile on an IPsec tunnel interface (route-based, static routes or BGP) or
 * this tunnel's entry of the IPsec policy group with an advanced ACL rule per SPD mapping, the group applied to the
 * WAN interface (policy-based). The tunnel and policy sections are the VRP family's (vrp.ts); what Comware writes
 * otherwise than Huawei VRP is in H3C_DIALECT.
 */
import { dpdProbe } from '../addressing';
import type { PeerContext } from '../context';
import { espKeywords, ikeKeywords, isAead } from '../keywords';
import { POLICY_GROUP, vrpConfig, vrpNumbered, type VrpDialect } from './vrp';

function ikev1Lines(context: PeerContext): string[] {
  const { name, slot, tunnel, localId, remoteId } = context;
  const ike = ikeKeywords(context);
  const lines = [
    `ike proposal ${slot}`,
    ` encryption-algorithm ${ike.cipher}`,
    ` authentication-algorithm ${ike.integrity}`,
    ' authentication-method pre-share',
    ` dh ${ike.dh}`,
    ` sa duration ${tunnel.ike.lifetimeSeconds}`,
    '#',
    `ike keychain ${name}`,
    remoteId.type === 'FQDN'
      ? ` pre-shared-key hostname ${remoteId.value} key simple ${context.psk}`
      : ` pre-shared-key address ${context.cloudAddress} 255.255.255.255 key simple ${context.psk}`,
    '#',
    `ike profile ${name}`,
    ` keychain ${name}`,
    ` exchange-mode ${tunnel.exchangeMode === 'AGGRESSIVE' ? 'aggressive' : 'main'}`,
    localId.type === 'FQDN' ? ` local-identity fqdn ${localId.value}` : ` local-identity address ${localId.value}`,
    remoteId.type === 'FQDN'
      ? ` match remote identity fqdn ${remoteId.value}`
      : ` match remote identity address ${remoteId.value} 255.255.255.255`,
    ` proposal ${slot}`,
  ];
  if (tunnel.dpd.enabled)
    lines.push(` dpd interval ${dpdProbe(context).interval} retry ${dpdProbe(context).retries} periodic`);
  return [...lines, '#'];
}

function ikev2Lines(context: PeerContext): string[] {
  const { name, tunnel, localId, remoteId } = context;
  const ike = ikeKeywords(context);
  const lines = [
    `ikev2 proposal ${name}`,
    ` encryption ${ike.cipher}`,
    ...(isAead(tunnel.ike.cipher) ? [] : [` integrity ${ike.integrity}`]),
    ` prf ${ike.prf}`,
    ` dh ${ike.dh}`,
    '#',
    `ikev2 policy ${name}`,
    ` proposal ${name}`,
    '#',
    `ikev2 keychain ${name}`,
    ` peer ${name}`,
    `  address ${context.cloudAddress} 32`,
    ...(remoteId.type === 'FQDN' ? [`  identity fqdn ${remoteId.value}`] : []),
    `  pre-shared-key plaintext ${context.psk}`,
    '#',
    `ikev2 profile ${name}`,
    ' authentication-method local pre-share',
    ' authentication-method remote pre-share',
    ` keychain ${name}`,
    localId.type === 'FQDN' ? ` identity local fqdn ${localId.value}` : ` identity local address ${localId.value}`,
    remoteId.type === 'FQDN'
      ? ` match remote identity fqdn ${remoteId.value}`
      : ` match remote identity address ${remoteId.value} 32`,
    ` sa duration ${tunnel.ike.lifetimeSeconds}`,
  ];
  if (tunnel.dpd.enabled) lines.push(` dpd interval ${dpdProbe(context).interval} periodic`);
  return [...lines, '#'];
}

function transformSetLines(context: PeerContext): string[] {
  const esp = espKeywords(context);
  return [
    `ipsec transform-set ${context.name}`,
    ' encapsulation-mode tunnel',
    ' protocol esp',
    ` esp encryption-algorithm ${esp.cipher}`,
    ...(esp.integrity ? [` esp authentication-algorithm ${esp.integrity}`] : []),
    ...(esp.pfs ? [` pfs ${esp.pfs}`] : []),
    '#',
  ];
}

/** Comware's SA lines: the transform set (PFS is in it), the IKE or IKEv2 profile, the lifetimes. */
function saLines(context: PeerContext): string[] {
  return [
    ` transform-set ${context.name}`,
    context.tunnel.ikeVersion === 'IKEV2' ? ` ikev2-profile ${context.name}` : ` ike-profile ${context.name}`,
    ` sa duration time-based ${context.tunnel.esp.lifetimeSeconds}`,
    ` sa duration traffic-based ${context.tunnel.esp.lifetimeKilobytes}`,
  ];
}

export const H3C_DIALECT: VrpDialect = {
  tunnelInterface: (slot) => `Tunnel${slot}`,
  tunnelInterfaceHeader: (slot) => `interface Tunnel${slot} mode ipsec`,
  tunnelProtocol: [],
  ipsecProfileHeader: (name) => `ipsec profile ${name} isakmp`,
  protection: (name) => ` tunnel protection ipsec profile ${name}`,
  bgpFamily: ' address-family ipv4 unicast',
  // Comware writes a route's mask as a prefix length.
  route: (parts, tunnelInterface) => `ip route-static ${parts.address} ${parts.prefix} ${tunnelInterface}`,
  aclHeader: (number) => `acl advanced ${number}`,
  ruleNumber: (index) => index * 5,
  // An IKE profile names no peer address: the policy entry does.
  policyPeerLines: (context) => [` remote-address ${context.cloudAddress}`],
  saLines,
  applyPolicy: ` ipsec apply policy ${POLICY_GROUP}`,
};

/** The Comware configuration text. */
export function h3cConfig(context: PeerContext): string {
  const ikev1 = context.tunnel.ikeVersion === 'IKEV1';
  const sections = [...(ikev1 ? ikev1Lines(context) : ikev2Lines(context)), ...transformSetLines(context)];
  return vrpConfig(context, H3C_DIALECT, sections, vrpNumbered(context, H3C_DIALECT, ikev1));
}
