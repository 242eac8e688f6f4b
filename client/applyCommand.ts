/**
 * "Apply Changes": makes the tunnel a file names match the file. A file without `VpnConnectionId` describes a
 * tunnel to create, so it goes to the submit command as it is. Otherwise: the file's errors block (as a submit's
 * do), the live tunnel is read afresh and planned (cloud/tunnel `planTunnel`), changes that need a new tunnel are
 * refused by name with nothing sent, the plan is shown in a modal (pre-shared key masked) and, once confirmed,
 * cloud/tunnel's `applyTunnelPlan` sends one ModifyVpnConnectionAttribute with exactly the changed fields, through
 * the same record store as a submit (the record shows in VPN Tasks; one action per file at a time, and none while
 * another record holds the tunnel). Tests call `executeCommand(Commands.applyChanges, uri, { skipConfirmation:
 * true })`; it resolves to the record, or undefined when nothing was sent.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CredentialsError } from '../cloud/credentials';
import { SubmitRefusedError } from '../cloud/inFlight';
import { errorLabel, outcomeUnknown, type SubmissionRecord } from '../cloud/submissionRecord';
import { applyTunnelPlan } from '../cloud/tunnel';
import { Commands } from './commands';
import { documentTunnel, planDocument, type DocumentPlan } from './documentPlan';
import type { LiveTunnelCache } from './liveTunnels';
import type { Services } from './services';
import { blockingDiagnostics, describeDiagnostic, reportBlocked } from './submitPrompts';
import { tunnelFileOf } from './tunnelFile';
import { confirmApply, refuseNewTunnel } from './tunnelPrompts';

/** Programmatic options (in-editor tests). */
export interface ApplyOptions {
  skipConfirmation?: boolean;
}

function optionsOf(value: unknown): ApplyOptions {
  return { skipConfirmation: (value as ApplyOptions | undefined)?.skipConfirmation === true };
}

/** The plan to apply, or undefined after saying why there is nothing to send. */
async function planToApply(
  services: Services,
  live: LiveTunnelCache,
  document: vscode.TextDocument,
): Promise<DocumentPlan | undefined> {
  const fileName = path.basename(document.uri.path);
  const diagnostics = blockingDiagnostics(document.uri);
  if (diagnostics.length) return void reportBlocked(fileName, diagnostics.map(describeDiagnostic));
  const tunnel = await documentTunnel(services, document);
  if (!tunnel) return undefined;
  if (tunnel.read.problems.length) return void reportBlocked(fileName, tunnel.read.problems);
  const planned = await planDocument(services, live, tunnel, true);
  if (planned.plan.needsNewTunnel.length) return void refuseNewTunnel(planned.plan);
  if (planned.plan.inSync) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No changes: tunnel {0} matches {1}.', tunnel.vpnConnectionId, fileName),
    );
    return undefined;
  }
  return planned;
}

/** Tells how the modify ended (it is synchronous: most records are finished when the answer comes). */
function reportApplied(record: SubmissionRecord): void {
  const id = record.vpnConnectionId ?? '';
  if (record.status === 'succeeded')
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Tunnel {0} changed: {1}.', id, (record.changes ?? []).join(', ')),
    );
  else if (record.status === 'failed')
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Tunnel {0} was not changed: {1}', id, record.error ? errorLabel(record.error) : '?'),
    );
  else if (outcomeUnknown(record))
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The answer to the change of {0} did not arrive; VPN Tasks shows when it is known.', id),
    );
}

async function run(
  services: Services,
  live: LiveTunnelCache,
  document: vscode.TextDocument,
  options: ApplyOptions,
): Promise<SubmissionRecord | undefined> {
  const planned = await planToApply(services, live, document);
  if (!planned) return undefined;
  const credentials = await services.credentials();
  if (!options.skipConfirmation && !(await confirmApply(planned.plan, credentials))) return undefined;
  const client = await services.clients.forRegion(planned.region);
  const title = vscode.l10n.t('Applying changes to {0}…', planned.vpnConnectionId);
  const record = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
    applyTunnelPlan(client, services.history, {
      plan: planned.plan,
      fileParams: planned.read.params,
      source: document.uri.toString(),
    }),
  );
  live.forget(planned.vpnConnectionId);
  if (!record) return undefined;
  if (record.status === 'running') services.poller.track(record.id, 1000);
  reportApplied(record);
  return record;
}

/** The message for an apply that could not start. */
function failureMessage(services: Services, error: unknown): string {
  if (error instanceof SubmitRefusedError && error.reason === 'inFlight')
    return vscode.l10n.t('{0} is already being applied.', path.basename(error.subject));
  if (error instanceof SubmitRefusedError)
    return vscode.l10n.t('"{0}" is still busy with another action; wait for it in VPN Tasks.', error.subject);
  if (error instanceof CredentialsError) return vscode.l10n.t('No Tencent Cloud credentials found.');
  return services.redactor.redact(error instanceof Error ? error.message : String(error));
}

/** Registers "Apply Changes". */
export function registerApplyCommand(services: Services, live: LiveTunnelCache): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.applyChanges, async (target?: unknown, rawOptions?: unknown) => {
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    if (!uri) return void vscode.window.showWarningMessage(vscode.l10n.t('Open a VPN connection file to apply it.'));
    const document = await vscode.workspace.openTextDocument(uri);
    // A file that names no tunnel describes one to create: that is the submit, with its own prompts.
    if (!tunnelFileOf(document)?.vpnConnectionId)
      return vscode.commands.executeCommand(Commands.submit, uri, rawOptions);
    try {
      return await services.guard.run(uri.toString(), () => run(services, live, document, optionsOf(rawOptions)));
    } catch (error) {
      const message = failureMessage(services, error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Not applied: {0}', message));
      services.log.info(`apply refused: ${message}`);
      return undefined;
    }
  });
}
