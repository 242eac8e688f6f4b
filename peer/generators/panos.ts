/**
 * Palo Alto Networks PAN-OS set commands: IKE and IPSec crypto profiles, an IKE gateway, a tunnel interface (the
 * tunnel's slot: tunnel.N) and an IPSec tunnel — with one proxy ID per SPD mapping (policy-based peers) or static
 * routes / BGP over the tunnel interface (route-based). Every object is named for the tunnel (naming.ts).
 */
import { dpdProbe, selectorPairs } from '../addressing';
import { PLACEHOLDERS, type PeerContext, type PeerIdentity } from '../context';
import { espKeywords, ikeKeywords } from '../keywords';
import { summaryLines } from '../summary';

const ROUTER = 'set network virtual-router default';

/** The command prefixes of the tunnel's objects, and its tunnel interface. */
function paths(context: PeerContext) {
  const { name } = context;
  return {
    ikeProfile: `set network ike crypto-profiles ike-crypto-profiles ${name}`,
    ipsecProfile: `set network ike crypto-profiles ipsec-crypto-profiles ${name}`,
    gateway: `set network ike gateway ${name}`,
    tunnel: `set network tunnel ipsec ${name}`,
    tunnelInterface: `tunnel.${context.slot}`,
  };
}

/** A traffic lifetime as PAN-OS takes it: one unit (kb, mb, gb, tb) with a value up to 65535, rounded down. */
export function lifesize(kilobytes: number): string {
  let value = kilobytes;
  for (const unit of ['kb', 'mb', 'gb', 'tb']) {
    if (value <= 65535) return `${unit} ${Math.max(1, Math.floor(value))}`;
    value /= 1024;
  }
  return `tb 65535`;
}

/** A key lifetime as PAN-OS takes it: the largest of seconds, minutes, hours, days that holds it exactly, up to 65535. */
export function lifetime(seconds: number): string {
  const units: [string, number][] = [
    ['days', 86400],
    ['hours', 3600],
    ['minutes', 60],
  ];
  for (const [unit, size] of units) {
    if (seconds % size === 0 && seconds / size <= 65535) return `${unit} ${seconds / size}`;
  }
  return `seconds ${seconds}`;
}

function idText(identity: PeerIdentity): string {
  return identity.type === 'FQDN' ? `type fqdn id ${identity.value}` : `type ipaddr id ${identity.value}`;
}

function profileLines(context: PeerContext): string[] {
  const { tunnel } = context;
  const { ikeProfile, ipsecProfile } = paths(context);
  const ike = ikeKeywords(context);
  const esp = espKeywords(context);
  return [
    `${ikeProfile} encryption ${ike.cipher}`,
    `${ikeProfile} hash ${ike.integrity}`,
    `${ikeProfile} dh-group ${ike.dh}`,
    `${ikeProfile} lifetime ${lifetime(tunnel.ike.lifetimeSeconds)}`,
    `${ipsecProfile} esp encryption ${esp.cipher}`,
    `${ipsecProfile} esp authentication ${esp.integrity ?? 'none'}`,
    `${ipsecProfile} dh-group ${esp.pfs ?? 'no-pfs'}`,
    `${ipsecProfile} lifetime ${lifetime(tunnel.esp.lifetimeSeconds)}`,
    `${ipsecProfile} lifesize ${lifesize(tunnel.esp.lifetimeKilobytes)}`,
  ];
}

function gatewayLines(context: PeerContext): string[] {
  const { tunnel, name } = context;
  const { gateway } = paths(context);
  const version = tunnel.ikeVersion === 'IKEV2' ? 'ikev2' : 'ikev1';
  const lines = [
    `${gateway} authentication pre-shared-key key ${context.psk}`,
    `${gateway} protocol version ${version}`,
    `${gateway} protocol ${version} ike-crypto-profile ${name}`,
    ...(version === 'ikev1'
      ? [`${gateway} protocol ikev1 exchange-mode ${tunnel.exchangeMode === 'AGGRESSIVE' ? 'aggressive' : 'main'}`]
      : []),
    `${gateway} local-address interface ${PLACEHOLDERS.wanInterface}`,
    `${gateway} peer-address ip ${context.cloudAddress}`,
    `${gateway} local-id ${idText(context.localId)}`,
    `${gateway} peer-id ${idText(context.remoteId)}`,
  ];
  if (tunnel.dpd.enabled) {
    const probe = dpdProbe(context);
    lines.push(
      version === 'ikev1'
        ? `${gateway} protocol ikev1 dpd enable yes interval ${probe.interval} retry ${probe.retries}`
        : `${gateway} protocol ikev2 dpd enable yes interval ${probe.interval}`,
    );
  }
  return lines;
}

function tunnelLines(context: PeerContext): string[] {
  const { bgp, tunnel, name } = context;
  const { tunnel: ipsecTunnel, tunnelInterface } = paths(context);
  const unit = `set network interface tunnel units ${tunnelInterface}`;
  const lines = [
    bgp ? `${unit} ip ${bgp.peerInside}/${bgp.prefix}` : unit,
    `${ipsecTunnel} tunnel-interface ${tunnelInterface}`,
    `${ipsecTunnel} auto-key ike-gateway ${name}`,
    `${ipsecTunnel} auto-key ipsec-crypto-profile ${name}`,
  ];
  if (!tunnel.routeBased) {
    selectorPairs(context).forEach(({ local, remote }, index) => {
      lines.push(`${ipsecTunnel} auto-key proxy-id ${name}-${index + 1} local ${local} remote ${remote} protocol any`);
    });
  }
  return lines;
}

function routingLines(context: PeerContext): string[] {
  const { bgp, name } = context;
  const { tunnelInterface } = paths(context);
  if (bgp) {
    const bgpPath = `${ROUTER} protocol bgp`;
    const peer = `${bgpPath} peer-group ${name} peer ${name}`;
    return [
      `${ROUTER} interface ${tunnelInterface}`,
      `${bgpPath} enable yes router-id ${bgp.peerInside} local-as ${bgp.peerAsn}`,
      `${peer} peer-as ${bgp.cloudAsn}`,
      `${peer} local-address interface ${tunnelInterface} ip ${bgp.peerInside}/${bgp.prefix}`,
      `${peer} peer-address ip ${bgp.cloudInside}`,
    ];
  }
  return [
    `${ROUTER} interface ${tunnelInterface}`,
    ...context.cloudBlocks.map(
      (block, index) =>
        `${ROUTER} routing-table ip static-route ${name}-${index + 1} interface ${tunnelInterface} destination ${block}`,
    ),
  ];
}

/** The PAN-OS set commands. */
export function panosConfig(context: PeerContext): string {
  return [
    ...summaryLines(context, paths(context).tunnelInterface).map((line) => `# ${line}`),
    `# Enter in configuration mode; put ${paths(context).tunnelInterface} in a security zone and allow the traffic with security policies.`,
    ...profileLines(context),
    ...gatewayLines(context),
    ...tunnelLines(context),
    ...routingLines(context),
    '',
  ].join('\n');
}
