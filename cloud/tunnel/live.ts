/**
 * The live tunnel a file names: DescribeVpnConnections by id, its input form (inputForm.ts), and its VPN gateway's
 * Version (DescribeVpnGateways), which decides the fields ModifyVpnConnectionAttribute changes only on newer
 * gateways. A tunnel the region does not hold is a TunnelNotFoundError, with the id and the region.
 */
import { isNotFound } from '../apiError';
import type { RequestOptions, VpcClient } from '../tcClient';
import { describeTunnel, type VpnConnectionSummary } from '../tunnelLookup';
import { inputFormOf, type InputForm } from './inputForm';

/** A live tunnel as plan, apply, delete and reset read it. */
export interface LiveTunnel {
  region: string;
  tunnel: VpnConnectionSummary;
  /** The input form, with the PSK (never show it: planText and planJson mask it). */
  form: InputForm;
  /** The tunnel's VPN gateway's Version ("2.0", "4.0"), when the gateway could be read. */
  gatewayVersion?: string;
}

/** The region holds no tunnel of this id. */
export class TunnelNotFoundError extends Error {
  override name = 'TunnelNotFoundError';
  constructor(
    readonly vpnConnectionId: string,
    readonly region: string,
  ) {
    super(`No tunnel ${vpnConnectionId} in ${region} (DescribeVpnConnections found none).`);
  }
}

interface GatewaysAnswer {
  VpnGatewaySet?: { VpnGatewayId?: string; Version?: string }[];
}

async function gatewayVersionOf(client: VpcClient, id: unknown, options: RequestOptions): Promise<string | undefined> {
  if (typeof id !== 'string' || !id) return undefined;
  try {
    const answer = await client.request<GatewaysAnswer>('DescribeVpnGateways', { VpnGatewayIds: [id] }, options);
    return answer.VpnGatewaySet?.find((gateway) => gateway.VpnGatewayId === id)?.Version;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Reads the tunnel `id` of the client's region; throws TunnelNotFoundError, or the API error of the read. */
export async function fetchLiveTunnel(
  client: VpcClient,
  region: string,
  id: string,
  options: RequestOptions = {},
): Promise<LiveTunnel> {
  const tunnel = await describeTunnel(client, id, options);
  if (!tunnel) throw new TunnelNotFoundError(id, region);
  const gatewayVersion = await gatewayVersionOf(client, tunnel.VpnGatewayId, options);
  return { region, tunnel, form: inputFormOf(tunnel), gatewayVersion };
}
