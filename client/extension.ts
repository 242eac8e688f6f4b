/**
 * Entry point of the extension: wires the language client, the commands, the task history and its poller, and
 * the "VPN Tasks" tree. Each concern lives in its own module under client; this file only connects them.
 */
import * as vscode from 'vscode';
import { AccountResourcesProvider } from './accountResources';
import type { TencentCloudVpnApi } from './api';
import { registerCredentialCommands } from './credentialCommands';
import { registerExampleCommand } from './exampleCommand';
import { registerExportCommands } from './exportCommands';
import { registerPeerConfigView } from './peerConfigView';
import { registerRuleDocCommand } from './ruleDocs';
import { LanguageClientHost } from './languageClient';
import { OutputLog } from './outputLog';
import { registerSchemaOptIn } from './schemaOptIn';
import { createServices, Services } from './services';
import { registerSubmitCommand } from './submitCommand';
import { registerTaskCommands } from './taskCommands';
import { registerTunnelFeatures } from './tunnelFeatures';
import { notifyFinished } from './taskNotifications';
import { TASKS_VIEW_ID, TaskTreeProvider } from './taskTree';

let languageClientHost: LanguageClientHost | undefined;
/** The channel keeps its product name in every display language, so instructions and tests can name it. */
const OUTPUT_CHANNEL_NAME = 'Tencent Cloud VPN';

/** The tree view, its commands and an event for the test API. */
function registerTasksView(services: Services, tasksChanged: vscode.EventEmitter<void>): vscode.Disposable[] {
  const tree = new TaskTreeProvider(services.history);
  const unsubscribe = services.history.onDidChange(() => tasksChanged.fire());
  // The ages in the tree ("5 min ago") stay current while anything is listed.
  const ageTimer = setInterval(() => services.history.list().length && tree.refreshAll(), 60_000);
  return [
    tree,
    vscode.window.createTreeView(TASKS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    ...registerTaskCommands(services, tree),
    { dispose: unsubscribe },
    { dispose: () => clearInterval(ageTimer) },
  ];
}

/** Activates the extension and returns its test API. */
export function activate(context: vscode.ExtensionContext): TencentCloudVpnApi {
  const log = new OutputLog(OUTPUT_CHANNEL_NAME);
  const tasksChanged = new vscode.EventEmitter<void>();
  let services: Services | undefined;
  services = createServices(context, log, (record) => services && notifyFinished(services, record));
  const accountResources = new AccountResourcesProvider(services);
  languageClientHost = new LanguageClientHost(log, (client) => accountResources.attach(client));
  languageClientHost.ready.catch((error: unknown) => log.info(`language server failed to start: ${String(error)}`));
  const tunnels = registerTunnelFeatures(services, accountResources);
  context.subscriptions.push(
    log,
    tasksChanged,
    accountResources,
    registerSchemaOptIn(),
    registerSubmitCommand(services),
    registerExampleCommand(),
    ...registerExportCommands(),
    ...registerPeerConfigView(context.workspaceState, (region, signal) =>
      accountResources.account.resources(region, signal),
    ),
    registerRuleDocCommand(context.extensionUri),
    ...registerCredentialCommands(services),
    ...registerTasksView(services, tasksChanged),
    ...tunnels.disposables,
  );
  // Polling resumes for every record a previous window left running.
  services.poller.start();
  const history = services.history;
  return {
    languageClientReady: languageClientHost.ready,
    getTasks: () => history.list(),
    onDidChangeTasks: tasksChanged.event,
    outputLines: () => log.snapshot(),
    accountTree: tunnels.accountTree,
    tunnelStatus: tunnels.tunnelStatus,
    onDidChangeTunnelStatus: tunnels.onDidChangeTunnelStatus,
  };
}

/** Stops the language server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  await languageClientHost?.dispose();
  languageClientHost = undefined;
}
