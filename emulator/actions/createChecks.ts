/**
 * The account-dependent checks of CreateVpnConnection, which the offline rules cannot make: the referenced
 * resources exist in the request's region, VpcId fits the gateway's type, GCM needs a 4.0 gateway, BGP needs two
 * different ASNs, one gateway does not mix BGP and non-BGP tunnels, and nothing overlaps the gateway's tunnels.
 */
import { ApiError } from '../apiErrors';
import { overlaps, spdConflict, spdPairs } from '../addressPool';
import { carriesSpd, routeTypeOf } from '../connectionModel';
import type { EmulatorStore } from '../store';
import type { Regional } from '../types';
import type { Params } from './context';

const GCM = /GCM/;

/** The gateway, customer gateway and tunnels a create refers to, once they are known to exist. */
export interface CreateTargets {
  gateway: Regional;
  customerGateway: Regional;
  tunnels: Regional[];
}

/** Finds the gateway and customer gateway in the region and checks the gateway can take a tunnel. */
export function findTargets(store: EmulatorStore, region: string, params: Params): CreateTargets {
  const gateway = store.gateway(region, params.VpnGatewayId);
  if (!gateway)
    throw new ApiError('ResourceNotFound', `VpnGatewayId ${params.VpnGatewayId} does not exist in ${region}`);
  if (gateway.State !== 'AVAILABLE')
    throw new ApiError('UnsupportedOperation.InvalidState', `the VPN gateway is ${gateway.State}`);
  if (gateway.Type === 'SSL') throw new ApiError('UnsupportedOperation', 'an SSL VPN gateway has no IPsec tunnels');
  const customerGateway = store.customerGateway(region, params.CustomerGatewayId);
  if (!customerGateway)
    throw new ApiError('ResourceNotFound', `CustomerGatewayId ${params.CustomerGatewayId} does not exist in ${region}`);
  return { gateway, customerGateway, tunnels: store.tunnelsOn(gateway.VpnGatewayId) };
}

/** IPSEC (VPC) gateways need their VPC's id; CCN gateways take none. */
export function checkVpc(store: EmulatorStore, region: string, params: Params, gateway: Regional): void {
  const vpcId = typeof params.VpcId === 'string' ? params.VpcId : '';
  if (String(gateway.Type).includes('CCN')) {
    if (vpcId) throw new ApiError('InvalidParameterValue', `a CCN VPN gateway takes no VpcId (got ${vpcId})`);
    return;
  }
  if (!vpcId) throw new ApiError('MissingParameter', 'VpcId is required for a VPC (IPSEC) VPN gateway');
  if (!store.vpc(region, vpcId)) throw new ApiError('ResourceNotFound', `VpcId ${vpcId} does not exist in ${region}`);
  if (vpcId !== gateway.VpcId)
    throw new ApiError(
      'InvalidParameterValue',
      `VpcId ${vpcId} is not the VPC of gateway ${gateway.VpnGatewayId} (${gateway.VpcId})`,
    );
}

/** GCM ciphers exist only on version-4.0 gateways. */
export function checkGatewayVersion(params: Params, gateway: Regional): void {
  if (Number.parseFloat(String(gateway.Version)) >= 4) return;
  const ike = (params.IKEOptionsSpecification ?? {}) as Params;
  const ipsec = (params.IPSECOptionsSpecification ?? {}) as Params;
  for (const cipher of [ike.PropoEncryAlgorithm, ipsec.EncryptAlgorithm]) {
    if (typeof cipher === 'string' && GCM.test(cipher))
      throw new ApiError(
        'InvalidParameterValue',
        `${cipher} needs a version 4.0 VPN gateway (this one is ${gateway.Version})`,
      );
  }
}

const isBgp = (tunnel: Params): boolean => routeTypeOf(tunnel) === 'Bgp';

/** BGP needs an ASN on both gateways, and different ones; one gateway's tunnels are all BGP or none is. */
export function checkRouting(params: Params, { gateway, customerGateway, tunnels }: CreateTargets): void {
  const bgp = isBgp(params);
  if (bgp) {
    if (!Number(gateway.BgpAsn) || !Number(customerGateway.BgpAsn)) {
      throw new ApiError(
        'UnsupportedOperation.VpnUnsupportedNotExistBgpAsn',
        `BGP needs an ASN on both the VPN gateway (${gateway.BgpAsn || 'none'}) and the customer gateway (${customerGateway.BgpAsn || 'none'})`,
      );
    }
    if (Number(gateway.BgpAsn) === Number(customerGateway.BgpAsn))
      throw new ApiError('UnsupportedOperation.VpnUnsupportedBgpAsnEqual', `both gateways have ASN ${gateway.BgpAsn}`);
  }
  const other = tunnels.find((tunnel) => isBgp(tunnel) !== bgp);
  if (other)
    throw new ApiError(
      'UnsupportedOperation.VpnConnRouteTypeMixed',
      `tunnel ${other.VpnConnectionId} on this gateway is ${other.RouteType}`,
    );
}

/** SPD rules may not overlap another tunnel's on both sides; BGP tunnel ranges and health-check IPs may not clash. */
export function checkOverlaps(params: Params, tunnels: Regional[], vpcCidr?: unknown): void {
  if (carriesSpd(routeTypeOf(params))) {
    const existing = tunnels
      .filter((tunnel) => carriesSpd(String(tunnel.RouteType)))
      .flatMap((tunnel) => spdPairs(tunnel.SecurityPolicyDatabaseSet));
    const conflict = spdConflict(spdPairs(params.SecurityPolicyDatabases), existing);
    if (conflict)
      throw new ApiError(
        'InvalidParameterValue.VpnConnCidrConflict',
        `${conflict[0].join(' -> ')} overlaps ${conflict[1].join(' -> ')} of another tunnel on this gateway`,
      );
  }
  const tunnelCidr = (item: Params): unknown => (item.BgpConfig as Params | undefined)?.TunnelCidr;
  const cidr = tunnelCidr(params);
  const clash = cidr ? tunnels.find((tunnel) => overlaps(cidr, tunnelCidr(tunnel))) : undefined;
  if (clash) {
    const existing = String(tunnelCidr(clash));
    throw new ApiError('InvalidParameterValue.VpnConnBgpTunnelCidrConflict', `${cidr} overlaps ${existing}`, {
      key: String(cidr),
      value: existing,
    });
  }
  checkHealthCheckIps(params, tunnels, vpcCidr);
}

function checkHealthCheckIps(params: Params, tunnels: Regional[], vpcCidr: unknown): void {
  const wanted = [params.HealthCheckLocalIp, params.HealthCheckRemoteIp].filter(
    (ip): ip is string => typeof ip === 'string',
  );
  const taken = new Set(tunnels.flatMap((tunnel) => [tunnel.HealthCheckLocalIp, tunnel.HealthCheckRemoteIp]));
  const used = wanted.find((ip) => taken.has(ip));
  if (used)
    throw new ApiError(
      'InvalidParameterValue.VpnConnHealthCheckIpConflict',
      `${used} is used by another tunnel of this gateway`,
    );
  if (typeof params.HealthCheckLocalIp === 'string' && vpcCidr && overlaps(params.HealthCheckLocalIp, vpcCidr)) {
    throw new ApiError(
      'InvalidParameterValue.VpnConnHealthCheckIpConflict',
      `${params.HealthCheckLocalIp} lies inside the VPC's ${vpcCidr}`,
    );
  }
}
