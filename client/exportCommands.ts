/**
 * "Copy as Terraform", "Copy as tccli Command", "Copy as Node SDK Call": the active VPN connection file's request,
 * exported by cloud/export (as `tcvpn export` does), onto the clipboard, and a message saying so. The file is
 * checked by the same pipeline as a submit, and one with errors is not exported; in a YAML stream the user picks
 * the document. The pre-shared key is never copied (a terraform variable, an environment variable for tccli and
 * the SDK), and the message says where it goes and what the target cannot express. Tests call
 * `executeCommand(Commands.copyAsTerraform, uri, { document: 0 })` and get the export back.
 */
import * as vscode from 'vscode';
import { exportParams, PSK_ENV_NAME, type ExportResult, type ExportTarget } from '../cloud/export';
import { checkSubmissionFile, syntaxOf, type SubmittableDocument } from '../cloud/plan';
import { Settings } from '../protocol/settings';
import { Commands } from './commands';
import { messageLang, regionSetting } from './config';

const LANGUAGES = ['tencentcloud-vpn-json', 'tencentcloud-vpn-yaml'];

function targetName(target: ExportTarget): string {
  if (target === 'terraform') return vscode.l10n.t('Terraform');
  return target === 'tccli' ? vscode.l10n.t('tccli command') : vscode.l10n.t('Node SDK call');
}

function pskNote(target: ExportTarget): string {
  return target === 'terraform'
    ? vscode.l10n.t('The pre-shared key is not included: it is a sensitive terraform variable.')
    : vscode.l10n.t('The pre-shared key is not included: it is read from the environment variable {0}.', PSK_ENV_NAME);
}

async function targetDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}

/** The document of a stream to export: the one given, the only one, or the user's pick. */
async function pickOne(documents: SubmittableDocument[], given: unknown): Promise<SubmittableDocument | undefined> {
  if (typeof given === 'number') return documents.find((document) => document.index === given);
  if (documents.length <= 1) return documents[0];
  const items = documents.map((document) => ({
    label: `${document.index + 1}. ${document.name || vscode.l10n.t('(unnamed)')}`,
    description: document.region ?? '',
    document,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which document should be copied?') });
  return picked?.document;
}

/** The chosen document's value as written, or undefined after saying why there is none. */
async function documentValue(document: vscode.TextDocument, options: { document?: unknown }) {
  const file = {
    text: document.getText(),
    kind: syntaxOf(document.languageId),
    uri: document.uri.toString(),
    source: document.uri.toString(),
  };
  const check = {
    lang: messageLang(),
    disabledRules: vscode.workspace.getConfiguration().get<string[]>(Settings.disabledRules, []),
  };
  const checked = checkSubmissionFile(file, check, { allowTunnelId: true });
  if (checked.problems.length) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Not copied: {0}', checked.problems[0]));
    return undefined;
  }
  const chosen = await pickOne(checked.documents, options.document);
  return chosen && (checked.check.parts.find((part) => part.index === chosen.index)?.value as Record<string, unknown>);
}

/** Copies the export; resolves to it (undefined when nothing was copied). */
async function copyAs(target: ExportTarget, uri: unknown, rawOptions: unknown): Promise<ExportResult | undefined> {
  const options = (rawOptions && typeof rawOptions === 'object' ? rawOptions : {}) as { document?: unknown };
  const document = await targetDocument(uri);
  if (!document || !LANGUAGES.includes(document.languageId)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a VPN connection file to copy it.'));
    return undefined;
  }
  const value = await documentValue(document, options);
  if (!value) return undefined;
  const ownRegion = typeof value.Region === 'string' && value.Region ? value.Region : undefined;
  const region = ownRegion ?? (regionSetting().trim() || undefined);
  if (target !== 'terraform' && typeof value.VpnConnectionId === 'string' && value.VpnConnectionId.trim()) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Not copied: this file describes the existing tunnel {0}, and a CreateVpnConnection call would create a second one. Copy as Terraform adopts it with an import block; Apply Changes changes it.',
        value.VpnConnectionId,
      ),
    );
    return undefined;
  }
  const result = exportParams(value, target, { region });
  await vscode.env.clipboard.writeText(result.text);
  const parts = [vscode.l10n.t('Copied as {0}.', targetName(target)), pskNote(target)];
  if (result.unsupported.length)
    parts.push(vscode.l10n.t('Not expressible there, left out: {0}.', result.unsupported.join(', ')));
  void vscode.window.showInformationMessage(parts.join(' '));
  return result;
}

/** Registers the three commands. */
export function registerExportCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.copyAsTerraform, (uri?: unknown, options?: unknown) =>
      copyAs('terraform', uri, options),
    ),
    vscode.commands.registerCommand(Commands.copyAsTccli, (uri?: unknown, options?: unknown) =>
      copyAs('tccli', uri, options),
    ),
    vscode.commands.registerCommand(Commands.copyAsSdk, (uri?: unknown, options?: unknown) =>
      copyAs('sdk', uri, options),
    ),
  ];
}
