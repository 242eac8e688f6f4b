/**
 * The actions that change an existing tunnel: ModifyVpnConnectionAttribute (synchronous), DeleteVpnConnection
 * (async: DELETING, then gone) and ResetVpnConnection (synchronous, no visible change). Each needs the tunnel to
 * exist in the request's region and to be AVAILABLE, as the service's InvalidState codes say.
 */
import { ApiError } from '../apiErrors';
import { modifyConnection, routeTypeOf } from '../connectionModel';
import type { Regional } from '../types';
import type { ActionContext, Params } from './context';
import { checkOverlaps } from './createChecks';

function tunnelOf({ store, region, params }: ActionContext, invalidState: string): Regional {
  const tunnel = store.connection(region, params.VpnConnectionId);
  if (!tunnel)
    throw new ApiError('ResourceNotFound', `VpnConnectionId ${params.VpnConnectionId} does not exist in ${region}`);
  if (params.VpnGatewayId !== undefined && params.VpnGatewayId !== tunnel.VpnGatewayId) {
    throw new ApiError('ResourceNotFound', `tunnel ${tunnel.VpnConnectionId} is not on gateway ${params.VpnGatewayId}`);
  }
  if (tunnel.State !== 'AVAILABLE')
    throw new ApiError(invalidState, `tunnel ${tunnel.VpnConnectionId} is ${tunnel.State}`);
  return tunnel;
}

/** A new customer gateway is allowed on 4.0 gateways only, must exist, and must have an ASN for a BGP tunnel. */
function checkCustomerGatewayChange(context: ActionContext, tunnel: Regional, gateway: Regional | undefined): void {
  const { store, region, params } = context;
  if (params.CustomerGatewayId === undefined || params.CustomerGatewayId === tunnel.CustomerGatewayId) return;
  if (!gateway || Number.parseFloat(String(gateway.Version)) < 4)
    throw new ApiError(
      'UnsupportedOperation',
      'the customer gateway of a tunnel can change only on a version 4.0 VPN gateway',
    );
  const customerGateway = store.customerGateway(region, params.CustomerGatewayId);
  if (!customerGateway)
    throw new ApiError('ResourceNotFound', `CustomerGatewayId ${params.CustomerGatewayId} does not exist in ${region}`);
  if (routeTypeOf(tunnel) === 'Bgp' && !Number(customerGateway.BgpAsn))
    throw new ApiError('UnsupportedOperation.VpnUnsupportedUsrGwNotExistBgpAsn');
}

/** ModifyVpnConnectionAttribute. */
export function modifyVpnConnectionAttribute(context: ActionContext): Params {
  const { store, region, params } = context;
  const tunnel = tunnelOf(context, 'UnsupportedOperation.VpnConnInvalidState');
  const gateway = store.gateway(region, tunnel.VpnGatewayId);
  checkCustomerGatewayChange(context, tunnel, gateway);
  const others = store.tunnelsOn(tunnel.VpnGatewayId).filter((other) => other !== tunnel);
  const candidate = {
    ...params,
    RouteType: tunnel.RouteType,
    SecurityPolicyDatabases: params.SecurityPolicyDatabases ?? [],
  };
  checkOverlaps(candidate, others, store.vpc(region, tunnel.VpcId)?.CidrBlock);
  modifyConnection(tunnel, params);
  return {};
}

/** DeleteVpnConnection: a taskFails fault naming this action makes the delete task fail. */
export function deleteVpnConnection(context: ActionContext): Params {
  const tunnel = tunnelOf(context, 'UnsupportedOperation.DeleteVpnConnInvalidState');
  const failure = context.faults.take('DeleteVpnConnection', ['taskFails'], 'CreateVpnConnection');
  context.tasks.startDelete(
    context.requestId,
    tunnel,
    failure ? (failure.output ?? 'the VPN tunnel could not be deleted (injected failure)') : undefined,
  );
  return {};
}

/** ResetVpnConnection: renegotiates the tunnel; nothing the API shows changes. */
export function resetVpnConnection(context: ActionContext): Params {
  tunnelOf(context, 'UnsupportedOperation.VpnConnInvalidState');
  return {};
}
