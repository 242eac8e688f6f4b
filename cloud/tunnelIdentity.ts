/**
 * What makes two submissions the same tunnel, before the service has given it an id: the region, the VPN gateway,
 * the customer gateway and the name (the service refuses no duplicate names, so this is our rule, not its). The
 * history locks and refuses by this key across processes (history.ts `claim`), and the words a refusal uses.
 */
import { outcomeUnknown, stateOf, type SubmissionRecord } from './submissionRecord';

type Named = Pick<SubmissionRecord, 'region' | 'vpnGatewayId' | 'customerGatewayId' | 'name'>;

/** The lock key of a tunnel. */
export function tunnelLockKey(named: Named): string {
  return JSON.stringify([named.region, named.vpnGatewayId ?? '', named.customerGatewayId ?? '', named.name]);
}

/** True when two submissions would create the same tunnel. */
export function sameTunnel(a: Named, b: Named): boolean {
  return tunnelLockKey(a) === tunnelLockKey(b);
}

function when(ms: number | undefined): string {
  return ms === undefined ? 'unknown' : new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Why a second submit of a running record's tunnel is refused, with that record's state and how to go on. */
export function describeRunning(record: SubmissionRecord): string {
  const by = record.owner ? ` by pid ${record.owner.pid} on ${record.owner.host}` : '';
  const started = `started ${when(record.createdAt)}${by}, record ${record.id}`;
  if (outcomeUnknown(record)) {
    return `"${record.name}" is already being created and its create's outcome is unknown (${started}); it is looked up until ${when(record.lookUntil)}. Wait for it, follow it (tcvpn watch ${record.id}), or abandon it (tcvpn abandon ${record.id}, or Abandon in VPN Tasks) to submit again.`;
  }
  const id = record.vpnConnectionId ? ` as ${record.vpnConnectionId}` : '';
  return `"${record.name}" is already being created${id} (${stateOf(record)}, ${started}); wait for it to finish (tcvpn watch ${record.id}).`;
}
