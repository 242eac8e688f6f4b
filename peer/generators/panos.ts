/**
 * Palo Alto Networks PAN-OS set commands: IKE and IPSec crypto profiles, an IKE gateway, a tunnel interface and
 * an IPSec tunnel — with one proxy ID per SPD mapping (policy-based peers) or static routes / BGP over the tunnel
 * interface (route-based).
 */
import { dpdProbe, selectorPairs } from '../addressing';
import { PLACEHOLDERS, type PeerContext, type PeerIdentity } from '../context';
import { espKeywords, ikeKeywords } from '../keywords';
import { summaryLines } from '../summary';

const IKE_PROFILE = 'set network ike crypto-profiles ike-crypto-profiles tencent';
const IPSEC_PROFILE = 'set network ike crypto-profiles ipsec-crypto-profiles tencent';
const GATEWAY = 'set network ike gateway tencent';
const TUNNEL = 'set network tunnel ipsec tencent';
const ROUTER = 'set network virtual-router default';

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
  const ike = ikeKeywords(context);
  const esp = espKeywords(context);
  return [
    `${IKE_PROFILE} encryption ${ike.cipher}`,
    `${IKE_PROFILE} hash ${ike.integrity}`,
    `${IKE_PROFILE} dh-group ${ike.dh}`,
    `${IKE_PROFILE} lifetime ${lifetime(tunnel.ike.lifetimeSeconds)}`,
    `${IPSEC_PROFILE} esp encryption ${esp.cipher}`,
    `${IPSEC_PROFILE} esp authentication ${esp.integrity ?? 'none'}`,
    `${IPSEC_PROFILE} dh-group ${esp.pfs ?? 'no-pfs'}`,
    `${IPSEC_PROFILE} lifetime ${lifetime(tunnel.esp.lifetimeSeconds)}`,
    `${IPSEC_PROFILE} lifesize ${lifesize(tunnel.esp.lifetimeKilobytes)}`,
  ];
}

function gatewayLines(context: PeerContext): string[] {
  const { tunnel } = context;
  const version = tunnel.ikeVersion === 'IKEV2' ? 'ikev2' : 'ikev1';
  const lines = [
    `${GATEWAY} authentication pre-shared-key key ${context.psk}`,
    `${GATEWAY} protocol version ${version}`,
    `${GATEWAY} protocol ${version} ike-crypto-profile tencent`,
    ...(version === 'ikev1'
      ? [`${GATEWAY} protocol ikev1 exchange-mode ${tunnel.exchangeMode === 'AGGRESSIVE' ? 'aggressive' : 'main'}`]
      : []),
    `${GATEWAY} local-address interface ${PLACEHOLDERS.wanInterface}`,
    `${GATEWAY} peer-address ip ${context.cloudAddress}`,
    `${GATEWAY} local-id ${idText(context.localId)}`,
    `${GATEWAY} peer-id ${idText(context.remoteId)}`,
  ];
  if (tunnel.dpd.enabled) {
    const probe = dpdProbe(context);
    lines.push(
      version === 'ikev1'
        ? `${GATEWAY} protocol ikev1 dpd enable yes interval ${probe.interval} retry ${probe.retries}`
        : `${GATEWAY} protocol ikev2 dpd enable yes interval ${probe.interval}`,
    );
  }
  return lines;
}

function tunnelLines(context: PeerContext): string[] {
  const { bgp, tunnel } = context;
  const lines = [
    bgp
      ? `set network interface tunnel units tunnel.1 ip ${bgp.peerInside}/${bgp.prefix}`
      : 'set network interface tunnel units tunnel.1',
    `${TUNNEL} tunnel-interface tunnel.1`,
    `${TUNNEL} auto-key ike-gateway tencent`,
    `${TUNNEL} auto-key ipsec-crypto-profile tencent`,
  ];
  if (!tunnel.routeBased) {
    selectorPairs(context).forEach(({ local, remote }, index) => {
      lines.push(`${TUNNEL} auto-key proxy-id tencent-${index + 1} local ${local} remote ${remote} protocol any`);
    });
  }
  return lines;
}

function routingLines(context: PeerContext): string[] {
  const { bgp } = context;
  if (bgp) {
    const bgpPath = `${ROUTER} protocol bgp`;
    const peer = `${bgpPath} peer-group tencent peer tencent`;
    return [
      `${ROUTER} interface tunnel.1`,
      `${bgpPath} enable yes router-id ${bgp.peerInside} local-as ${bgp.peerAsn}`,
      `${peer} peer-as ${bgp.cloudAsn}`,
      `${peer} local-address interface tunnel.1 ip ${bgp.peerInside}/${bgp.prefix}`,
      `${peer} peer-address ip ${bgp.cloudInside}`,
    ];
  }
  return [
    `${ROUTER} interface tunnel.1`,
    ...context.cloudBlocks.map(
      (block, index) =>
        `${ROUTER} routing-table ip static-route tencent-${index + 1} interface tunnel.1 destination ${block}`,
    ),
  ];
}

/** The PAN-OS set commands. */
export function panosConfig(context: PeerContext): string {
  return [
    ...summaryLines(context).map((line) => `# ${line}`),
    '# Enter in configuration mode; put tunnel.1 in a security zone and allow the traffic with security policies.',
    ...profileLines(context),
    ...gatewayLines(context),
    ...tunnelLines(context),
    ...routingLines(context),
    '',
  ].join('\n');
}
