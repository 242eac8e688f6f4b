/**
 * Libreswan (ipsec.conf, Libreswan 5): one conn with the IKE and ESP proposals, lifetimes, identities and DPD —
 * for a policy-based file one conn per SPD mapping that includes it (also=), for a route-based one a 0.0.0.0/0
 * conn on an XFRM ipsec-interface — and the PSK line for ipsec.secrets.
 */
import { dpdProbe, selectorPairs } from '../addressing';
import type { PeerContext, PeerIdentity } from '../context';
import { espKeywords, ikeKeywords } from '../keywords';
import { summaryLines } from '../summary';

/** An identity as Libreswan writes it: an address as it is, a name with "@". */
function idText(identity: PeerIdentity): string {
  return identity.type === 'FQDN' ? `@${identity.value}` : identity.value;
}

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
    `    leftid=${idText(context.localId)}`,
    `    right=${context.cloudAddress}`,
    `    rightid=${idText(context.remoteId)}`,
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
    const routes = bgp
      ? [
          `#   ip address add ${bgp.peerInside}/${bgp.prefix} dev ipsec1`,
          '# and run BGP (e.g. FRRouting) with the neighbour named above.',
        ]
      : context.cloudBlocks.map((block) => `#   ip route add ${block} dev ipsec1`);
    return [
      `conn ${name}`,
      ...commonLines(context),
      '    leftsubnet=0.0.0.0/0',
      '    rightsubnet=0.0.0.0/0',
      '    ipsec-interface=1',
      `    auto=${autoValue(context)}`,
      '',
      '# Route-based: the tunnel is the XFRM interface ipsec1; route into it:',
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
  const secret = context.psk.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return [
    ...summaryLines(context).map((line) => `# ${line}`),
    ...(context.tunnel.ikeVersion === 'IKEV1'
      ? ['# IKEv1: Libreswan 5 drops IKEv1 unless config setup allows it: ikev1-policy=accept']
      : []),
    '# /etc/ipsec.d/tencent.conf',
    '',
    ...connLines(context),
    '',
    '# /etc/ipsec.d/tencent.secrets',
    `# ${idText(context.localId)} ${idText(context.remoteId)} : PSK "${secret}"`,
    '',
  ].join('\n');
}
