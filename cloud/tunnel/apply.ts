/**
 * Apply for a file that names an existing tunnel: ModifyVpnConnectionAttribute with exactly the changed top-level
 * parameters (a changed IKE, IPsec, health-check or BGP object sent whole, diff.ts `valueToSend`), through the
 * shared records (send.ts). Changes that need a new tunnel refuse the whole apply, named, with nothing sent: no
 * silent delete-and-recreate. After an answer that never came, the tunnel is read once more: when it holds what
 * was sent the modify took effect; else the record stays unknown (the poller ends it, submissionRecord.ts). A file
 * without VpnConnectionId is a create, which the hosts run exactly as their submit does (cloud/plan.ts).
 */
import { REAL_CLOCK } from '../clock';
import type { TaskHistory } from '../history';
import { MODIFY_ACTION, next, stateOf, type SubmissionRecord } from '../submissionRecord';
import type { VpcClient } from '../tcClient';
import { changesBetween, valueToSend } from './diff';
import { fetchLiveTunnel } from './live';
import { sendTunnelAction, type SendOptions } from './send';
import type { TunnelPlan } from './tunnelPlan';

type Params = Record<string, unknown>;

/** An apply that would need a new tunnel: nothing was sent. */
export class NeedsNewTunnelError extends Error {
  override name = 'NeedsNewTunnelError';
  constructor(readonly fields: string[]) {
    const tags = fields.includes('Tags') ? ' (Tags change through the Tag API, which tcvpn does not call)' : '';
    super(
      `${fields.join(', ')} cannot be changed on an existing tunnel (ModifyVpnConnectionAttribute does not take ${fields.length > 1 ? 'them' : 'it'}${tags}): it needs a new tunnel. Nothing was sent. Undo ${fields.length > 1 ? 'these changes' : 'the change'}, or create a new tunnel from a file without VpnConnectionId and delete this one.`,
    );
  }
}

/** The Modify's parameters: the tunnel's id and each changed field (objects whole). */
export function modifyParamsOf(plan: TunnelPlan, fileParams: Params): Params {
  const params: Params = { VpnConnectionId: plan.tunnel.vpnConnectionId };
  for (const field of plan.inPlace) params[field] = valueToSend(field, fileParams);
  return params;
}

/** After an unclear answer: does the tunnel now hold every sent field? (a read; failures leave it unknown) */
async function confirmLanded(client: VpcClient, plan: TunnelPlan, fileParams: Params): Promise<boolean> {
  try {
    const live = await fetchLiveTunnel(client, plan.tunnel.region, plan.tunnel.vpnConnectionId);
    const sent = changesBetween(plan.inPlace, fileParams, live.form.params, live.gatewayVersion);
    return sent.length === 0;
  } catch {
    return false;
  }
}

/**
 * Applies a plan's in-place changes; returns the record (persisted), or undefined when there is nothing to change.
 * Throws NeedsNewTunnelError (nothing sent) and SubmitRefusedError (another record holds the tunnel).
 */
export async function applyTunnelPlan(
  client: VpcClient,
  history: TaskHistory,
  request: { plan: TunnelPlan; fileParams: Params; source: string },
  options: SendOptions = {},
): Promise<SubmissionRecord | undefined> {
  const { plan, fileParams } = request;
  if (plan.needsNewTunnel.length) throw new NeedsNewTunnelError(plan.needsNewTunnel);
  if (!plan.inPlace.length) return undefined;
  const record = await sendTunnelAction(
    client,
    history,
    {
      action: MODIFY_ACTION,
      tunnel: plan.tunnel,
      source: request.source,
      params: modifyParamsOf(plan, fileParams),
      changes: plan.inPlace,
    },
    options,
  );
  if (stateOf(record) !== 'unknown' || !(await confirmLanded(client, plan, fileParams))) return record;
  const confirmed = next(record, { type: 'operationConfirmed' }, (options.clock ?? REAL_CLOCK).now());
  await history.upsert(confirmed);
  return confirmed;
}
