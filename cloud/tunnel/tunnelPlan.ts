/**
 * The plan of a tunnel file against its live tunnel: each changed field and whether ModifyVpnConnectionAttribute
 * changes it in place or it needs a new tunnel, as plain data (the CLI's `--output json`, the editor's status bar
 * and diff view read the same object). The PSK's values never enter it: a changed key shows as changed, masked.
 */
import { MASK } from '../mask';
import { changesBetween, type FieldChange } from './diff';
import { CREATE_FIELDS } from './fields';
import type { LiveTunnel } from './live';

type Params = Record<string, unknown>;

/** The live tunnel, as a plan names it (what a confirmation shows). */
export interface TunnelSummary {
  vpnConnectionId: string;
  region: string;
  name: string;
  vpnGatewayId?: string;
  customerGatewayId?: string;
  vpcId?: string;
  state?: string;
  netStatus?: string;
  createdTime?: string;
  gatewayVersion?: string;
}

/** A plan: JSON-able, secrets masked. */
export interface TunnelPlan {
  tunnel: TunnelSummary;
  changes: FieldChange[];
  /** The changed fields Modify changes in place, and those that need a new tunnel (apply refuses those). */
  inPlace: string[];
  needsNewTunnel: string[];
  /** True when the file holds no PreShareKey: the service's is kept. */
  pskKeptOnService: boolean;
  inSync: boolean;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** The tunnel's identity and state, from its DescribeVpnConnections answer. */
export function summaryOf(live: LiveTunnel): TunnelSummary {
  const { tunnel } = live;
  return {
    vpnConnectionId: tunnel.VpnConnectionId,
    region: live.region,
    name: text(tunnel.VpnConnectionName) ?? '',
    vpnGatewayId: text(tunnel.VpnGatewayId),
    customerGatewayId: text(tunnel.CustomerGatewayId),
    vpcId: text(tunnel.VpcId),
    state: text(tunnel.State),
    netStatus: text(tunnel.NetStatus),
    createdTime: text(tunnel.CreatedTime),
    gatewayVersion: live.gatewayVersion,
  };
}

/** A change with the pre-shared key's values masked. */
function masked(change: FieldChange): FieldChange {
  if (change.field !== 'PreShareKey') return change;
  return { ...change, live: change.live === undefined ? undefined : MASK, file: MASK };
}

/** Plans a file's parameters (its create inputs, without VpnConnectionId) against the live tunnel. */
export function planTunnel(fileParams: Params, live: LiveTunnel): TunnelPlan {
  const changes = changesBetween(CREATE_FIELDS, fileParams, live.form.params, live.gatewayVersion);
  return {
    tunnel: summaryOf(live),
    changes: changes.map(masked),
    inPlace: changes.filter((change) => change.kind === 'inPlace').map((change) => change.field),
    needsNewTunnel: changes.filter((change) => change.kind === 'newTunnel').map((change) => change.field),
    pskKeptOnService: fileParams.PreShareKey === undefined,
    inSync: changes.length === 0,
  };
}
