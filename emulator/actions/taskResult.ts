/**
 * The two small read actions around tunnels: DescribeVpcTaskResult (the async result of a create or delete) and
 * GenerateVpnConnectionDefaultHealthCheckIp (a free health-check pair on a gateway).
 */
import { ApiError } from '../apiErrors';
import type { ActionContext, Params } from './context';

/** DescribeVpcTaskResult: TaskId is the RequestId of a create or delete, in the same region. */
export function describeVpcTaskResult({ store, region, params }: ActionContext): Params {
  const task = store.tasks.get(String(params.TaskId));
  if (!task || task.Region !== region) throw new ApiError('ResourceNotFound', `no task ${params.TaskId} in ${region}`);
  return { Status: task.Status, Output: task.Output, Result: [{ ResourceId: task.ResourceId, Status: task.Status }] };
}

/** GenerateVpnConnectionDefaultHealthCheckIp: a pair in 169.254.128.0/17 that no tunnel of the gateway uses. */
export function generateHealthCheckIp({ store, region, params }: ActionContext): Params {
  const gateway = store.gateway(region, params.VpnGatewayId);
  if (!gateway)
    throw new ApiError('ResourceNotFound', `VpnGatewayId ${params.VpnGatewayId} does not exist in ${region}`);
  const pair = store.freeHealthCheckPairFor(String(gateway.VpnGatewayId));
  return { HealthCheckLocalIp: pair.local, HealthCheckRemoteIp: pair.remote };
}
