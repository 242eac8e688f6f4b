/**
 * What the tunnel commands ask and tell: the plan of an apply in a modal (each changed field, how it is made, the
 * pre-shared key masked), the refusal of changes that need a new tunnel (named), and the confirmation of a delete
 * or reset that names the tunnel (name, id, VPN gateway). Tests pass `skipConfirmation` instead of clicking.
 */
import * as vscode from 'vscode';
import { MASK, maskSecretId } from '../cloud/mask';
import type { FieldChange, TunnelPlan, TunnelSummary } from '../cloud/tunnel';
import type { Credentials } from '../cloud/credentials';

const shown = (value: unknown): string => (value === undefined ? vscode.l10n.t('(not set)') : JSON.stringify(value));

/** "name (vpnx-…) on gateway vpngw-…": how every prompt names a tunnel. */
export function tunnelTitle(tunnel: TunnelSummary, gatewayName?: string): string {
  const gateway = gatewayName ? `${gatewayName} (${tunnel.vpnGatewayId ?? '?'})` : (tunnel.vpnGatewayId ?? '?');
  return vscode.l10n.t('"{0}" ({1}) on VPN gateway {2}', tunnel.name, tunnel.vpnConnectionId, gateway);
}

/** One line of a change: the field, the live and the file's value (the PSK masked), and how it is made. */
export function changeLine(change: FieldChange): string {
  const how = change.kind === 'inPlace' ? vscode.l10n.t('in place') : vscode.l10n.t('needs a new tunnel');
  const values =
    change.field === 'PreShareKey'
      ? `${MASK} → ${MASK}`
      : change.members
        ? vscode.l10n.t('{0} (the object is sent whole)', change.members.join(', '))
        : `${shown(change.live)} → ${shown(change.file)}`;
  return `${change.kind === 'inPlace' ? '~' : '!'} ${change.field}: ${values}  [${how}]`;
}

/** The lines of a plan as the modal shows them. */
export function planDetail(plan: TunnelPlan, credentials?: Credentials): string[] {
  const { tunnel } = plan;
  const lines = [
    `${vscode.l10n.t('Action')}: ModifyVpnConnectionAttribute`,
    ...(credentials
      ? [`${vscode.l10n.t('Account')}: ${maskSecretId(credentials.secretId)} (${credentials.source})`]
      : []),
    `${vscode.l10n.t('Region')}: ${tunnel.region}`,
    `${vscode.l10n.t('Tunnel')}: ${tunnelTitle(tunnel)}`,
    '',
    ...plan.changes.map(changeLine),
  ];
  if (plan.pskKeptOnService) lines.push('', vscode.l10n.t('The pre-shared key is not in the file: it stays as it is.'));
  return lines;
}

/** The modal before an apply; true when the user chose Apply. */
export async function confirmApply(plan: TunnelPlan, credentials?: Credentials): Promise<boolean> {
  const apply = vscode.l10n.t('Apply');
  const choice = await vscode.window.showWarningMessage(
    plan.inPlace.length === 1
      ? vscode.l10n.t('Change 1 field of tunnel {0} in place?', plan.tunnel.vpnConnectionId)
      : vscode.l10n.t('Change {0} fields of tunnel {1} in place?', plan.inPlace.length, plan.tunnel.vpnConnectionId),
    { modal: true, detail: planDetail(plan, credentials).join('\n') },
    apply,
  );
  return choice === apply;
}

/** Says that the plan has changes an existing tunnel cannot take, naming them; nothing is sent. */
export function refuseNewTunnel(plan: TunnelPlan): void {
  const fields = plan.changes.filter((change) => change.kind === 'newTunnel');
  void vscode.window.showErrorMessage(
    vscode.l10n.t(
      'Not applied: {0} cannot change on an existing tunnel (it needs a new tunnel). Nothing was sent.',
      fields.map((change) => change.field).join(', '),
    ),
    {
      modal: false,
      detail: [
        ...fields.map(changeLine),
        '',
        vscode.l10n.t('Undo these changes, or create a new tunnel from a file without VpnConnectionId.'),
      ].join('\n'),
    },
  );
}

/** The modal before a delete or reset, naming the tunnel; true when the user confirmed. */
export async function confirmOperation(
  operation: 'delete' | 'reset',
  tunnel: TunnelSummary,
  gatewayName?: string,
): Promise<boolean> {
  const button = operation === 'delete' ? vscode.l10n.t('Delete') : vscode.l10n.t('Reset');
  const question =
    operation === 'delete'
      ? vscode.l10n.t('Delete tunnel {0}?', tunnelTitle(tunnel, gatewayName))
      : vscode.l10n.t('Reset tunnel {0}?', tunnelTitle(tunnel, gatewayName));
  const detail = [
    `${vscode.l10n.t('Region')}: ${tunnel.region}`,
    `${vscode.l10n.t('Customer gateway')}: ${tunnel.customerGatewayId ?? ''}`,
    `${vscode.l10n.t('State')}: ${tunnel.state ?? ''}`,
    '',
    operation === 'delete'
      ? vscode.l10n.t('DeleteVpnConnection removes the tunnel; this cannot be undone.')
      : vscode.l10n.t('ResetVpnConnection renegotiates the tunnel: traffic through it stops for a moment.'),
  ];
  const choice = await vscode.window.showWarningMessage(question, { modal: true, detail: detail.join('\n') }, button);
  return choice === button;
}
