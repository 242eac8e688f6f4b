/**
 * Huawei VRP (USG firewalls, AR routers): an IKE proposal and IKE peer, an IPsec proposal, then an IPsec profile
 * on a tunnel interface (route-based, with static routes or BGP) or this tunnel's entry of the IPsec policy group
 * with an ACL rule per SPD mapping, the group applied to the WAN interface (policy-based). The tunnel and policy
 * sections are the VRP family's (vrp.ts); what VRP writes otherwise than H3C Comware is in HUAWEI_DIALECT.
 */
import { dpdProbe } from '../addressing';
import type { PeerContext, PeerIdentity } from '../context';
import { espKeywords, ikeKeywords, isAead } from '../keywords';
import { POLICY_GROUP, vrpConfig, vrpNumbered, type VrpDialect } from './vrp';

function ikeProposalLines(context: PeerContext): string[] {
  const { tunnel } = context;
  const ike = ikeKeywords(context);
  const hash =
    tunnel.ikeVersion === 'IKEV1'
      ? [` authentication-algorithm ${ike.integrity}`]
      : [...(isAead(tunnel.ike.cipher) ? [] : [` integrity-algorithm ${ike.integrity}`]), ` prf ${ike.prf}`];
  return [
    `ike proposal ${context.slot}`,
    ` encryption-algorithm ${ike.cipher}`,
    ...hash,
    ' authentication-method pre-share',
    ` dh ${ike.dh}`,
    ` sa duration ${tunnel.ike.lifetimeSeconds}`,
    '#',
  ];
}

function idLines(side: 'local' | 'remote', identity: PeerIdentity): string[] {
  return identity.type === 'FQDN'
    ? [` ${side}-id-type fqdn`, ` ${side}-id ${identity.value}`]
    : [` ${side}-id-type ip`, ...(side === 'remote' ? [` remote-id ${identity.value}`] : [])];
}

function ikePeerLines(context: PeerContext): string[] {
  const { tunnel } = context;
  const lines = [
    `ike peer ${context.name}`,
    tunnel.ikeVersion === 'IKEV1' ? ' undo version 2' : ' undo version 1',
    ...(tunnel.ikeVersion === 'IKEV1'
      ? [` exchange-mode ${tunnel.exchangeMode === 'AGGRESSIVE' ? 'aggressive' : 'main'}`]
      : []),
    ` pre-shared-key cipher ${context.psk}`,
    ` ike-proposal ${context.slot}`,
    ...idLines('local', context.localId),
    ...idLines('remote', context.remoteId),
    ` remote-address ${context.cloudAddress}`,
  ];
  if (tunnel.dpd.enabled) lines.push(' dpd type periodic', ` dpd idle-time ${dpdProbe(context).interval}`);
  return [...lines, '#'];
}

function ipsecProposalLines(context: PeerContext): string[] {
  const esp = espKeywords(context);
  return [
    `ipsec proposal ${context.name}`,
    ' transform esp',
    ' encapsulation-mode tunnel',
    ...(esp.integrity ? [` esp authentication-algorithm ${esp.integrity}`] : []),
    ` esp encryption-algorithm ${esp.cipher}`,
    '#',
  ];
}

/** VRP's SA lines: the IKE peer, the proposal, PFS (in the policy, not the proposal) and the lifetimes. */
function saLines(context: PeerContext): string[] {
  const esp = espKeywords(context);
  return [
    ` ike-peer ${context.name}`,
    ` proposal ${context.name}`,
    ...(esp.pfs ? [` pfs ${esp.pfs}`] : []),
    ` sa duration time-based ${context.tunnel.esp.lifetimeSeconds}`,
    ` sa duration traffic-based ${context.tunnel.esp.lifetimeKilobytes}`,
  ];
}

export const HUAWEI_DIALECT: VrpDialect = {
  tunnelInterface: (slot) => `Tunnel0/0/${slot}`,
  tunnelInterfaceHeader: (slot) => `interface Tunnel0/0/${slot}`,
  tunnelProtocol: [' tunnel-protocol ipsec'],
  ipsecProfileHeader: (name) => `ipsec profile ${name}`,
  protection: (name) => ` ipsec profile ${name}`,
  bgpFamily: ' ipv4-family unicast',
  // VRP writes a route's mask as a netmask.
  route: (parts, tunnelInterface) => `ip route-static ${parts.address} ${parts.netmask} ${tunnelInterface}`,
  aclHeader: (number) => `acl number ${number}`,
  ruleNumber: (index) => (index + 1) * 5,
  // The peer's address is the IKE peer's remote-address; the policy entry names only the peer.
  policyPeerLines: () => [],
  saLines,
  applyPolicy: ` ipsec policy ${POLICY_GROUP}`,
};

/** The VRP configuration text. */
export function huaweiConfig(context: PeerContext): string {
  const sections = [...ikeProposalLines(context), ...ikePeerLines(context), ...ipsecProposalLines(context)];
  return vrpConfig(context, HUAWEI_DIALECT, sections, vrpNumbered(context, HUAWEI_DIALECT, true));
}
