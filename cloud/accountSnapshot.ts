/**
 * Fetches the account's resources in one region as a ResourceSnapshot: DescribeVpnGateways,
 * DescribeCustomerGateways, DescribeVpcs and DescribeVpnConnections, paged. Each API object is copied field by
 * field into the snapshot's small types, so nothing else crosses to the language server: in particular the
 * pre-shared keys that DescribeVpnConnections returns in clear are never read.
 */
import type {
  CustomerGatewayInfo,
  ResourceSnapshot,
  VpcInfo,
  VpnConnectionInfo,
  VpnGatewayInfo,
} from '../language/account/snapshot';
import type { VpcClient } from './tcClient';

type ApiObject = Record<string, unknown>;

const PAGE = 100;
/** At most this many items per kind (ten pages); an account with more is shown in part. */
const MAX_PAGES = 10;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const asn = (value: unknown): number | undefined => (Number(value) > 0 ? Number(value) : undefined);

/** Every item of a Describe* action in the client's region. */
async function listAll(client: VpcClient, action: string, setKey: string, signal?: AbortSignal): Promise<ApiObject[]> {
  const items: ApiObject[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await client.request<ApiObject>(action, { Offset: page * PAGE, Limit: PAGE }, { signal });
    const set = Array.isArray(response[setKey]) ? (response[setKey] as ApiObject[]) : [];
    items.push(...set);
    if (set.length < PAGE || items.length >= Number(response.TotalCount ?? 0)) break;
  }
  return items;
}

export function gatewayOf(raw: ApiObject): VpnGatewayInfo {
  return {
    id: text(raw.VpnGatewayId),
    name: text(raw.VpnGatewayName),
    publicIp: text(raw.PublicIpAddress),
    type: text(raw.Type),
    version: text(raw.Version),
    state: text(raw.State),
    vpcId: text(raw.VpcId),
    bgpAsn: asn(raw.BgpAsn),
  };
}

export function customerGatewayOf(raw: ApiObject): CustomerGatewayInfo {
  return {
    id: text(raw.CustomerGatewayId),
    name: text(raw.CustomerGatewayName),
    ipAddress: text(raw.IpAddress),
    bgpAsn: asn(raw.BgpAsn),
  };
}

export function vpcOf(raw: ApiObject): VpcInfo {
  return {
    id: text(raw.VpcId),
    name: text(raw.VpcName),
    cidrBlock: text(raw.CidrBlock),
    isDefault: raw.IsDefault === true,
  };
}

/** A tunnel without its pre-shared key (the field is never read). */
export function connectionOf(raw: ApiObject): VpnConnectionInfo {
  const spd = Array.isArray(raw.SecurityPolicyDatabaseSet) ? (raw.SecurityPolicyDatabaseSet as ApiObject[]) : [];
  return {
    id: text(raw.VpnConnectionId),
    name: text(raw.VpnConnectionName),
    vpnGatewayId: text(raw.VpnGatewayId),
    customerGatewayId: text(raw.CustomerGatewayId),
    vpcId: text(raw.VpcId),
    routeType: text(raw.RouteType) || 'STATIC',
    state: text(raw.State),
    ...(text(raw.NetStatus) ? { netStatus: text(raw.NetStatus) } : {}),
    ...(text(raw.CreatedTime) ? { createdTime: text(raw.CreatedTime) } : {}),
    spd: spd.map((rule) => ({
      local: text(rule.LocalCidrBlock),
      remote: Array.isArray(rule.RemoteCidrBlock) ? rule.RemoteCidrBlock.map(text) : [],
    })),
  };
}

/** The snapshot of the client's region, fetched now (four list actions in parallel). */
export async function fetchResourceSnapshot(
  client: VpcClient,
  signal?: AbortSignal,
  now: () => number = Date.now,
): Promise<ResourceSnapshot> {
  const [gateways, customerGateways, vpcs, connections] = await Promise.all([
    listAll(client, 'DescribeVpnGateways', 'VpnGatewaySet', signal),
    listAll(client, 'DescribeCustomerGateways', 'CustomerGatewaySet', signal),
    listAll(client, 'DescribeVpcs', 'VpcSet', signal),
    listAll(client, 'DescribeVpnConnections', 'VpnConnectionSet', signal),
  ]);
  return {
    region: client.region,
    fetchedAt: now(),
    vpnGateways: gateways.map(gatewayOf),
    customerGateways: customerGateways.map(customerGatewayOf),
    vpcs: vpcs.map(vpcOf),
    connections: connections.map(connectionOf),
  };
}
