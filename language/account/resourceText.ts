/**
 * How an account resource reads to the user: a one-line summary for completion labels, a short Markdown card for
 * hovers and completion documentation, and a tunnel's status for messages, in Chinese or English.
 */
import type { Lang } from '../types';
import type { IdKind, NamedResource as Resource } from './documentFacts';
import type { CustomerGatewayInfo, ResourceKind, VpcInfo, VpnConnectionInfo, VpnGatewayInfo } from './snapshot';

const NONE: Record<Lang, string> = { en: 'none', zh: '无' };

const TITLES: Record<ResourceKind, Record<Lang, string>> = {
  vpnGateways: { en: 'VPN gateway', zh: 'VPN 网关' },
  customerGateways: { en: 'Customer gateway', zh: '对端网关' },
  vpcs: { en: 'VPC', zh: '私有网络' },
  connections: { en: 'VPN tunnel', zh: 'VPN 通道' },
};

const FIELD_NAMES: Record<string, Record<Lang, string>> = {
  publicIp: { en: 'Public IP', zh: '公网 IP' },
  ipAddress: { en: 'IP address', zh: 'IP 地址' },
  type: { en: 'Type', zh: '类型' },
  version: { en: 'Version', zh: '版本' },
  state: { en: 'State', zh: '状态' },
  bgpAsn: { en: 'BGP ASN', zh: 'BGP ASN' },
  vpcId: { en: 'VPC', zh: '私有网络' },
  cidrBlock: { en: 'CIDR', zh: '网段' },
  isDefault: { en: 'Default VPC', zh: '默认私有网络' },
};

/** An ASN as shown: the number, or "none" when the resource has none. */
export function asnText(asn: number | undefined, lang: Lang): string {
  return asn ? String(asn) : NONE[lang];
}

/** DescribeVpnConnections' NetStatus values as the user reads them; any other value is shown as it is. */
const NET_STATUS: Record<string, Record<Lang, string>> = {
  AVAILABLE: { en: 'connected', zh: '已连接' },
  UNAVAILABLE: { en: 'not connected', zh: '未连接' },
};

/** A tunnel's NetStatus as the user reads it ("connected"), or the value as it is when it is another. */
export function netStatusText(netStatus: string, lang: Lang): string {
  return NET_STATUS[netStatus]?.[lang] ?? netStatus;
}

/** A tunnel as messages show it: the snapshot's fields, plus its NetStatus when the snapshot carries one. */
export type TunnelStatus = Pick<VpnConnectionInfo, 'id' | 'state'> & { netStatus?: string };

/** A tunnel's id and status: "vpnx-abc123 (AVAILABLE, connected)", or only what is known of the two. */
export function tunnelStatusText(tunnel: TunnelStatus, lang: Lang): string {
  const net = tunnel.netStatus ? netStatusText(tunnel.netStatus, lang) : undefined;
  const parts = [tunnel.state, net].filter((part): part is string => !!part);
  if (parts.length === 0) return tunnel.id;
  return lang === 'zh' ? `${tunnel.id}（${parts.join('，')}）` : `${tunnel.id} (${parts.join(', ')})`;
}

/** The one-line summary after the id in a completion list: name, public IP, type and state. */
export function summaryOf(kind: IdKind, resource: Resource, lang: Lang): string {
  if (kind === 'vpnGateways') {
    const gateway = resource as VpnGatewayInfo;
    return [gateway.name, gateway.publicIp, gateway.type, gateway.state].filter(Boolean).join(' · ');
  }
  if (kind === 'customerGateways') {
    const customer = resource as CustomerGatewayInfo;
    return [customer.name, customer.ipAddress, `ASN ${asnText(customer.bgpAsn, lang)}`].filter(Boolean).join(' · ');
  }
  const vpc = resource as VpcInfo;
  return [vpc.name, vpc.cidrBlock, vpc.isDefault ? (lang === 'zh' ? '默认' : 'default') : '']
    .filter(Boolean)
    .join(' · ');
}

/** The fields a card lists for each kind, in order. */
function fieldsOf(kind: IdKind, resource: Resource, lang: Lang): Array<[string, string]> {
  if (kind === 'vpnGateways') {
    const gateway = resource as VpnGatewayInfo;
    const rows: Array<[string, string]> = [
      ['publicIp', gateway.publicIp],
      ['type', gateway.type],
      ['version', gateway.version],
      ['state', gateway.state],
      ['bgpAsn', asnText(gateway.bgpAsn, lang)],
    ];
    return gateway.vpcId ? [...rows, ['vpcId', gateway.vpcId]] : rows;
  }
  if (kind === 'customerGateways') {
    const customer = resource as CustomerGatewayInfo;
    return [
      ['ipAddress', customer.ipAddress],
      ['bgpAsn', asnText(customer.bgpAsn, lang)],
    ];
  }
  const vpc = resource as VpcInfo;
  return [
    ['cidrBlock', vpc.cidrBlock],
    ['isDefault', vpc.isDefault ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no'],
  ];
}

/** A Markdown card: "VPN gateway **name** `id` (region)", then one line per field. */
export function resourceCard(kind: IdKind, resource: Resource, region: string, lang: Lang): string {
  const heading = `${TITLES[kind][lang]} **${resource.name || resource.id}** \`${resource.id}\` (${region})`;
  const rows = fieldsOf(kind, resource, lang).map(
    ([field, value]) => `- ${FIELD_NAMES[field][lang]}: ${value || NONE[lang]}`,
  );
  return [heading, '', ...rows].join('\n');
}

/** The kind's name for messages ("VPN gateway", "对端网关"). */
export function kindTitle(kind: ResourceKind, lang: Lang): string {
  return TITLES[kind][lang];
}
