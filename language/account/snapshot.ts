/**
 * The account's resources in one region, as plain data: what the client answers to the
 * `tencentcloudVpn/resources` request and what the account-aware completion, hover and rules read. Only the
 * fields those features show or check are kept; the pre-shared keys that DescribeVpnConnections returns in
 * clear never enter a snapshot, so no secret can cross to the server.
 */

/** The resource lists a snapshot may hold; a request names the ones it needs. */
export type ResourceKind = 'vpnGateways' | 'customerGateways' | 'vpcs' | 'connections';

export const ALL_RESOURCE_KINDS: readonly ResourceKind[] = ['vpnGateways', 'customerGateways', 'vpcs', 'connections'];

/** A VPN gateway (DescribeVpnGateways' VpnGateway). */
export interface VpnGatewayInfo {
  id: string;
  name: string;
  publicIp: string;
  /** IPSEC, SSL, CCN, SSL_CCN … */
  type: string;
  /** "1.0", "2.0", "4.0" … */
  version: string;
  state: string;
  /** The VPC an IPSEC gateway belongs to; empty for CCN gateways. */
  vpcId: string;
  /** 0 or absent when the gateway has no ASN. */
  bgpAsn?: number;
}

/** A customer gateway (DescribeCustomerGateways' CustomerGateway). */
export interface CustomerGatewayInfo {
  id: string;
  name: string;
  ipAddress: string;
  bgpAsn?: number;
}

/** A VPC (DescribeVpcs' Vpc). */
export interface VpcInfo {
  id: string;
  name: string;
  cidrBlock: string;
  isDefault: boolean;
}

/** One SPD rule of an existing tunnel: a local CIDR and its remote CIDRs. */
export interface SpdRule {
  local: string;
  remote: string[];
}

/** An existing tunnel (DescribeVpnConnections' VpnConnection), without its pre-shared key. */
export interface VpnConnectionInfo {
  id: string;
  name: string;
  vpnGatewayId: string;
  customerGatewayId: string;
  /** The tunnel's VPC; empty for a tunnel of a CCN gateway, absent when the snapshot predates the field. */
  vpcId?: string;
  /** STATIC, StaticRoute, Policy or Bgp. */
  routeType: string;
  /** PENDING (being created), AVAILABLE (running), DELETING … */
  state: string;
  /** The IPsec tunnel's link: AVAILABLE (connected) or UNAVAILABLE; absent when the service did not say. */
  netStatus?: string;
  /** When the tunnel was created, as the service writes it ("2026-11-25 18:30:00"); absent when it did not say. */
  createdTime?: string;
  spd: SpdRule[];
}

/** Everything the account has in one region, at the time it was fetched. */
export interface ResourceSnapshot {
  region: string;
  /** Epoch milliseconds at which the client fetched it. */
  fetchedAt: number;
  vpnGateways: VpnGatewayInfo[];
  customerGateways: CustomerGatewayInfo[];
  vpcs: VpcInfo[];
  connections: VpnConnectionInfo[];
}

/**
 * What the language service may ask about the account. Every method answers at once from what is already known
 * (never waiting on the network); a live implementation may start a lookup in the background and tell its owner
 * when a fresh snapshot arrived. Absent from the service options: no account features, nothing changes.
 */
export interface AccountResources {
  /** The region a document without a `Region` key goes to, once known (the client's setting or default). */
  defaultRegion(): string | undefined;
  /** The last snapshot of a region (`undefined`: the user's default region), or undefined when none is known. */
  snapshot(region: string | undefined): ResourceSnapshot | undefined;
  /** A region other than `except` where a resource of this kind has this id, among the regions looked at. */
  locate(kind: ResourceKind, id: string, except: string): string | undefined;
  /** True while a lookup of this region is under way and no snapshot of it is known yet. */
  loading(region: string | undefined): boolean;
}

/** The list of one kind in a snapshot, as `{ id }` items. */
export function itemsOf(snapshot: ResourceSnapshot, kind: ResourceKind): Array<{ id: string }> {
  return snapshot[kind];
}

/** Account resources from fixed snapshots (the CLI after its lookups, and the tests). */
export function staticAccountResources(
  snapshots: readonly ResourceSnapshot[],
  defaultRegion?: string,
): AccountResources {
  const byRegion = new Map(snapshots.map((snapshot) => [snapshot.region, snapshot]));
  return {
    defaultRegion: () => defaultRegion,
    snapshot: (region) => byRegion.get(region ?? defaultRegion ?? ''),
    locate: (kind, id, except) =>
      snapshots.find((snapshot) => snapshot.region !== except && itemsOf(snapshot, kind).some((item) => item.id === id))
        ?.region,
    loading: () => false,
  };
}
