/**
 * Cisco IOS / IOS-XE: IKEv2 (proposal, policy, keyring, profile) or IKEv1 (isakmp policy, keyring, isakmp
 * profile), a transform set, then a VTI (route-based: ipsec profile and Tunnel interface, static routes or BGP)
 * or this tunnel's entry of the crypto map on the WAN interface with one ACL line per SPD mapping (policy-based).
 * Objects are named for the tunnel (naming.ts); numbered ones (isakmp policy, Tunnel, crypto map entry) take its
 * slot. An interface takes one crypto map, so the Tencent tunnels of a router share the map CRYPTO_MAP.
 */
import { blockParts, dpdProbe, netmaskOf, selectorPairs } from '../addressing';
import type { PeerContext } from '../context';
import { PLACEHOLDERS } from '../context';
import { espKeywords, ikeKeywords, isAead } from '../keywords';
import { summaryLines } from '../summary';

/** The crypto map on the WAN interface, one entry (the tunnel's slot) per Tencent tunnel. */
const CRYPTO_MAP = 'tencent';

function ikev2Lines(context: PeerContext): string[] {
  const { name, tunnel, localId, remoteId } = context;
  const ike = ikeKeywords(context);
  const aead = isAead(tunnel.ike.cipher);
  const lines = [
    `crypto ikev2 proposal ${name}`,
    ` encryption ${ike.cipher}`,
    aead ? ` prf ${ike.prf}` : ` integrity ${ike.integrity}`,
    ` ${ike.dh}`,
    '!',
    `crypto ikev2 policy ${name}`,
    ` proposal ${name}`,
    '!',
    `crypto ikev2 keyring ${name}`,
    ' peer tencent',
    `  address ${context.cloudAddress}`,
    ...(remoteId.type === 'FQDN' ? [`  identity fqdn ${remoteId.value}`] : []),
    `  pre-shared-key ${context.psk}`,
    '!',
    `crypto ikev2 profile ${name}`,
    remoteId.type === 'FQDN'
      ? ` match identity remote fqdn ${remoteId.value}`
      : ` match identity remote address ${remoteId.value} 255.255.255.255`,
    localId.type === 'FQDN' ? ` identity local fqdn ${localId.value}` : ` identity local address ${localId.value}`,
    ' authentication remote pre-share',
    ' authentication local pre-share',
    ` keyring local ${name}`,
    ` lifetime ${tunnel.ike.lifetimeSeconds}`,
  ];
  if (tunnel.dpd.enabled) lines.push(` dpd ${dpdProbe(context).interval} ${dpdProbe(context).retries} on-demand`);
  return [...lines, '!'];
}

function ikev1Lines(context: PeerContext): string[] {
  const { name, tunnel, localId, remoteId } = context;
  const ike = ikeKeywords(context);
  const lines = [
    `crypto isakmp policy ${context.slot}`,
    ` encryption ${ike.cipher}`,
    ` hash ${ike.integrity}`,
    ' authentication pre-share',
    ` ${ike.dh}`,
    ` lifetime ${tunnel.ike.lifetimeSeconds}`,
    '!',
    `crypto keyring ${name}`,
    remoteId.type === 'FQDN'
      ? ` pre-shared-key hostname ${remoteId.value} key ${context.psk}`
      : ` pre-shared-key address ${context.cloudAddress} key ${context.psk}`,
    '!',
    `crypto isakmp profile ${name}`,
    ` keyring ${name}`,
    // IOS sends its own hostname.domain as its FQDN identity.
    localId.type === 'FQDN' ? ` self-identity fqdn` : ' self-identity address',
    remoteId.type === 'FQDN'
      ? ` match identity host ${remoteId.value}`
      : ` match identity address ${remoteId.value} 255.255.255.255`,
  ];
  if (tunnel.exchangeMode === 'AGGRESSIVE') lines.push(' initiate mode aggressive');
  if (tunnel.dpd.enabled) lines.push(` keepalive ${dpdProbe(context).interval} retry ${dpdProbe(context).retries}`);
  const fqdnNote =
    localId.type === 'FQDN'
      ? [`! self-identity fqdn sends hostname.domain: set them so this router's FQDN is ${localId.value}.`]
      : [];
  return [...lines, '!', ...fqdnNote];
}

function transformSetLines(context: PeerContext): string[] {
  const esp = espKeywords(context);
  return [
    `crypto ipsec transform-set ${context.name} ${[esp.cipher, esp.integrity].filter(Boolean).join(' ')}`,
    ' mode tunnel',
    '!',
  ];
}

function saLines(context: PeerContext): string[] {
  const { name, tunnel } = context;
  const esp = espKeywords(context);
  return [
    ` set transform-set ${name}`,
    tunnel.ikeVersion === 'IKEV2' ? ` set ikev2-profile ${name}` : ` set isakmp-profile ${name}`,
    ` set security-association lifetime seconds ${tunnel.esp.lifetimeSeconds}`,
    ` set security-association lifetime kilobytes ${tunnel.esp.lifetimeKilobytes}`,
    ...(esp.pfs ? [` set pfs ${esp.pfs}`] : []),
  ];
}

function routeBasedLines(context: PeerContext): string[] {
  const { name, bgp } = context;
  const tunnelInterface = `Tunnel${context.slot}`;
  const lines = [
    `crypto ipsec profile ${name}`,
    ...saLines(context),
    '!',
    `interface ${tunnelInterface}`,
    bgp ? ` ip address ${bgp.peerInside} ${netmaskOf(bgp.prefix)}` : ` ip unnumbered ${PLACEHOLDERS.wanInterface}`,
    ` tunnel source ${PLACEHOLDERS.wanInterface}`,
    ' tunnel mode ipsec ipv4',
    ` tunnel destination ${context.cloudAddress}`,
    ` tunnel protection ipsec profile ${name}`,
    '!',
  ];
  if (bgp) {
    lines.push(
      `router bgp ${bgp.peerAsn}`,
      ` neighbor ${bgp.cloudInside} remote-as ${bgp.cloudAsn}`,
      ' address-family ipv4',
      `  neighbor ${bgp.cloudInside} activate`,
      ' exit-address-family',
      '!',
    );
  } else {
    for (const block of context.cloudBlocks) {
      const parts = blockParts(block);
      lines.push(`ip route ${parts.address} ${parts.netmask} ${tunnelInterface}`);
    }
    lines.push('!');
  }
  return lines;
}

function policyBasedLines(context: PeerContext): string[] {
  const { name } = context;
  const acl = selectorPairs(context).map(({ local, remote }) => {
    const [l, r] = [blockParts(local), blockParts(remote)];
    return ` permit ip ${l.address} ${l.wildcard} ${r.address} ${r.wildcard}`;
  });
  return [
    `ip access-list extended ${name}`,
    ...acl,
    '!',
    `crypto map ${CRYPTO_MAP} ${context.slot} ipsec-isakmp`,
    ` set peer ${context.cloudAddress}`,
    ...saLines(context),
    ` match address ${name}`,
    '!',
    `interface ${PLACEHOLDERS.wanInterface}`,
    ` crypto map ${CRYPTO_MAP}`,
    '!',
  ];
}

/** The objects numbered with the tunnel's slot, for the opening comment. */
function numberedObjects(context: PeerContext): string {
  const { slot, tunnel } = context;
  return [
    ...(tunnel.ikeVersion === 'IKEV1' ? [`isakmp policy ${slot}`] : []),
    tunnel.routeBased ? `Tunnel${slot}` : `crypto map ${CRYPTO_MAP} ${slot}`,
  ].join(', ');
}

/** The IOS / IOS-XE configuration text. */
export function ciscoIosConfig(context: PeerContext): string {
  return [
    ...summaryLines(context, numberedObjects(context)).map((line) => `! ${line}`),
    '!',
    ...(context.tunnel.ikeVersion === 'IKEV2' ? ikev2Lines(context) : ikev1Lines(context)),
    ...transformSetLines(context),
    ...(context.tunnel.routeBased ? routeBasedLines(context) : policyBasedLines(context)),
    'end',
    '',
  ].join('\n');
}
