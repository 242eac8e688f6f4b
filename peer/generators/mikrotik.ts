/**
 * MikroTik RouterOS 7: /ip ipsec profile (phase 1), peer, proposal (phase 2), identity (the PSK and the IDs) and
 * one policy per SPD mapping, each named for the tunnel (naming.ts). RouterOS has no tunnel interface for IPsec: a
 * route-based file gets a 0.0.0.0/0 policy, and BGP runs over the inside address on a loopback bridge.
 */
import { dpdProbe, routerOsTime, selectorPairs } from '../addressing';
import type { PeerContext, PeerIdentity } from '../context';
import { espKeywords, ikeKeywords } from '../keywords';
import { summaryLines } from '../summary';

/** An identity as RouterOS writes it: address:…, or the name as vendorSyntax.ts wrote it (fqdn:…, quoted if need be). */
function idText(identity: PeerIdentity): string {
  return identity.type === 'FQDN' ? identity.value : `address:${identity.value}`;
}

function phase1Lines(context: PeerContext): string[] {
  const { name, tunnel } = context;
  const ike = ikeKeywords(context);
  const dpd = tunnel.dpd.enabled
    ? ` dpd-interval=${dpdProbe(context).interval}s dpd-maximum-failures=${dpdProbe(context).retries}`
    : ' dpd-interval=disable-dpd';
  const mode = tunnel.ikeVersion === 'IKEV2' ? 'ike2' : tunnel.exchangeMode === 'AGGRESSIVE' ? 'aggressive' : 'main';
  return [
    '/ip ipsec profile',
    `add name=${name} hash-algorithm=${ike.integrity} enc-algorithm=${ike.cipher} dh-group=${ike.dh} lifetime=${routerOsTime(tunnel.ike.lifetimeSeconds)}${dpd}`,
    '/ip ipsec peer',
    `add name=${name} address=${context.cloudAddress}/32 local-address=${context.peerAddress} profile=${name} exchange-mode=${mode}`,
    '/ip ipsec identity',
    `add peer=${name} auth-method=pre-shared-key secret=${context.psk} my-id=${idText(context.localId)} remote-id=${idText(context.remoteId)} match-by=remote-id`,
  ];
}

function phase2Lines(context: PeerContext): string[] {
  const { name, tunnel } = context;
  const esp = espKeywords(context);
  const auth = esp.integrity ? ` auth-algorithms=${esp.integrity}` : '';
  const pairs = tunnel.routeBased ? [{ local: '0.0.0.0/0', remote: '0.0.0.0/0' }] : selectorPairs(context);
  return [
    '/ip ipsec proposal',
    `add name=${name}${auth} enc-algorithms=${esp.cipher} pfs-group=${esp.pfs ?? 'none'} lifetime=${routerOsTime(tunnel.esp.lifetimeSeconds)}`,
    '/ip ipsec policy',
    ...pairs.map(
      ({ local, remote }) => `add peer=${name} tunnel=yes src-address=${local} dst-address=${remote} proposal=${name}`,
    ),
  ];
}

function bgpLines(context: PeerContext): string[] {
  const { bgp, name } = context;
  if (!bgp) return [];
  return [
    '/interface bridge',
    `add name=${name}-bgp`,
    '/ip address',
    `add address=${bgp.peerInside}/${bgp.prefix} interface=${name}-bgp`,
    '/routing bgp connection',
    `add name=${name} as=${bgp.peerAsn} local.address=${bgp.peerInside} local.role=ebgp remote.address=${bgp.cloudInside} remote.as=${bgp.cloudAsn}`,
  ];
}

/** The RouterOS script text. */
export function mikrotikConfig(context: PeerContext): string {
  const notes = [
    `# RouterOS sets no traffic lifetime on a proposal: Tencent Cloud's ${context.tunnel.esp.lifetimeKilobytes} KB applies on its side only.`,
    ...(context.tunnel.routeBased
      ? [
          '# Route-based file: the 0.0.0.0/0 policy sends all traffic from this router into the tunnel; narrow it to the VPC blocks if the router also reaches the internet.',
        ]
      : []),
  ];
  return [
    ...summaryLines(context).map((line) => `# ${line}`),
    ...notes,
    ...phase1Lines(context),
    ...phase2Lines(context),
    ...bgpLines(context),
    '',
  ].join('\n');
}
