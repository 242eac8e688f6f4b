/**
 * H3C Comware 7: IKEv1 (ike proposal, keychain, profile) or IKEv2 (ikev2 proposal, policy, keychain, profile), an
 * IPsec transform set, then an IPsec profile on an IPsec tunnel interface (route-based, static routes or BGP) or
 * an IPsec policy with an advanced ACL rule per SPD mapping applied to the WAN interface (policy-based).
 */
import { blockParts, dpdProbe, netmaskOf, selectorPairs } from '../addressing';
import { PLACEHOLDERS, type PeerContext } from '../context';
import { espKeywords, ikeKeywords, isAead } from '../keywords';
import { summaryLines } from '../summary';

const WAN = PLACEHOLDERS.wanInterface;

function ikev1Lines(context: PeerContext): string[] {
  const { tunnel, localId, remoteId } = context;
  const ike = ikeKeywords(context);
  const lines = [
    'ike proposal 10',
    ` encryption-algorithm ${ike.cipher}`,
    ` authentication-algorithm ${ike.integrity}`,
    ' authentication-method pre-share',
    ` dh ${ike.dh}`,
    ` sa duration ${tunnel.ike.lifetimeSeconds}`,
    '#',
    'ike keychain tencent',
    remoteId.type === 'FQDN'
      ? ` pre-shared-key hostname ${remoteId.value} key simple ${context.psk}`
      : ` pre-shared-key address ${context.cloudAddress} 255.255.255.255 key simple ${context.psk}`,
    '#',
    'ike profile tencent',
    ' keychain tencent',
    ` exchange-mode ${tunnel.exchangeMode === 'AGGRESSIVE' ? 'aggressive' : 'main'}`,
    localId.type === 'FQDN' ? ` local-identity fqdn ${localId.value}` : ` local-identity address ${localId.value}`,
    remoteId.type === 'FQDN'
      ? ` match remote identity fqdn ${remoteId.value}`
      : ` match remote identity address ${remoteId.value} 255.255.255.255`,
    ' proposal 10',
  ];
  if (tunnel.dpd.enabled)
    lines.push(` dpd interval ${dpdProbe(context).interval} retry ${dpdProbe(context).retries} periodic`);
  return [...lines, '#'];
}

function ikev2Lines(context: PeerContext): string[] {
  const { tunnel, localId, remoteId } = context;
  const ike = ikeKeywords(context);
  const lines = [
    'ikev2 proposal tencent',
    ` encryption ${ike.cipher}`,
    ...(isAead(tunnel.ike.cipher) ? [] : [` integrity ${ike.integrity}`]),
    ` prf ${ike.prf}`,
    ` dh ${ike.dh}`,
    '#',
    'ikev2 policy tencent',
    ' proposal tencent',
    '#',
    'ikev2 keychain tencent',
    ' peer tencent',
    `  address ${context.cloudAddress} 32`,
    ...(remoteId.type === 'FQDN' ? [`  identity fqdn ${remoteId.value}`] : []),
    `  pre-shared-key plaintext ${context.psk}`,
    '#',
    'ikev2 profile tencent',
    ' authentication-method local pre-share',
    ' authentication-method remote pre-share',
    ' keychain tencent',
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
    'ipsec transform-set tencent',
    ' encapsulation-mode tunnel',
    ' protocol esp',
    ` esp encryption-algorithm ${esp.cipher}`,
    ...(esp.integrity ? [` esp authentication-algorithm ${esp.integrity}`] : []),
    ...(esp.pfs ? [` pfs ${esp.pfs}`] : []),
    '#',
  ];
}

function saLines(context: PeerContext): string[] {
  return [
    ' transform-set tencent',
    context.tunnel.ikeVersion === 'IKEV2' ? ' ikev2-profile tencent' : ' ike-profile tencent',
    ` sa duration time-based ${context.tunnel.esp.lifetimeSeconds}`,
    ` sa duration traffic-based ${context.tunnel.esp.lifetimeKilobytes}`,
  ];
}

function routeBasedLines(context: PeerContext): string[] {
  const { bgp } = context;
  const lines = [
    'ipsec profile tencent isakmp',
    ...saLines(context),
    '#',
    'interface Tunnel1 mode ipsec',
    bgp ? ` ip address ${bgp.peerInside} ${netmaskOf(bgp.prefix)}` : ` ip address unnumbered interface ${WAN}`,
    ` source ${WAN}`,
    ` destination ${context.cloudAddress}`,
    ' tunnel protection ipsec profile tencent',
    '#',
  ];
  if (bgp) {
    return [
      ...lines,
      `bgp ${bgp.peerAsn}`,
      ` peer ${bgp.cloudInside} as-number ${bgp.cloudAsn}`,
      ' address-family ipv4 unicast',
      `  peer ${bgp.cloudInside} enable`,
      '#',
    ];
  }
  const routes = context.cloudBlocks.map((block) => {
    const parts = blockParts(block);
    return `ip route-static ${parts.address} ${parts.prefix} Tunnel1`;
  });
  return [...lines, ...routes, '#'];
}

function policyBasedLines(context: PeerContext): string[] {
  const rules = selectorPairs(context).map(({ local, remote }, index) => {
    const [l, r] = [blockParts(local), blockParts(remote)];
    return ` rule ${index * 5} permit ip source ${l.address} ${l.wildcard} destination ${r.address} ${r.wildcard}`;
  });
  return [
    'acl advanced 3000',
    ...rules,
    '#',
    'ipsec policy tencent 10 isakmp',
    ' security acl 3000',
    ` remote-address ${context.cloudAddress}`,
    ...saLines(context),
    '#',
    `interface ${WAN}`,
    ' ipsec apply policy tencent',
    '#',
  ];
}

/** The Comware configuration text. */
export function h3cConfig(context: PeerContext): string {
  return [
    ...summaryLines(context).map((line) => `# ${line}`),
    '#',
    ...(context.tunnel.ikeVersion === 'IKEV2' ? ikev2Lines(context) : ikev1Lines(context)),
    ...transformSetLines(context),
    ...(context.tunnel.routeBased ? routeBasedLines(context) : policyBasedLines(context)),
    'return',
    '',
  ].join('\n');
}
