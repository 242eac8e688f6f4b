/**
 * Juniper SRX (Junos set commands): IKE proposal, policy and gateway, IPsec proposal and policy, and a VPN bound
 * to st0.0 — with traffic selectors mirroring the SPD (policy-based) or static routes / BGP over st0.0
 * (route-based).
 */
import { dpdProbe, selectorPairs } from '../addressing';
import { PLACEHOLDERS, type PeerContext, type PeerIdentity } from '../context';
import { espKeywords, ikeKeywords, isAead } from '../keywords';
import { summaryLines } from '../summary';

function identity(identity: PeerIdentity): string {
  return identity.type === 'FQDN' ? `hostname ${identity.value}` : `inet ${identity.value}`;
}

function ikeLines(context: PeerContext): string[] {
  const { tunnel } = context;
  const ike = ikeKeywords(context);
  const proposal = 'set security ike proposal tencent';
  const gateway = 'set security ike gateway tencent';
  const lines = [
    `${proposal} authentication-method pre-shared-keys`,
    `${proposal} dh-group ${ike.dh}`,
    ...(isAead(tunnel.ike.cipher) ? [] : [`${proposal} authentication-algorithm ${ike.integrity}`]),
    `${proposal} encryption-algorithm ${ike.cipher}`,
    `${proposal} lifetime-seconds ${tunnel.ike.lifetimeSeconds}`,
    ...(tunnel.ikeVersion === 'IKEV1'
      ? [`set security ike policy tencent mode ${tunnel.exchangeMode === 'AGGRESSIVE' ? 'aggressive' : 'main'}`]
      : []),
    'set security ike policy tencent proposals tencent',
    `set security ike policy tencent pre-shared-key ascii-text "${context.psk}"`,
    `${gateway} ike-policy tencent`,
    `${gateway} address ${context.cloudAddress}`,
    `${gateway} external-interface ${PLACEHOLDERS.wanInterface}`,
    `${gateway} local-address ${context.peerAddress}`,
    `${gateway} local-identity ${identity(context.localId)}`,
    `${gateway} remote-identity ${identity(context.remoteId)}`,
    `${gateway} version ${tunnel.ikeVersion === 'IKEV2' ? 'v2-only' : 'v1-only'}`,
  ];
  if (tunnel.dpd.enabled) {
    const probe = dpdProbe(context);
    lines.push(`${gateway} dead-peer-detection interval ${probe.interval} threshold ${probe.retries}`);
  }
  return lines;
}

function ipsecLines(context: PeerContext): string[] {
  const { tunnel } = context;
  const esp = espKeywords(context);
  const proposal = 'set security ipsec proposal tencent';
  const vpn = 'set security ipsec vpn tencent';
  const lines = [
    `${proposal} protocol esp`,
    ...(esp.integrity ? [`${proposal} authentication-algorithm ${esp.integrity}`] : []),
    `${proposal} encryption-algorithm ${esp.cipher}`,
    `${proposal} lifetime-seconds ${tunnel.esp.lifetimeSeconds}`,
    `${proposal} lifetime-kilobytes ${tunnel.esp.lifetimeKilobytes}`,
    ...(esp.pfs ? [`set security ipsec policy tencent perfect-forward-secrecy keys ${esp.pfs}`] : []),
    'set security ipsec policy tencent proposals tencent',
    `${vpn} bind-interface st0.0`,
    `${vpn} ike gateway tencent`,
    `${vpn} ike ipsec-policy tencent`,
    `${vpn} establish-tunnels ${tunnel.negotiation === 'passive' ? 'immediately' : 'on-traffic'}`,
  ];
  if (!tunnel.routeBased) {
    selectorPairs(context).forEach(({ local, remote }, index) => {
      lines.push(`${vpn} traffic-selector ts${index + 1} local-ip ${local} remote-ip ${remote}`);
    });
  }
  return lines;
}

function interfaceLines(context: PeerContext): string[] {
  const { bgp, tunnel } = context;
  const lines = [
    bgp
      ? `set interfaces st0 unit 0 family inet address ${bgp.peerInside}/${bgp.prefix}`
      : 'set interfaces st0 unit 0 family inet',
    'set security zones security-zone vpn interfaces st0.0',
  ];
  if (bgp) {
    return [
      ...lines,
      `set routing-options autonomous-system ${bgp.peerAsn}`,
      'set protocols bgp group tencent type external',
      `set protocols bgp group tencent peer-as ${bgp.cloudAsn}`,
      `set protocols bgp group tencent neighbor ${bgp.cloudInside}`,
      'set security zones security-zone vpn host-inbound-traffic protocols bgp',
    ];
  }
  if (tunnel.routeBased) {
    for (const block of context.cloudBlocks) lines.push(`set routing-options static route ${block} next-hop st0.0`);
  }
  return lines;
}

/** The Junos set commands. */
export function juniperSrxConfig(context: PeerContext): string {
  return [
    ...summaryLines(context).map((line) => `# ${line}`),
    ...ikeLines(context),
    ...ipsecLines(context),
    ...interfaceLines(context),
    '# Allow the traffic between the LAN zone and the vpn zone with security policies.',
    '',
  ].join('\n');
}
