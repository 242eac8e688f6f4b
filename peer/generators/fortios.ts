/**
 * Fortinet FortiOS CLI: a phase1-interface (interface mode, so a route-based tunnel interface of the same name)
 * and one phase2-interface per SPD mapping (policy-based selectors) or one 0.0.0.0/0 phase 2 with static routes
 * or BGP (route-based).
 */
import { blockParts, dpdProbe, selectorPairs } from '../addressing';
import { PLACEHOLDERS, type PeerContext } from '../context';
import { espKeywords, ikeKeywords, isAead } from '../keywords';
import { summaryLines } from '../summary';

/** The phase1-interface name: the tunnel's name, at most 15 characters (it names the tunnel interface too). */
function phase1Name(context: PeerContext): string {
  return context.name;
}

function phase1Lines(context: PeerContext): string[] {
  const { tunnel, localId, remoteId } = context;
  const ike = ikeKeywords(context);
  const proposal = isAead(tunnel.ike.cipher) ? `${ike.cipher}-${ike.prf}` : `${ike.cipher}-${ike.integrity}`;
  const lines = [
    `        set interface "${PLACEHOLDERS.wanInterface}"`,
    `        set ike-version ${tunnel.ikeVersion === 'IKEV2' ? 2 : 1}`,
    ...(tunnel.ikeVersion === 'IKEV1'
      ? [`        set mode ${tunnel.exchangeMode === 'AGGRESSIVE' ? 'aggressive' : 'main'}`]
      : []),
    ...(remoteId.type === 'FQDN'
      ? ['        set peertype one', `        set peerid ${remoteId.value}`]
      : ['        set peertype any']),
    '        set net-device disable',
    `        set proposal ${proposal}`,
    `        set dhgrp ${ike.dh}`,
    `        set remote-gw ${context.cloudAddress}`,
    `        set psksecret ${context.psk}`,
    `        set keylife ${tunnel.ike.lifetimeSeconds}`,
    ...(localId.type === 'FQDN' ? ['        set localid-type fqdn', `        set localid ${localId.value}`] : []),
  ];
  if (tunnel.dpd.enabled) {
    const probe = dpdProbe(context);
    lines.push(
      '        set dpd on-idle',
      `        set dpd-retryinterval ${probe.interval}`,
      `        set dpd-retrycount ${probe.retries}`,
    );
  }
  return ['config vpn ipsec phase1-interface', `    edit "${phase1Name(context)}"`, ...lines, '    next', 'end'];
}

function phase2Entry(context: PeerContext, name: string, local: string, remote: string): string[] {
  const { tunnel } = context;
  const esp = espKeywords(context);
  const [l, r] = [blockParts(local), blockParts(remote)];
  return [
    `    edit "${name}"`,
    `        set phase1name "${phase1Name(context)}"`,
    `        set proposal ${[esp.cipher, esp.integrity].filter(Boolean).join('-')}`,
    ...(esp.pfs ? ['        set pfs enable', `        set dhgrp ${esp.pfs}`] : ['        set pfs disable']),
    '        set keylife-type both',
    `        set keylifeseconds ${tunnel.esp.lifetimeSeconds}`,
    `        set keylifekbs ${tunnel.esp.lifetimeKilobytes}`,
    `        set src-subnet ${l.address} ${l.netmask}`,
    `        set dst-subnet ${r.address} ${r.netmask}`,
    ...(tunnel.negotiation === 'passive' ? ['        set auto-negotiate enable'] : []),
    '    next',
  ];
}

function phase2Lines(context: PeerContext): string[] {
  const base = phase1Name(context);
  const entries = context.tunnel.routeBased
    ? phase2Entry(context, base, '0.0.0.0/0', '0.0.0.0/0')
    : selectorPairs(context).flatMap(({ local, remote }, index) =>
        phase2Entry(context, `${base}-${index + 1}`, local, remote),
      );
  return ['config vpn ipsec phase2-interface', ...entries, 'end'];
}

function routingLines(context: PeerContext): string[] {
  const { bgp } = context;
  const name = phase1Name(context);
  if (bgp) {
    return [
      'config system interface',
      `    edit "${name}"`,
      `        set ip ${bgp.peerInside} 255.255.255.255`,
      `        set remote-ip ${bgp.cloudInside} 255.255.255.252`,
      '    next',
      'end',
      'config router bgp',
      `    set as ${bgp.peerAsn}`,
      '    config neighbor',
      `        edit "${bgp.cloudInside}"`,
      `            set remote-as ${bgp.cloudAsn}`,
      '        next',
      '    end',
      'end',
    ];
  }
  // In interface mode the tunnel is an interface: traffic to the cloud's blocks is routed into it either way.
  const routes = context.cloudBlocks.flatMap((block) => {
    const parts = blockParts(block);
    return [
      '    edit 0',
      `        set dst ${parts.address} ${parts.netmask}`,
      `        set device "${name}"`,
      '    next',
    ];
  });
  return ['config router static', ...routes, 'end'];
}

/** The FortiOS CLI text. */
export function fortiosConfig(context: PeerContext): string {
  return [
    ...summaryLines(context).map((line) => `# ${line}`),
    ...phase1Lines(context),
    ...phase2Lines(context),
    ...routingLines(context),
    `# Allow the traffic between the LAN interface and "${phase1Name(context)}" with firewall policies.`,
    '',
  ].join('\n');
}
