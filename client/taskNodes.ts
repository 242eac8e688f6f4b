/**
 * The "VPN Tasks" tree's nodes: one TaskNode per submission (icon per state) and DetailNode children for its ids,
 * tunnel state, error or Output. Nodes hold no secrets: records are masked before they are stored.
 */
import * as vscode from 'vscode';
import { errorLabel, outcomeUnknown, type SubmissionRecord } from '../cloud/submissionRecord';

const STATE_ICONS: Record<SubmissionRecord['status'], vscode.ThemeIcon> = {
  running: new vscode.ThemeIcon('sync~spin'),
  succeeded: new vscode.ThemeIcon('check', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
};

/** "just now", "5 min ago", "3 h ago", "2 d ago". */
export function ageOf(since: number, now = Date.now()): string {
  const minutes = Math.floor((now - since) / 60_000);
  if (minutes < 1) return vscode.l10n.t('just now');
  if (minutes < 60) return vscode.l10n.t('{0} min ago', minutes);
  if (minutes < 24 * 60) return vscode.l10n.t('{0} h ago', Math.floor(minutes / 60));
  return vscode.l10n.t('{0} d ago', Math.floor(minutes / (24 * 60)));
}

/** One submission. Its `record` is replaced in place when the history changes, so the tree keeps the node. */
export class TaskNode {
  constructor(public record: SubmissionRecord) {}

  toTreeItem(): vscode.TreeItem {
    const { record } = this;
    const item = new vscode.TreeItem(
      record.name || vscode.l10n.t('(unnamed)'),
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = record.id;
    item.description = `${record.region} · ${ageOf(record.createdAt)}`;
    item.iconPath = STATE_ICONS[record.status];
    item.contextValue = `task-${record.status}`;
    item.tooltip = this.tooltip();
    return item;
  }

  children(): DetailNode[] {
    const { record } = this;
    const details: DetailNode[] = [];
    const add = (label: string, value: string | undefined, copyable = false, icon?: string): void => {
      if (value) details.push(new DetailNode(this, label, value, copyable, icon));
    };
    add(vscode.l10n.t('TaskId / RequestId'), record.taskId ?? record.requestId, true, 'tag');
    add(vscode.l10n.t('VpnConnectionId'), record.vpnConnectionId, true, 'plug');
    add(vscode.l10n.t('Tunnel state'), record.tunnelState, false, 'pulse');
    add(vscode.l10n.t('Task status'), record.taskStatus, false, 'tasklist');
    add(vscode.l10n.t('Output'), record.status === 'failed' ? undefined : record.output, false, 'output');
    add(vscode.l10n.t('Error'), record.error && errorLabel(record.error), false, 'warning');
    add(
      vscode.l10n.t('Retrying after'),
      record.pollError && `${record.pollError.code ?? ''} ${record.pollError.message}`.trim(),
      false,
      'debug-restart',
    );
    if (outcomeUnknown(record)) {
      add(vscode.l10n.t('Checking'), vscode.l10n.t('whether the create went through'), false, 'search');
      add(
        vscode.l10n.t('Looked up until'),
        record.lookUntil === undefined ? undefined : new Date(record.lookUntil).toLocaleString(),
        false,
        'clock',
      );
    }
    return details;
  }

  private tooltip(): vscode.MarkdownString {
    const { record } = this;
    const lines = [
      `**${record.name}** · ${record.action}`,
      `${vscode.l10n.t('Region')}: ${record.region}`,
      `${vscode.l10n.t('Source')}: ${record.source}`,
      `${vscode.l10n.t('Submitted')}: ${new Date(record.createdAt).toLocaleString()}`,
    ];
    const tooltip = new vscode.MarkdownString(lines.join('  \n'));
    tooltip.isTrusted = false;
    return tooltip;
  }
}

/** One fact about a submission; `...-id` nodes can be copied. */
export class DetailNode {
  constructor(
    readonly parent: TaskNode,
    readonly label: string,
    readonly value: string,
    readonly copyable: boolean,
    readonly icon?: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parent.record.id}/${this.label}`;
    item.description = this.value;
    item.tooltip = `${this.label}: ${this.value}`;
    item.contextValue = this.copyable ? 'detail-id' : 'detail';
    if (this.icon) item.iconPath = new vscode.ThemeIcon(this.icon);
    return item;
  }
}

export type TreeNode = TaskNode | DetailNode;
