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
}
