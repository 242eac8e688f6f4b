/**
 * Libreswan (ipsec.conf, Libreswan 5): one conn with the IKE and ESP proposals, lifetimes, identities and DPD —
 * for a policy-based file one conn per SPD mapping that includes it (also=), for a route-based one a 0.0.0.0/0
 * conn on an XFRM ipsec-interface — and the PSK line for ipsec.secrets.
 */
import { dpdProbe, selectorPairs } from '../addressing';
import type { PeerContext } from '../context';
import { espKeywords, ikeKeywords } from '../keywords';
import { summaryLines } from '../summary';

function autoValue(context: PeerContext): string {
  return { active: 'add', passive: 'start', flowTrigger: 'ondemand' }[context.tunnel.negotiation];
}

function commonLines(context: PeerContext): string[] {
  const { tunnel } = context;
  const ike = ikeKeywords(context);
  const esp = espKeywords(context);
  const lines = [
    `    keyexchange=${tunnel.ikeVersion === 'IKEV2' ? 'ikev2' : 'ikev1'}`,
    '    authby=secret',
    `    left=${context.peerAddress}`,
    `    leftid=${context.localId.value}`,
    `    right=${context.cloudAddress}`,
    `    rightid=${context.remoteId.value}`,
    // With AES-GCM the second keyword is the PRF (Libreswan uses the integrity algorithm as PRF).
    `    ike=${ike.cipher}-${ike.integrity}-${ike.dh}`,
    `    esp=${[esp.cipher, esp.integrity, esp.pfs].filter(Boolean).join('-')}`,
    `    pfs=${esp.pfs ? 'yes' : 'no'}`,
    `    ikelifetime=${tunnel.ike.lifetimeSeconds}s`,
    `    ipsec-lifetime=${tunnel.esp.lifetimeSeconds}s`,
    `    ipsec-max-bytes=${tunnel.esp.lifetimeKilobytes * 1024}`,
  ];
  if (tunnel.ikeVersion === 'IKEV1')
    lines.push(`    aggressive=${tunnel.exchangeMode === 'AGGRESSIVE' ? 'yes' : 'no'}`);
  if (tunnel.dpd.enabled)
    lines.push(`    dpddelay=${dpdProbe(context).interval}`, `    dpdtimeout=${tunnel.dpd.timeoutSeconds}`);
  return lines;
}

function connLines(context: PeerContext): string[] {
  const { name, tunnel, bgp } = context;
  if (tunnel.routeBased) {
    // Libreswan names the XFRM interface of ipsec-interface=N "ipsecN"; N is the tunnel's slot.
    const device = `ipsec${context.slot}`;
    const routes = bgp
      ? [
          `#   ip address add ${bgp.peerInside}/${bgp.prefix} dev ${device}`,
          '# and run BGP (e.g. FRRouting) with the neighbour named above.',
        ]
      : context.cloudBlocks.map((block) => `#   ip route add ${block} dev ${device}`);
    return [
      `conn ${name}`,
      ...commonLines(context),
      '    leftsubnet=0.0.0.0/0',
      '    rightsubnet=0.0.0.0/0',
      `    ipsec-interface=${context.slot}`,
      `    auto=${autoValue(context)}`,
      '',
      `# Route-based: the tunnel is the XFRM interface ${device}; route into it:`,
      ...routes,
    ];
  }
  const children = selectorPairs(context).flatMap(({ local, remote }, index) => [
    '',
    `conn ${name}-${index + 1}`,
    `    also=${name}`,
    `    leftsubnet=${local}`,
    `    rightsubnet=${remote}`,
    `    auto=${autoValue(context)}`,
  ]);
  return [`conn ${name}`, ...commonLines(context), ...children];
}

/** The ipsec.conf text and the ipsec.secrets line. */
export function libreswanConfig(context: PeerContext): string {
  return [
    ...summaryLines(context, context.tunnel.routeBased ? `ipsec-interface ${context.slot}` : undefined).map(
      (line) => `# ${line}`,
    ),
    ...(context.tunnel.ikeVersion === 'IKEV1'
      ? ['# IKEv1: Libreswan 5 drops IKEv1 unless config setup allows it: ikev1-policy=accept']
      : []),
    `# /etc/ipsec.d/${context.name}.conf`,
    '',
    ...connLines(context),
    '',
    `# /etc/ipsec.d/${context.name}.secrets`,
    `# ${context.localId.value} ${context.remoteId.value} : PSK ${context.psk}`,
    '',
  ].join('\n');
}
