/**
 * How an existing tunnel reads to the user, in Chinese or English: the Markdown card that hover and completion
 * show for a file's `VpnConnectionId` (state, created time, net status, route type, the two gateways and the VPC,
 * with the gateways' names from the same snapshot), and the one-line summary of a completion label.
 */
import type { Lang } from '../types';
import { kindTitle, netStatusText } from './resourceText';
import type { ResourceSnapshot, VpnConnectionInfo } from './snapshot';

const UNKNOWN: Record<Lang, string> = { en: 'unknown', zh: '未知' };
const NONE: Record<Lang, string> = { en: 'none', zh: '无' };

const ROW_NAMES: Record<string, Record<Lang, string>> = {
  state: { en: 'State', zh: '状态' },
  createdTime: { en: 'Created', zh: '创建时间' },
  netStatus: { en: 'Net status', zh: '连接状态' },
  routeType: { en: 'Route type', zh: '路由类型' },
  vpnGatewayId: { en: 'VPN gateway', zh: 'VPN 网关' },
  customerGatewayId: { en: 'Customer gateway', zh: '对端网关' },
  vpcId: { en: 'VPC', zh: '私有网络' },
};

/** An id with the name the snapshot knows it by: "`vpngw-1w9tue3d` (demo-gw-gz)". */
function named(id: string, list: Array<{ id: string; name: string }>): string {
  const name = list.find((item) => item.id === id)?.name;
  return name ? `\`${id}\` (${name})` : `\`${id}\``;
}

/** The rows of a tunnel's card, in order; a field the snapshot lacks reads "unknown". */
function rowsOf(tunnel: VpnConnectionInfo, snapshot: ResourceSnapshot, lang: Lang): Array<[string, string]> {
  const net = tunnel.netStatus ? `${netStatusText(tunnel.netStatus, lang)} (${tunnel.netStatus})` : undefined;
  return [
    ['state', tunnel.state || UNKNOWN[lang]],
    ['createdTime', tunnel.createdTime ?? UNKNOWN[lang]],
    ['netStatus', net ?? UNKNOWN[lang]],
    ['routeType', tunnel.routeType],
    ['vpnGatewayId', named(tunnel.vpnGatewayId, snapshot.vpnGateways)],
    ['customerGatewayId', named(tunnel.customerGatewayId, snapshot.customerGateways)],
    [
      'vpcId',
      tunnel.vpcId === undefined ? UNKNOWN[lang] : tunnel.vpcId ? named(tunnel.vpcId, snapshot.vpcs) : NONE[lang],
    ],
  ];
}

/** A Markdown card: "VPN tunnel **name** `id` (region)", then one line per field. */
export function tunnelCard(tunnel: VpnConnectionInfo, snapshot: ResourceSnapshot, lang: Lang): string {
  const heading = `${kindTitle('connections', lang)} **${tunnel.name || tunnel.id}** \`${tunnel.id}\` (${snapshot.region})`;
  const rows = rowsOf(tunnel, snapshot, lang).map(([row, value]) => `- ${ROW_NAMES[row][lang]}: ${value}`);
  return [heading, '', ...rows].join('\n');
}

/** The one-line summary after a tunnel's id in a completion list: name, state, route type and gateway. */
export function tunnelSummary(tunnel: VpnConnectionInfo): string {
  return [tunnel.name, tunnel.state, tunnel.routeType, tunnel.vpnGatewayId].filter(Boolean).join(' · ');
}
