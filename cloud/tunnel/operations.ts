/**
 * Delete and reset of an existing tunnel (`tcvpn delete`, `tcvpn reset` and the editor's commands): each names the
 * tunnel by id and its VPN gateway (both actions take the pair), goes through the shared records (send.ts) and is
 * sent once. DeleteVpnConnection is async (DELETING, then gone: the record's task is the poller's to follow);
 * ResetVpnConnection is synchronous. The confirmation that names the tunnel is the host's (tunnelLine).
 */
import type { TaskHistory } from '../history';
import { DELETE_ACTION, RESET_ACTION, type SubmissionRecord } from '../submissionRecord';
import type { VpcClient } from '../tcClient';
import { sendTunnelAction, type SendOptions } from './send';
import type { TunnelSummary } from './tunnelPlan';

/** The two actions a tunnel takes besides modify. */
export type TunnelOperation = typeof DELETE_ACTION | typeof RESET_ACTION;

export const TUNNEL_OPERATIONS: Record<'delete' | 'reset', TunnelOperation> = {
  delete: DELETE_ACTION,
  reset: RESET_ACTION,
};

/**
 * Sends DeleteVpnConnection or ResetVpnConnection for a tunnel; returns its record (persisted). Rejects with
 * SubmitRefusedError when another unfinished record holds the tunnel (nothing sent).
 */
export function runTunnelOperation(
  client: VpcClient,
  history: TaskHistory,
  request: { action: TunnelOperation; tunnel: TunnelSummary; source: string },
  options: SendOptions = {},
): Promise<SubmissionRecord> {
  const { tunnel } = request;
  return sendTunnelAction(
    client,
    history,
    {
      ...request,
      params: { VpnGatewayId: tunnel.vpnGatewayId, VpnConnectionId: tunnel.vpnConnectionId },
    },
    options,
  );
}
