/**
 * Juniper SRX (Junos set commands): IKE proposal, policy and gateway, IPsec proposal and policy, and a VPN bound
 * to the tunnel's own st0 unit (its slot) — with traffic selectors mirroring the SPD (policy-based) or static
 * routes / BGP over that unit (route-based). Every object is named for the tunnel (naming.ts); the vpn zone is
 * shared by the Tencent tunnels of the device.
 */
import { dpdProbe, selectorPairs } from '../addressing';
import { PLACEHOLDERS, type PeerContext, type PeerIdentity } from '../context';
import { espKeywords, ikeKeywords, isAead } from '../keywords';
import { summaryLines } from '../summary';

function identity(identity: PeerIdentity): string {
  return identity.type === 'FQDN' ? `hostname ${identity.value}` : `inet ${identity.value}`;
}

/** The st0 unit the tunnel's VPN is bound to. */
function st0(context: PeerContext): string {
  return `st0.${context.slot}`;
}

function ikeLines(context: PeerContext): string[] {
  const { name, tunnel } = context;
  const ike = ikeKeywords(context);
  const proposal = `set security ike proposal ${name}`;
  const policy = `set security ike policy ${name}`;
  const gateway = `set security ike gateway ${name}`;
  const lines = [
    `${proposal} authentication-method pre-shared-keys`,
    `${proposal} dh-group ${ike.dh}`,
    ...(isAead(tunnel.ike.cipher) ? [] : [`${proposal} authentication-algorithm ${ike.integrity}`]),
    `${proposal} encryption-algorithm ${ike.cipher}`,
    `${proposal} lifetime-seconds ${tunnel.ike.lifetimeSeconds}`,
    ...(tunnel.ikeVersion === 'IKEV1'
      ? [`${policy} mode ${tunnel.exchangeMode === 'AGGRESSIVE' ? 'aggressive' : 'main'}`]
      : []),
    `${policy} proposals ${name}`,
    `${policy} pre-shared-key ${context.psk}`,
    `${gateway} ike-policy ${name}`,
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
  const { name, tunnel } = context;
  const esp = espKeywords(context);
  const proposal = `set security ipsec proposal ${name}`;
  const policy = `set security ipsec policy ${name}`;
  const vpn = `set security ipsec vpn ${name}`;
  const lines = [
    `${proposal} protocol esp`,
    ...(esp.integrity ? [`${proposal} authentication-algorithm ${esp.integrity}`] : []),
    `${proposal} encryption-algorithm ${esp.cipher}`,
    `${proposal} lifetime-seconds ${tunnel.esp.lifetimeSeconds}`,
    `${proposal} lifetime-kilobytes ${tunnel.esp.lifetimeKilobytes}`,
    ...(esp.pfs ? [`${policy} perfect-forward-secrecy keys ${esp.pfs}`] : []),
    `${policy} proposals ${name}`,
    `${vpn} bind-interface ${st0(context)}`,
    `${vpn} ike gateway ${name}`,
    `${vpn} ike ipsec-policy ${name}`,
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
  const { bgp, tunnel, name, slot } = context;
  const unit = `set interfaces st0 unit ${slot} family inet`;
  const lines = [
    bgp ? `${unit} address ${bgp.peerInside}/${bgp.prefix}` : unit,
    `set security zones security-zone vpn interfaces ${st0(context)}`,
  ];
  if (bgp) {
    const group = `set protocols bgp group ${name}`;
    return [
      ...lines,
      `set routing-options autonomous-system ${bgp.peerAsn}`,
      `${group} type external`,
      `${group} peer-as ${bgp.cloudAsn}`,
      `${group} neighbor ${bgp.cloudInside}`,
      'set security zones security-zone vpn host-inbound-traffic protocols bgp',
    ];
  }
  if (tunnel.routeBased) {
    for (const block of context.cloudBlocks) {
      lines.push(`set routing-options static route ${block} next-hop ${st0(context)}`);
    }
  }
  return lines;
}

/** The Junos set commands. */
export function juniperSrxConfig(context: PeerContext): string {
  return [
    ...summaryLines(context, st0(context)).map((line) => `# ${line}`),
    ...ikeLines(context),
    ...ipsecLines(context),
    ...interfaceLines(context),
    '# Allow the traffic between the LAN zone and the vpn zone with security policies.',
    '',
  ].join('\n');
}
