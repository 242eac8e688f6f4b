/**
 * The account view and its own commands: the tree view itself, Refresh (empties the account cache, so the tree, the
 * live tunnels and the language server all read again), Open as File (cloud/tunnel's `importTunnel` → an untitled
 * document in the user's format, `tencentcloudVpn.importFormat`, without the pre-shared key) and Copy Id. The
 * tree redraws when a file naming a tunnel opens or closes (the item's Show Changes follows) and when a task of
 * VPN Tasks ends (a tunnel was created, changed or deleted).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isFinished } from '../../cloud/submissionRecord';
import { importTunnel } from '../../cloud/tunnel';
import { Commands } from '../commands';
import { importFormatSetting } from '../config';
import type { Services } from '../services';
import { openTunnelFiles } from '../tunnelFile';
import { type AccountNode, type IdentifiedNode, TunnelNode } from './accountNodes';
import { ACCOUNT_VIEW_ID, type AccountTreeProvider } from './accountTree';

const LANGUAGE_OF = { yaml: 'tencentcloud-vpn-yaml', json: 'tencentcloud-vpn-json' } as const;

/** An untitled uri in the workspace folder, named after the tunnel, that no open document uses yet. */
function untitledUriFor(node: TunnelNode, format: 'yaml' | 'json'): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.tmpdir();
  const base = (node.tunnel.name || node.tunnel.id).replace(/[^\w.-]+/g, '_');
  const taken = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.vpnconn.${format}` : `${base}-${n}.vpnconn.${format}`;
    const uri = vscode.Uri.file(path.join(folder, name)).with({ scheme: 'untitled' });
    if (!taken.has(uri.toString())) return uri;
  }
}

/** Imports the item's tunnel into a new untitled document (or shows the open file that already names it). */
export async function openAsFile(services: Services, node: TunnelNode): Promise<vscode.TextDocument> {
  const open = openTunnelFiles().get(node.tunnel.id);
  if (open) {
    await vscode.window.showTextDocument(open);
    return open;
  }
  const format = importFormatSetting();
  const client = await services.clients.forRegion(node.region);
  const imported = await importTunnel(client, node.region, node.tunnel.id, { format, includePsk: false });
  const psk = imported.live.form.params.PreShareKey;
  services.redactor.add(typeof psk === 'string' ? psk : undefined);
  const uri = untitledUriFor(node, format);
  let document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), imported.text);
  await vscode.workspace.applyEdit(edit);
  if (document.languageId !== LANGUAGE_OF[format])
    document = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_OF[format]);
  await vscode.window.showTextDocument(document, { preview: false });
  // JSON holds no comments: what the YAML file would say about the service's answer is said here instead.
  if (imported.notes.length) services.log.info(`${node.tunnel.id}: ${imported.notes.join(' ')}`);
  if (format === 'json' && imported.notes.length) void vscode.window.showInformationMessage(imported.notes.join('\n'));
  return document;
}

async function copyId(node: IdentifiedNode | undefined): Promise<void> {
  if (typeof node?.id !== 'string') return;
  await vscode.env.clipboard.writeText(node.id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', node.id), 3000);
}

/** Redraws the tree when the set of tunnels named by open files changes (checked 300 ms after an edit). */
function redrawOnOpenTunnelFiles(tree: AccountTreeProvider): vscode.Disposable {
  let named = '';
  let timer: NodeJS.Timeout | undefined;
  const check = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = [...openTunnelFiles().keys()].sort().join();
      if (now !== named) tree.redraw();
      named = now;
    }, 300);
  };
  const subscriptions = [
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidCloseTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((event) => event.document.uri.scheme !== 'output' && check()),
  ];
  return { dispose: () => (clearTimeout(timer), subscriptions.forEach((s) => s.dispose())) };
}

/** Redraws the tree when a task ends, once per record and outcome. */
function redrawOnFinishedTasks(services: Services, refreshAccount: () => void): vscode.Disposable {
  const seen = new Set<string>();
  const unsubscribe = services.history.onDidChange((id) => {
    const record = id ? services.history.get(id) : undefined;
    if (!record || !isFinished(record) || seen.has(`${record.id}/${record.status}`)) return;
    seen.add(`${record.id}/${record.status}`);
    refreshAccount();
  });
  return { dispose: unsubscribe };
}

/** Registers the account view and its commands; `refreshAccount` empties the account cache. */
export function registerAccountExplorer(
  services: Services,
  tree: AccountTreeProvider,
  refreshAccount: () => void,
): vscode.Disposable[] {
  const failed = (what: string) => (error: unknown) => {
    const message = services.redactor.redact(error instanceof Error ? error.message : String(error));
    void vscode.window.showErrorMessage(`${what}: ${message}`);
    return undefined;
  };
  return [
    tree,
    vscode.window.createTreeView<AccountNode>(ACCOUNT_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand(Commands.accountRefresh, () => refreshAccount()),
    vscode.commands.registerCommand(Commands.accountOpenAsFile, (node?: unknown) =>
      node instanceof TunnelNode ? openAsFile(services, node).catch(failed(vscode.l10n.t('Open as File'))) : undefined,
    ),
    vscode.commands.registerCommand(Commands.accountCopyId, (node?: IdentifiedNode) => copyId(node)),
    redrawOnOpenTunnelFiles(tree),
    redrawOnFinishedTasks(services, refreshAccount),
  ];
}
