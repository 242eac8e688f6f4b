/**
 * Entry point of the extension: wires the language client, the commands, the task history and its poller, and
 * the "VPN Tasks" tree. Each concern lives in its own module under client/vscode; this file only connects them.
 */
import * as vscode from 'vscode';
import { TaskHistory } from './core/history';
import type { TencentCloudVpnApi } from './vscode/api';
import { LanguageClientHost } from './vscode/languageClient';
import { OutputLog } from './vscode/outputLog';
import { registerSchemaOptIn } from './vscode/schemaOptIn';

let languageClientHost: LanguageClientHost | undefined;

/** Activates the extension and returns its test API. */
export function activate(context: vscode.ExtensionContext): TencentCloudVpnApi {
  const log = new OutputLog('Tencent Cloud VPN');
  const history = new TaskHistory(context.globalState);
  const tasksChanged = new vscode.EventEmitter<void>();
  const unsubscribe = history.onDidChange(() => tasksChanged.fire());
  languageClientHost = new LanguageClientHost(log);
  context.subscriptions.push(log, tasksChanged, { dispose: unsubscribe }, registerSchemaOptIn());
  return {
    languageClientReady: languageClientHost.ready,
    getTasks: () => history.list(),
    onDidChangeTasks: tasksChanged.event,
    outputLines: () => log.snapshot(),
  };
}

/** Stops the language server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  await languageClientHost?.dispose();
  languageClientHost = undefined;
}
