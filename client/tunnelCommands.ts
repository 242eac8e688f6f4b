/**
 * The commands on an existing tunnel, from the account view's item or from an open file that names the tunnel:
 * "Show Changes Against Live Tunnel" (the diff editor, liveDiff.ts), "Reset Tunnel" and "Delete Tunnel". Reset and
 * delete read the tunnel afresh, ask in a modal that names it (name, id, VPN gateway), then go through
 * cloud/tunnel's `runTunnelOperation`: the shared record store, the VPN Tasks view, the poller for a delete's
 * task. Tests pass `{ skipConfirmation: true }` as the second argument. Apply is in applyCommand.ts.
 */
import * as vscode from 'vscode';
import { SubmitRefusedError } from '../cloud/inFlight';
import { errorLabel, type SubmissionRecord } from '../cloud/submissionRecord';
import { runTunnelOperation, summaryOf, TUNNEL_OPERATIONS } from '../cloud/tunnel';
import { Commands } from './commands';
import { documentTunnel, planDocument } from './documentPlan';
import { TunnelNode } from './explorer/accountNodes';
import type { AccountTreeProvider } from './explorer/accountTree';
import type { LiveDiffProvider } from './liveDiff';
import type { LiveTunnelCache } from './liveTunnels';
import type { Services } from './services';
import { openTunnelFiles } from './tunnelFile';
import { confirmOperation, tunnelTitle } from './tunnelPrompts';

/** What the tunnel commands share. */
export interface TunnelCommandContext {
  services: Services;
  live: LiveTunnelCache;
  diff: LiveDiffProvider;
  tree: AccountTreeProvider;
  /** Empties the account cache (the tree, the live tunnels and the language server read again). */
  refreshAccount(): void;
}

/** The tunnel a command is about: an account item's, or the one the given (or active) file names. */
interface TargetTunnel {
  region: string;
  id: string;
  /** What the record names as its source: the file, or the tunnel id when the user picked the tunnel itself. */
  source: string;
  gatewayName?: string;
}

const skipped = (options: unknown): boolean => (options as { skipConfirmation?: unknown })?.skipConfirmation === true;

/** The document a command names: a uri, the document of an account item's tunnel, or the active editor's. */
async function documentOf(target: unknown): Promise<vscode.TextDocument | undefined> {
  if (target instanceof TunnelNode) return openTunnelFiles().get(target.tunnel.id);
  const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
  return uri && vscode.workspace.openTextDocument(uri);
}

async function targetOf(context: TunnelCommandContext, target: unknown): Promise<TargetTunnel | undefined> {
  if (target instanceof TunnelNode)
    return { region: target.region, id: target.tunnel.id, source: target.tunnel.id, gatewayName: target.gatewayName };
  const document = await documentOf(target);
  const tunnel = document && (await documentTunnel(context.services, document));
  if (!tunnel)
    return void vscode.window.showWarningMessage(vscode.l10n.t('This file names no tunnel (no VpnConnectionId).'));
  const snapshot = context.tree.snapshot(tunnel.region);
  const gateway = snapshot?.connections.find((c) => c.id === tunnel.vpnConnectionId)?.vpnGatewayId;
  const gatewayName = snapshot?.vpnGateways.find((g) => g.id === gateway)?.name;
  return { region: tunnel.region, id: tunnel.vpnConnectionId, source: document.uri.toString(), gatewayName };
}

/** Opens the diff of the file (or the account item's open file) and its live tunnel. */
async function showChanges(
  context: TunnelCommandContext,
  target: unknown,
): Promise<{ live: string; file: string } | undefined> {
  const document = await documentOf(target);
  if (!document && target instanceof TunnelNode)
    return void vscode.window.showWarningMessage(
      vscode.l10n.t('No open file names tunnel {0}: use Open as File first.', target.tunnel.id),
    );
  const tunnel = document && (await documentTunnel(context.services, document));
  if (!tunnel)
    return void vscode.window.showWarningMessage(vscode.l10n.t('This file names no tunnel (no VpnConnectionId).'));
  const shown = await context.diff.show(document, await planDocument(context.services, context.live, tunnel));
  return { live: shown.live.toString(), file: shown.file.toString() };
}

function reportOperation(kind: 'delete' | 'reset', record: SubmissionRecord): void {
  const id = record.vpnConnectionId ?? '';
  if (record.status === 'failed')
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} of {1} failed: {2}', record.action, id, record.error ? errorLabel(record.error) : '?'),
    );
  else if (kind === 'delete')
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Tunnel {0} is being deleted; follow it in VPN Tasks.', id),
    );
  else void vscode.window.showInformationMessage(vscode.l10n.t('Tunnel {0} was reset.', id));
}

/** Delete or reset: a fresh read, the confirmation naming the tunnel, one request through the records. */
async function operate(
  context: TunnelCommandContext,
  kind: 'delete' | 'reset',
  target: unknown,
  options: unknown,
): Promise<SubmissionRecord | undefined> {
  const { services, live } = context;
  const tunnel = await targetOf(context, target);
  if (!tunnel) return undefined;
  const summary = summaryOf(await live.fresh(tunnel.region, tunnel.id));
  if (!skipped(options) && !(await confirmOperation(kind, summary, tunnel.gatewayName))) return undefined;
  const client = await services.clients.forRegion(tunnel.region);
  const record = await runTunnelOperation(client, services.history, {
    action: TUNNEL_OPERATIONS[kind],
    tunnel: summary,
    source: tunnel.source,
  });
  services.log.info(`${record.action} ${tunnelTitle(summary)}: ${record.status}`);
  if (record.status === 'running') services.poller.track(record.id, 1000);
  live.forget(tunnel.id);
  context.refreshAccount();
  reportOperation(kind, record);
  return record;
}

/** Runs a command, turning what it throws into one error message (secrets redacted). */
function guarded<T>(context: TunnelCommandContext, what: string, run: () => Promise<T>): Promise<T | undefined> {
  return run().catch((error: unknown) => {
    const message =
      error instanceof SubmitRefusedError
        ? vscode.l10n.t('"{0}" is still busy with another action; wait for it in VPN Tasks.', error.subject)
        : context.services.redactor.redact(error instanceof Error ? error.message : String(error));
    void vscode.window.showErrorMessage(`${what}: ${message}`);
    context.services.log.info(`${what}: ${message}`);
    return undefined;
  });
}

/** Registers Show Changes, Reset Tunnel and Delete Tunnel. */
export function registerTunnelCommands(context: TunnelCommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.showChanges, (target?: unknown) =>
      guarded(context, vscode.l10n.t('Show Changes'), () => showChanges(context, target)),
    ),
    vscode.commands.registerCommand(Commands.resetTunnel, (target?: unknown, options?: unknown) =>
      guarded(context, vscode.l10n.t('Reset Tunnel'), () => operate(context, 'reset', target, options)),
    ),
    vscode.commands.registerCommand(Commands.deleteTunnel, (target?: unknown, options?: unknown) =>
      guarded(context, vscode.l10n.t('Delete Tunnel'), () => operate(context, 'delete', target, options)),
    ),
  ];
}
