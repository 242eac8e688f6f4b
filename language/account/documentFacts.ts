/**
 * What a document says about the account: its region, which gateway, customer gateway and VPC it names, the
 * existing tunnel it names by `VpnConnectionId` (a file that describes that tunnel, not one to create), and which
 * existing tunnels are its own, resolved against the snapshot of that region. Completion, hover and the rules all
 * start here, so they agree on the region, on what "found" means and on which tunnel is whose.
 */
import { isRecord, stringAt, type Params } from '../values/values';
import { TUNNEL_ID_FIELD } from '../schema/modifiable';
import type {
  AccountResources,
  CustomerGatewayInfo,
  ResourceKind,
  ResourceSnapshot,
  VpcInfo,
  VpnConnectionInfo,
  VpnGatewayInfo,
} from './snapshot';

/** Any resource a document names by id. */
export type NamedResource = VpnGatewayInfo | CustomerGatewayInfo | VpcInfo;

/** The kinds a document refers to by these id fields; the tunnel it names (TUNNEL_ID_FIELD) is apart. */
export type IdKind = Exclude<ResourceKind, 'connections'>;

/** The top-level keys whose values are account resource ids, and the list each id belongs to. */
export const ID_FIELDS: Readonly<Record<string, IdKind>> = {
  VpnGatewayId: 'vpnGateways',
  CustomerGatewayId: 'customerGateways',
  VpcId: 'vpcs',
};

/** The resource kind of a path, when the path is one of the id fields. */
export function idKindAt(path: readonly (string | number)[]): IdKind | undefined {
  return path.length === 1 && typeof path[0] === 'string' ? ID_FIELDS[path[0]] : undefined;
}

/** The document's view of the account: its region's snapshot and the resources it names. */
export interface AccountView {
  /** The region the document goes to; undefined only while the default region is unknown. */
  region: string | undefined;
  snapshot: ResourceSnapshot;
  doc: Params;
  gateway?: VpnGatewayInfo;
  customerGateway?: CustomerGatewayInfo;
  vpc?: VpcInfo;
  /** The tunnel the document's `VpnConnectionId` names, when it is in the snapshot. */
  tunnel?: VpnConnectionInfo;
  /** The existing tunnels that are this document's own (see isOwnTunnel); empty until the document is submitted. */
  ownTunnels: VpnConnectionInfo[];
}

/** True for the path of the top-level key by which a file names its existing tunnel. */
export function isTunnelIdPath(path: readonly (string | number)[]): boolean {
  return path.length === 1 && path[0] === TUNNEL_ID_FIELD;
}

/** The document's own non-empty `VpnConnectionId`: the existing tunnel it describes, if it names one. */
export function namedTunnelId(doc: Params): string | undefined {
  return stringAt(doc, TUNNEL_ID_FIELD) || undefined;
}

/** The document's own non-empty `Region`, if any. */
export function documentRegion(value: unknown): string | undefined {
  const region = isRecord(value) ? stringAt(value, 'Region')?.trim() : undefined;
  return region || undefined;
}

/** The view of a document, or undefined when there is no snapshot of its region (no credentials, not yet fetched). */
export function accountViewOf(value: unknown, account: AccountResources | undefined): AccountView | undefined {
  if (!account) return undefined;
  const ownRegion = documentRegion(value);
  const snapshot = account.snapshot(ownRegion);
  if (!snapshot) return undefined;
  const doc = isRecord(value) ? value : {};
  const find = <T extends { id: string }>(list: T[], key: string): T | undefined => {
    const id = stringAt(doc, key);
    return id ? list.find((item) => item.id === id) : undefined;
  };
  return {
    region: ownRegion ?? snapshot.region,
    snapshot,
    doc,
    gateway: find(snapshot.vpnGateways, 'VpnGatewayId'),
    customerGateway: find(snapshot.customerGateways, 'CustomerGatewayId'),
    vpc: find(snapshot.vpcs, 'VpcId'),
    tunnel: find(snapshot.connections, TUNNEL_ID_FIELD),
    ownTunnels: snapshot.connections.filter((tunnel) => isOwnTunnel(doc, tunnel)),
  };
}

/**
 * True when an existing tunnel is the document's own. A document that names its tunnel by a top-level
 * `VpnConnectionId` owns that tunnel alone: another tunnel with the same gateways and name is another tunnel,
 * which its checks must see. A document without one owns the tunnels created from it: those with the same
 * VpnGatewayId, CustomerGatewayId and VpnConnectionName (the name compared exactly). The API takes no idempotency
 * token, so these three fields are what identify a tunnel before its id is known; the submit flow's lookup
 * (cloud/tunnelLookup.ts) finds the tunnel a submit created by the same key. Missing one of the three, none.
 */
export function isOwnTunnel(doc: Params, tunnel: VpnConnectionInfo): boolean {
  const id = namedTunnelId(doc);
  if (id) return tunnel.id === id;
  const [gatewayId, customerGatewayId, name] = ['VpnGatewayId', 'CustomerGatewayId', 'VpnConnectionName'].map((key) =>
    stringAt(doc, key),
  );
  if (!gatewayId || !customerGatewayId || !name) return false;
  return tunnel.vpnGatewayId === gatewayId && tunnel.customerGatewayId === customerGatewayId && tunnel.name === name;
}

/** The resource of a kind with this id in the snapshot. */
export function findResource(snapshot: ResourceSnapshot, kind: IdKind, id: string): NamedResource | undefined {
  return (snapshot[kind] as NamedResource[]).find((item) => item.id === id);
}

/** True for route types that route by BGP. */
export const isBgpRoute = (routeType: string | undefined): boolean => routeType === 'Bgp';

/** The document's route type: its RouteType, else the API's default STATIC. */
export function routeTypeOf(doc: Params): string {
  return stringAt(doc, 'RouteType') ?? 'STATIC';
}

/** True for the route types whose tunnels carry SPD rules (the others route by destination or BGP). */
export const carriesSpd = (routeType: string): boolean => routeType === 'STATIC' || routeType === 'Policy';

/** True for a gateway attached to a CCN instead of a VPC (CCN, SSL_CCN). */
export const isCcnGateway = (gateway: VpnGatewayInfo): boolean => gateway.type.includes('CCN');
