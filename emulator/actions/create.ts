/**
 * CreateVpnConnection: after the parameter check and the account checks, the tunnel exists in PENDING and an
 * async task keyed by this request's RequestId follows it (see tasks.ts). The answer's VpnConnectionId is ""
 * when the seed or option `emptyConnectionId` asks for it, as terraform has observed from the real service.
 */
import { buildConnection } from '../connectionModel';
import { serviceTime } from '../seed';
import { checkGatewayVersion, checkOverlaps, checkRouting, checkVpc, findTargets } from './createChecks';
import { publicView, type ActionContext, type Params } from './context';

/** Handles one CreateVpnConnection whose parameters passed checkParams. */
export function createVpnConnection({ region, requestId, params, store, tasks, faults, now }: ActionContext): Params {
  const targets = findTargets(store, region, params);
  checkVpc(store, region, params, targets.gateway);
  checkGatewayVersion(params, targets.gateway);
  checkRouting(params, targets);
  checkOverlaps(params, targets.tunnels, store.vpc(region, params.VpcId)?.CidrBlock);

  const id = store.newConnectionId();
  const connection = buildConnection(params, {
    id,
    region,
    state: 'PENDING',
    createdTime: serviceTime(now()),
    gateway: targets.gateway,
    customerGateway: targets.customerGateway,
    healthCheckIps: store.freeHealthCheckPairFor(String(targets.gateway.VpnGatewayId)),
  });
  store.connections.set(id, connection);
  // A taskFails fault without an action is meant for creates; one naming DeleteVpnConnection is not taken here.
  const failure = faults.take('CreateVpnConnection', ['taskFails'], 'CreateVpnConnection');
  tasks.startCreate(
    requestId,
    connection,
    failure ? (failure.output ?? 'the VPN tunnel could not be created (injected failure)') : undefined,
  );

  const answer = publicView(connection);
  if (store.emptyConnectionId) answer.VpnConnectionId = '';
  return { VpnConnection: answer };
}
