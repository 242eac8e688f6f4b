/**
 * The "VPN Tasks" tree data provider: a thin view over the history. Nodes are cached per record id, so a change
 * to one record fires onDidChangeTreeData for that node only.
 */
import * as vscode from 'vscode';
import type { TaskHistory } from '../cloud/history';
import { DetailNode, TaskNode, TreeNode } from './taskNodes';

export const TASKS_VIEW_ID = 'tencentcloudVpn.tasks';

/** Shows every task record, newest first. */
export class TaskTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  private readonly nodes = new Map<string, TaskNode>();
  private readonly unsubscribe: () => void;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly history: TaskHistory) {
    this.unsubscribe = history.onDidChange((id) => this.onHistoryChanged(id));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node instanceof TaskNode) return node.children();
    if (node instanceof DetailNode) return [];
    const records = this.history.list();
    this.nodes.forEach((_, id) => records.some((record) => record.id === id) || this.nodes.delete(id));
    return records.map((record) => this.nodeFor(record.id, record));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node instanceof DetailNode ? node.parent : undefined;
  }

  /** The current node of a record (for tests and reveal). */
  node(id: string): TaskNode | undefined {
    return this.nodes.get(id);
  }

  /** Redraws every node (e.g. so the ages stay current). */
  refreshAll(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.unsubscribe();
    this.changed.dispose();
  }

  private nodeFor(id: string, record = this.history.get(id)): TaskNode {
    let node = this.nodes.get(id);
    if (!node) {
      node = new TaskNode(record!);
      this.nodes.set(id, node);
    } else if (record) node.record = record;
    return node;
  }

  private onHistoryChanged(id: string | undefined): void {
    const record = id ? this.history.get(id) : undefined;
    const node = id ? this.nodes.get(id) : undefined;
    if (!record || !node) return this.changed.fire(undefined);
    node.record = record;
    this.changed.fire(node);
  }
}
