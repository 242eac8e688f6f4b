/**
 * What `activate()` returns: the surface the in-editor tests and the demo use to observe the extension without
 * reaching into its modules.
 */
import type * as vscode from 'vscode';
import type { SubmissionRecord } from '../cloud/submissionRecord';

export interface TencentCloudVpnApi {
  /** Settles once the language client has started (rejects if it could not). */
  languageClientReady: Promise<void>;
  /** A copy of every task record, newest first. */
  getTasks(): SubmissionRecord[];
  /** Fires after any task record was added, changed or removed. */
  onDidChangeTasks: vscode.Event<void>;
  /** Every line written to the "Tencent Cloud VPN" output channel so far. */
  outputLines(): string[];
  /** The "Tencent Cloud Account" view's data: regions, gateways and their tunnels, customer gateways. */
  accountTree: vscode.TreeDataProvider<unknown>;
  /** The status of an open file that names a tunnel ("in sync", "1 change vs live", "N changes vs live", …); undefined otherwise. */
  tunnelStatus(uri: vscode.Uri): string | undefined;
  /** Fires after any file's tunnel status changed. */
  onDidChangeTunnelStatus: vscode.Event<void>;
}
