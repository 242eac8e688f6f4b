/**
 * Finds tunnels with DescribeVpnConnections: by id (to follow its State), or by gateway, customer gateway and
 * name (to resolve an empty VpnConnectionId, and to tell whether an ambiguous create did create something).
 * The ids that matched before a create are remembered, so a lookup never adopts an older tunnel of the same name.
 */
import { isNotFound } from './apiError';
import type { RequestOptions, VpcClient } from './tcClient';

/** The fields of a VpnConnection the client reads. */
export interface VpnConnectionSummary {
  VpnConnectionId: string;
  VpnConnectionName?: string;
  State?: string;
  [field: string]: unknown;
}

interface DescribeResponse {
  VpnConnectionSet?: VpnConnectionSummary[];
  TotalCount?: number;
  RequestId?: string;
}

/** What identifies a tunnel before the service gave it an id. */
export interface TunnelKey {
  vpnGatewayId?: string;
  customerGatewayId?: string;
  name: string;
}

/** Just the key of anything that names a tunnel (a submission record, a planned document's fields). */
export function tunnelKeyOf(named: TunnelKey): TunnelKey {
  return { vpnGatewayId: named.vpnGatewayId, customerGatewayId: named.customerGatewayId, name: named.name };
}

const PAGE = 100;
const MAX_PAGES = 10;

/** The DescribeVpnConnections filters for a key (AND between filters). */
export function lookupFilters(key: TunnelKey): { Name: string; Values: string[] }[] {
  const filters = [
    { Name: 'vpn-gateway-id', Values: [key.vpnGatewayId] },
    { Name: 'customer-gateway-id', Values: [key.customerGatewayId] },
    { Name: 'vpn-connection-name', Values: [key.name] },
  ];
  return filters
    .filter((filter) => filter.Values[0])
    .map((filter) => ({ Name: filter.Name, Values: filter.Values as string[] }));
}

/** Every tunnel matching the key (paged, at most 1000). */
export async function findTunnels(
  client: VpcClient,
  key: TunnelKey,
  options: RequestOptions = {},
): Promise<VpnConnectionSummary[]> {
  const found: VpnConnectionSummary[] = [];
  let seen = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = { Filters: lookupFilters(key), Offset: page * PAGE, Limit: PAGE };
    const response = await client.request<DescribeResponse>('DescribeVpnConnections', params, options);
    const set = response.VpnConnectionSet ?? [];
    seen += set.length;
    // The name filter may match by substring on the real service; keep exact matches only.
    found.push(
      ...set.filter(
        (tunnel) => !key.name || tunnel.VpnConnectionName === undefined || tunnel.VpnConnectionName === key.name,
      ),
    );
    if (set.length < PAGE || seen >= (response.TotalCount ?? 0)) break;
  }
  return found;
}

/** The matching tunnel that is not one of `preexisting`, if any (the newest id wins when several). */
export async function findNewTunnel(
  client: VpcClient,
  key: TunnelKey,
  preexisting: readonly string[],
  options: RequestOptions = {},
): Promise<VpnConnectionSummary | undefined> {
  const fresh = (await findTunnels(client, key, options)).filter(
    (tunnel) => !preexisting.includes(tunnel.VpnConnectionId),
  );
  return fresh[fresh.length - 1];
}

/** One tunnel by id, or undefined when the service no longer knows it. */
export async function describeTunnel(
  client: VpcClient,
  id: string,
  options: RequestOptions = {},
): Promise<VpnConnectionSummary | undefined> {
  let response: DescribeResponse;
  try {
    response = await client.request<DescribeResponse>('DescribeVpnConnections', { VpnConnectionIds: [id] }, options);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  return (response.VpnConnectionSet ?? []).find((tunnel) => tunnel.VpnConnectionId === id);
}
