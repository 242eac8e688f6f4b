/**
 * The VpnConnection object as DescribeVpnConnections returns it, built from CreateVpnConnection parameters and
 * updated by ModifyVpnConnectionAttribute. Omitted options get the current zh spec's defaults, the IKE
 * addresses default to the gateways' public IPs, and `IntegrityAlgorithm` (new spelling) is answered as
 * `IntegrityAlgorith`, the spelling the service returns. A Modify that sends an IKE, IPsec or health-check object
 * replaces it: members it leaves out return to their defaults (the service may reset them, which is why clients
 * send the whole object), except the IKE addresses, which keep the tunnel's.
 */
import type { Regional } from './types';

type Params = Record<string, unknown>;

const IKE_DEFAULTS = {
  PropoEncryAlgorithm: '3DES-CBC',
  PropoAuthenAlgorithm: 'SHA',
  ExchangeMode: 'MAIN',
  LocalIdentity: 'ADDRESS',
  RemoteIdentity: 'ADDRESS',
  LocalFqdnName: '',
  RemoteFqdnName: '',
  DhGroupName: 'GROUP1',
  IKESaLifetimeSeconds: 86400,
  IKEVersion: 'IKEV1',
};
const IPSEC_DEFAULTS = {
  EncryptAlgorithm: 'AES-CBC-128',
  IntegrityAlgorith: 'SHA1',
  IPSECSaLifetimeSeconds: 14400,
  IPSECSaLifetimeTraffic: 4096000000,
  PfsDhGroup: 'NULL',
};

/** What a new tunnel needs besides its parameters. */
export interface ConnectionContext {
  id: string;
  region: string;
  state: string;
  createdTime: string;
  gateway: Params;
  customerGateway: Params;
  healthCheckIps: { local: string; remote: string };
}

const object = (value: unknown): Params =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : {};

/** The answered IPsec options: defaults, then the given members, the integrity algorithm under the old name. */
function ipsecOptions(given: Params): Params {
  const { IntegrityAlgorithm, ...rest } = given;
  return {
    ...IPSEC_DEFAULTS,
    ...rest,
    ...(IntegrityAlgorithm !== undefined && rest.IntegrityAlgorith === undefined
      ? { IntegrityAlgorith: IntegrityAlgorithm }
      : {}),
  };
}

/** The route type a request asks for: Bgp when it says so, else its RouteType, else the legacy default STATIC. */
export const routeTypeOf = (params: Params): string =>
  typeof params.RouteType === 'string' ? params.RouteType : 'STATIC';

/** True for the route types that carry SPD rules (the others route by destination or BGP). */
export const carriesSpd = (routeType: string): boolean => routeType === 'STATIC' || routeType === 'Policy';

/** The BgpConfig a tunnel reports: the request's addresses plus both gateways' ASNs, as strings. */
function bgpConfig(params: Params, context: ConnectionContext): Params | undefined {
  if (routeTypeOf(params) !== 'Bgp' && !params.BgpConfig) return undefined;
  return {
    ...object(params.BgpConfig),
    LocalBgpAsn: String(context.gateway.BgpAsn ?? ''),
    RemoteBgpAsn: String(context.customerGateway.BgpAsn ?? ''),
  };
}

/** A complete VpnConnection (plus Region) for a create request that passed every check. */
export function buildConnection(params: Params, context: ConnectionContext): Regional {
  const routeType = routeTypeOf(params);
  const connection: Regional = {
    Region: context.region,
    VpnConnectionId: context.id,
    VpnConnectionName: params.VpnConnectionName,
    VpcId: typeof params.VpcId === 'string' ? params.VpcId : '',
    VpnGatewayId: params.VpnGatewayId,
    CustomerGatewayId: params.CustomerGatewayId,
    PreShareKey: params.PreShareKey,
    VpnProto: 'IPSEC',
    EncryptProto: 'IKE',
    RouteType: routeType,
    CreatedTime: context.createdTime,
    State: context.state,
    NetStatus: 'AVAILABLE',
    SecurityPolicyDatabaseSet:
      carriesSpd(routeType) && Array.isArray(params.SecurityPolicyDatabases) ? params.SecurityPolicyDatabases : [],
    IKEOptionsSpecification: {
      ...IKE_DEFAULTS,
      LocalAddress: context.gateway.PublicIpAddress,
      RemoteAddress: context.customerGateway.IpAddress,
      ...object(params.IKEOptionsSpecification),
    },
    IPSECOptionsSpecification: ipsecOptions(object(params.IPSECOptionsSpecification)),
    EnableHealthCheck: params.EnableHealthCheck === true,
    HealthCheckLocalIp: params.HealthCheckLocalIp ?? context.healthCheckIps.local,
    HealthCheckRemoteIp: params.HealthCheckRemoteIp ?? context.healthCheckIps.remote,
    HealthCheckStatus: 'AVAILABLE',
    DpdEnable: params.DpdEnable ?? 0,
    DpdTimeout: params.DpdTimeout ?? '30',
    DpdAction: params.DpdAction ?? 'restart',
    TagSet: Array.isArray(params.Tags) ? params.Tags : [],
    NegotiationType: params.NegotiationType ?? 'active',
  };
  const bgp = bgpConfig(params, context);
  if (bgp) connection.BgpConfig = bgp;
  if (params.HealthCheckConfig)
    connection.HealthCheckConfig = { ProbeType: 'NQA', ...object(params.HealthCheckConfig) };
  return connection;
}

const MODIFIABLE = [
  'VpnConnectionName',
  'PreShareKey',
  'EnableHealthCheck',
  'HealthCheckLocalIp',
  'HealthCheckRemoteIp',
  'NegotiationType',
  'DpdEnable',
  'DpdTimeout',
  'DpdAction',
  'CustomerGatewayId',
];

/** Applies ModifyVpnConnectionAttribute parameters (already checked) to a tunnel, in place. */
export function modifyConnection(connection: Regional, params: Params): void {
  for (const key of MODIFIABLE) if (params[key] !== undefined) connection[key] = params[key];
  if (params.SecurityPolicyDatabases !== undefined)
    connection.SecurityPolicyDatabaseSet = params.SecurityPolicyDatabases;
  if (params.IKEOptionsSpecification) {
    const { LocalAddress, RemoteAddress } = object(connection.IKEOptionsSpecification);
    connection.IKEOptionsSpecification = {
      ...IKE_DEFAULTS,
      LocalAddress,
      RemoteAddress,
      ...object(params.IKEOptionsSpecification),
    };
  }
  if (params.IPSECOptionsSpecification)
    connection.IPSECOptionsSpecification = ipsecOptions(object(params.IPSECOptionsSpecification));
  if (params.HealthCheckConfig)
    connection.HealthCheckConfig = { ProbeType: 'NQA', ...object(params.HealthCheckConfig) };
  if (params.BgpConfig) connection.BgpConfig = { ...object(connection.BgpConfig), ...object(params.BgpConfig) };
}
