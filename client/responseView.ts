/**
 * "Show Full Response": a read-only virtual JSON document with a task's record and the API responses it got,
 * masked (they were masked before they were stored; deepMask runs again as a second line of defence).
 */
import * as vscode from 'vscode';
import type { TaskHistory } from '../cloud/history';
import { deepMask } from '../cloud/mask';

export const RESPONSE_SCHEME = 'tencentcloud-vpn-response';

/** Serves `tencentcloud-vpn-response:/<name>.json?<record id>` documents. */
export class ResponseDocumentProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly history: TaskHistory) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const record = this.history.get(uri.query);
    if (!record) return JSON.stringify({ error: vscode.l10n.t('This task is no longer in the history.') }, null, 2);
    const { responses, ...fields } = record;
    return `${JSON.stringify(deepMask({ ...fields, responses }), null, 2)}\n`;
  }

  /** Opens (or re-opens with fresh content) the response document of a record. */
  async show(recordId: string, name: string): Promise<void> {
    const safeName = (name || 'task').replace(/[^\w.-]+/g, '_');
    const uri = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${safeName}.json`, query: recordId });
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  }
}
