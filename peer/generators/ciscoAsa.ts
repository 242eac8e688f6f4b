/**
 * Cisco ASA: an IKEv2 or IKEv1 policy enabled on the outside interface, an IPsec proposal or transform set, the
 * tunnel group with the PSK, then a VTI (route-based, ASA 9.8+: ipsec profile, Tunnel interface, routes or BGP)
 * or this tunnel's entry of the crypto map with one access-list line per SPD mapping (policy-based). Objects are
 * named for the tunnel (naming.ts); numbered ones (IKE policy, Tunnel, crypto map entry) take its slot. An
 * interface takes one crypto map, so the Tencent tunnels of an ASA share the map CRYPTO_MAP.
 */
import { blockParts, dpdProbe, netmaskOf, selectorPairs } from '../addressing';
import { PLACEHOLDERS, type PeerContext } from '../context';
import { espKeywords, ikeKeywords, isAead } from '../keywords';
import { summaryLines } from '../summary';

const WAN = PLACEHOLDERS.wanInterface;

/** The crypto map on the outside interface, one entry (the tunnel's slot) per Tencent tunnel. */
const CRYPTO_MAP = 'tencent';

function ikeLines(context: PeerContext): string[] {
  const { tunnel } = context;
  const ike = ikeKeywords(context);
  if (tunnel.ikeVersion === 'IKEV1') {
    return [
      `crypto ikev1 policy ${context.slot}`,
      ' authentication pre-share',
      ` encryption ${ike.cipher}`,
      ` hash ${ike.integrity}`,
      ` group ${ike.dh}`,
      ` lifetime ${tunnel.ike.lifetimeSeconds}`,
      `crypto ikev1 enable ${WAN}`,
      '!',
    ];
  }
  return [
    `crypto ikev2 policy ${context.slot}`,
    ` encryption ${ike.cipher}`,
    // With AES-GCM the integrity is part of the cipher: "integrity null", and the PRF is named.
    ` integrity ${isAead(tunnel.ike.cipher) ? 'null' : ike.integrity}`,
    ` group ${ike.dh}`,
    ` prf ${ike.prf}`,
    ` lifetime seconds ${tunnel.ike.lifetimeSeconds}`,
    `crypto ikev2 enable ${WAN}`,
    '!',
  ];
}

function proposalLines(context: PeerContext): string[] {
  const esp = espKeywords(context);
  if (context.tunnel.ikeVersion === 'IKEV1') {
    const transforms = [esp.cipher, esp.integrity ?? 'esp-none'].join(' ');
    return [`crypto ipsec ikev1 transform-set ${context.name} ${transforms}`, '!'];
  }
  return [
    `crypto ipsec ikev2 ipsec-proposal ${context.name}`,
    ` protocol esp encryption ${esp.cipher}`,
    ` protocol esp integrity ${esp.integrity ?? 'null'}`,
    '!',
  ];
}

function tunnelGroupLines(context: PeerContext): string[] {
  const { tunnel, cloudAddress, psk } = context;
  const lines = [`tunnel-group ${cloudAddress} type ipsec-l2l`, `tunnel-group ${cloudAddress} ipsec-attributes`];
  if (tunnel.ikeVersion === 'IKEV1') lines.push(` ikev1 pre-shared-key ${psk}`);
  else
    lines.push(
      ` ikev2 remote-authentication pre-shared-key ${psk}`,
      ` ikev2 local-authentication pre-shared-key ${psk}`,
    );
  if (context.remoteId.type === 'FQDN') lines.push(' peer-id-validate nocheck');
  if (tunnel.dpd.enabled)
    lines.push(` isakmp keepalive threshold ${dpdProbe(context).interval} retry ${dpdProbe(context).retries}`);
  // The ASA's own identity is chosen globally: its address, or its hostname (FQDN).
  if (context.localId.type === 'FQDN') lines.push(`crypto isakmp identity hostname`);
  return [...lines, '!'];
}

/** The SA settings, as "set …" lines for an ipsec profile or a crypto map entry. */
function saSettings(context: PeerContext): string[] {
  const { tunnel, name } = context;
  const esp = espKeywords(context);
  return [
    tunnel.ikeVersion === 'IKEV1' ? `set ikev1 transform-set ${name}` : `set ikev2 ipsec-proposal ${name}`,
    ...(esp.pfs ? [`set pfs ${esp.pfs}`] : []),
    `set security-association lifetime seconds ${tunnel.esp.lifetimeSeconds}`,
    `set security-association lifetime kilobytes ${tunnel.esp.lifetimeKilobytes}`,
  ];
}

function routeBasedLines(context: PeerContext): string[] {
  const { name, bgp } = context;
  const lines = [
    `crypto ipsec profile ${name}`,
    ...saSettings(context).map((line) => ` ${line}`),
    '!',
    `interface Tunnel${context.slot}`,
    ` nameif ${name}`,
    bgp ? ` ip address ${bgp.peerInside} ${netmaskOf(bgp.prefix)}` : ' ip address <TUNNEL_INSIDE_IP> 255.255.255.252',
    ` tunnel source interface ${WAN}`,
    ` tunnel destination ${context.cloudAddress}`,
    ' tunnel mode ipsec ipv4',
    ` tunnel protection ipsec profile ${name}`,
    '!',
  ];
  if (bgp) {
    return [
      ...lines,
      `router bgp ${bgp.peerAsn}`,
      ' address-family ipv4 unicast',
      `  neighbor ${bgp.cloudInside} remote-as ${bgp.cloudAsn}`,
      `  neighbor ${bgp.cloudInside} activate`,
      ' exit-address-family',
      '!',
    ];
  }
  const routes = context.cloudBlocks.map((block) => {
    const parts = blockParts(block);
    return `route ${name} ${parts.address} ${parts.netmask} <TUNNEL_NEXT_HOP_IP>`;
  });
  return [...lines, ...routes, '!'];
}

function policyBasedLines(context: PeerContext): string[] {
  const { name, tunnel } = context;
  const acl = selectorPairs(context).map(({ local, remote }) => {
    const [l, r] = [blockParts(local), blockParts(remote)];
    return `access-list ${name} extended permit ip ${l.address} ${l.netmask} ${r.address} ${r.netmask}`;
  });
  const entry = [
    `match address ${name}`,
    `set peer ${context.cloudAddress}`,
    ...saSettings(context),
    ...(tunnel.ikeVersion === 'IKEV1' && tunnel.exchangeMode === 'AGGRESSIVE'
      ? ['set ikev1 phase1-mode aggressive']
      : []),
  ];
  return [
    ...acl,
    '!',
    ...entry.map((line) => `crypto map ${CRYPTO_MAP} ${context.slot} ${line}`),
    `crypto map ${CRYPTO_MAP} interface ${WAN}`,
    '!',
  ];
}

/** The objects numbered with the tunnel's slot, for the opening comment. */
function numberedObjects(context: PeerContext): string {
  const { slot, tunnel } = context;
  const policy = `${tunnel.ikeVersion === 'IKEV1' ? 'ikev1' : 'ikev2'} policy ${slot}`;
  return [policy, tunnel.routeBased ? `Tunnel${slot}` : `crypto map ${CRYPTO_MAP} ${slot}`].join(', ');
}

/** The ASA configuration text. */
export function ciscoAsaConfig(context: PeerContext): string {
  return [
    ...summaryLines(context, numberedObjects(context)).map((line) => `! ${line}`),
    '!',
    ...ikeLines(context),
    ...proposalLines(context),
    ...tunnelGroupLines(context),
    ...(context.tunnel.routeBased ? routeBasedLines(context) : policyBasedLines(context)),
    '',
  ].join('\n');
}
