/**
 * The action table: every action the emulator answers, by X-TC-Action. An action of the VPC spec that is not
 * here answers InvalidAction, as the service does for an action it does not offer.
 */
import type { ActionHandler } from './context';
import { createVpnConnection } from './create';
import { describeCustomerGateways, describeVpcs, describeVpnConnections, describeVpnGateways } from './describe';
import { deleteVpnConnection, modifyVpnConnectionAttribute, resetVpnConnection } from './mutate';
import { describeVpcTaskResult, generateHealthCheckIp } from './taskResult';

export const ACTIONS: Record<string, ActionHandler> = {
  CreateVpnConnection: createVpnConnection,
  DescribeVpcTaskResult: describeVpcTaskResult,
  DescribeVpnConnections: describeVpnConnections,
  DescribeVpnGateways: describeVpnGateways,
  DescribeCustomerGateways: describeCustomerGateways,
  DescribeVpcs: describeVpcs,
  ModifyVpnConnectionAttribute: modifyVpnConnectionAttribute,
  DeleteVpnConnection: deleteVpnConnection,
  ResetVpnConnection: resetVpnConnection,
  GenerateVpnConnectionDefaultHealthCheckIp: generateHealthCheckIp,
};

/** The async actions, whose RequestId is a DescribeVpcTaskResult TaskId. */
export const ASYNC_ACTIONS = new Set(['CreateVpnConnection', 'DeleteVpnConnection']);
