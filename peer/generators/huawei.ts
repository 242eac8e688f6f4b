/**
 * Huawei VRP (USG firewalls, AR routers): an IKE proposal and IKE peer, an IPsec proposal, then an IPsec profile
 * on a tunnel interface (route-based, with static routes or BGP) or an IPsec policy with an ACL rule per SPD
 * mapping applied to the WAN interface (policy-based).
 */
import { blockParts, dpdProbe, netmaskOf, selectorPairs } from '../addressing';
import { PLACEHOLDERS, type PeerContext, type PeerIdentity } from '../context';
import { espKeywords, ikeKeywords, isAead } from '../keywords';
import { summaryLines } from '../summary';

const WAN = PLACEHOLDERS.wanInterface;

function ikeProposalLines(context: PeerContext): string[] {
  const { tunnel } = context;
  const ike = ikeKeywords(context);
  const hash =
    tunnel.ikeVersion === 'IKEV1'
      ? [` authentication-algorithm ${ike.integrity}`]
      : [...(isAead(tunnel.ike.cipher) ? [] : [` integrity-algorithm ${ike.integrity}`]), ` prf ${ike.prf}`];
  return [
    'ike proposal 10',
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
    'ike peer tencent',
    tunnel.ikeVersion === 'IKEV1' ? ' undo version 2' : ' undo version 1',
    ...(tunnel.ikeVersion === 'IKEV1'
      ? [` exchange-mode ${tunnel.exchangeMode === 'AGGRESSIVE' ? 'aggressive' : 'main'}`]
      : []),
    ` pre-shared-key cipher ${context.psk}`,
    ' ike-proposal 10',
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
    'ipsec proposal tencent',
    ' transform esp',
    ' encapsulation-mode tunnel',
    ...(esp.integrity ? [` esp authentication-algorithm ${esp.integrity}`] : []),
    ` esp encryption-algorithm ${esp.cipher}`,
    '#',
  ];
}

function saLines(context: PeerContext): string[] {
  const esp = espKeywords(context);
  return [
    ' ike-peer tencent',
    ' proposal tencent',
    ...(esp.pfs ? [` pfs ${esp.pfs}`] : []),
    ` sa duration time-based ${context.tunnel.esp.lifetimeSeconds}`,
    ` sa duration traffic-based ${context.tunnel.esp.lifetimeKilobytes}`,
  ];
}

function routeBasedLines(context: PeerContext): string[] {
  const { bgp } = context;
  const lines = [
    'ipsec profile tencent',
    ...saLines(context),
    '#',
    'interface Tunnel0/0/1',
    bgp ? ` ip address ${bgp.peerInside} ${netmaskOf(bgp.prefix)}` : ` ip address unnumbered interface ${WAN}`,
    ' tunnel-protocol ipsec',
    ` source ${WAN}`,
    ` destination ${context.cloudAddress}`,
    ' ipsec profile tencent',
    '#',
  ];
  if (bgp) {
    return [
      ...lines,
      `bgp ${bgp.peerAsn}`,
      ` peer ${bgp.cloudInside} as-number ${bgp.cloudAsn}`,
      ' ipv4-family unicast',
      `  peer ${bgp.cloudInside} enable`,
      '#',
    ];
  }
  const routes = context.cloudBlocks.map((block) => {
    const parts = blockParts(block);
    return `ip route-static ${parts.address} ${parts.netmask} Tunnel0/0/1`;
  });
  return [...lines, ...routes, '#'];
}

function policyBasedLines(context: PeerContext): string[] {
  const rules = selectorPairs(context).map(({ local, remote }, index) => {
    const [l, r] = [blockParts(local), blockParts(remote)];
    return ` rule ${(index + 1) * 5} permit ip source ${l.address} ${l.wildcard} destination ${r.address} ${r.wildcard}`;
  });
  return [
    'acl number 3000',
    ...rules,
    '#',
    'ipsec policy tencent 10 isakmp',
    ' security acl 3000',
    ...saLines(context),
    '#',
    `interface ${WAN}`,
    ' ipsec policy tencent',
    '#',
  ];
}

/** The VRP configuration text. */
export function huaweiConfig(context: PeerContext): string {
  return [
    ...summaryLines(context).map((line) => `# ${line}`),
    '#',
    ...ikeProposalLines(context),
    ...ikePeerLines(context),
    ...ipsecProposalLines(context),
    ...(context.tunnel.routeBased ? routeBasedLines(context) : policyBasedLines(context)),
    'return',
    '',
  ].join('\n');
}
