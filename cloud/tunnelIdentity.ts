/**
 * What makes two records the same tunnel. Before the service has given it an id, a create's tunnel is its region,
 * VPN gateway, customer gateway and name (the service refuses no duplicate names, so this is our rule, not its). An
 * action on an existing tunnel (modify, delete, reset) names it by region and VpnConnectionId, and so does a create
 * once its tunnel has an id: two unfinished records of one id are one tunnel, whatever their actions. The history
 * locks and refuses by this key across processes (history.ts `claim`), and the words a refusal uses.
 */
import { isCreate, outcomeUnknown, stateOf, type SubmissionRecord } from './submissionRecord';

type Named = Pick<SubmissionRecord, 'region' | 'vpnGatewayId' | 'customerGatewayId' | 'name'> &
  Partial<Pick<SubmissionRecord, 'action' | 'vpnConnectionId'>>;

/** A create's key: what it would be called before it has an id. */
function createKey(named: Named): string {
  return JSON.stringify([named.region, named.vpnGatewayId ?? '', named.customerGatewayId ?? '', named.name]);
}

/** The lock key of a tunnel: by id for an action on an existing tunnel, by its create key for a create. */
export function tunnelLockKey(named: Named): string {
  if (!isCreate(named) && named.vpnConnectionId) return JSON.stringify([named.region, named.vpnConnectionId]);
  return createKey(named);
}

/** True when two records act on the same tunnel: the same id in one region, or two creates of one key. */
export function sameTunnel(a: Named, b: Named): boolean {
  if (a.vpnConnectionId && a.vpnConnectionId === b.vpnConnectionId && a.region === b.region) return true;
  return isCreate(a) && isCreate(b) && createKey(a) === createKey(b);
}

function when(ms: number | undefined): string {
  return ms === undefined ? 'unknown' : new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Why a second submit of a running record's tunnel is refused, with that record's state and how to go on. */
export function describeRunning(record: SubmissionRecord): string {
  const by = record.owner ? ` by pid ${record.owner.pid} on ${record.owner.host}` : '';
  const started = `started ${when(record.createdAt)}${by}, record ${record.id}`;
  if (!isCreate(record)) {
    const unknown = outcomeUnknown(record) ? `; its outcome is unknown, looked up until ${when(record.lookUntil)}` : '';
    return `"${record.name}" (${record.vpnConnectionId}) has a ${record.action} in progress (${stateOf(record)}, ${started}${unknown}); wait for it to finish (tcvpn watch ${record.id}).`;
  }
  if (outcomeUnknown(record)) {
    return `"${record.name}" is already being created and its create's outcome is unknown (${started}); it is looked up until ${when(record.lookUntil)}. Wait for it, follow it (tcvpn watch ${record.id}), or abandon it (tcvpn abandon ${record.id}, or Abandon in VPN Tasks) to submit again.`;
  }
  const id = record.vpnConnectionId ? ` as ${record.vpnConnectionId}` : '';
  return `"${record.name}" is already being created${id} (${stateOf(record)}, ${started}); wait for it to finish (tcvpn watch ${record.id}).`;
}
