/**
 * The tree's commands: refresh, clear finished, copy an id, open the source file, show the full response, remove.
 * Each takes the node the user right-clicked (VS Code passes it); refresh and clear also work from the title bar.
 */
import * as vscode from 'vscode';
import { next, outcomeUnknown } from '../cloud/submissionRecord';
import { ResponseDocumentProvider, RESPONSE_SCHEME } from './responseView';
import type { Services } from './services';
import { DetailNode, TaskNode, TreeNode } from './taskNodes';
import type { TaskTreeProvider } from './taskTree';
import { Commands } from './commands';

function taskOf(node: TreeNode | undefined): TaskNode | undefined {
  return node instanceof DetailNode ? node.parent : node;
}

/** Opens the file a task was submitted from. */
async function openSource(node: TreeNode | undefined): Promise<void> {
  const task = taskOf(node);
  if (!task) return;
  const source = task.record.source;
  const uri =
    /^[a-z][\w+.-]+:/i.test(source) && !/^[a-z]:\\/i.test(source) ? vscode.Uri.parse(source) : vscode.Uri.file(source);
  try {
    await vscode.window.showTextDocument(uri);
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('The source file {0} cannot be opened.', source));
  }
}

/** Registers the tree's commands. */
export function registerTaskCommands(services: Services, tree: TaskTreeProvider): vscode.Disposable[] {
  const { history, poller } = services;
  const responses = new ResponseDocumentProvider(history);
  const refresh = (node?: TreeNode): void => {
    const task = taskOf(node);
    const ids = task ? [task.record.id] : history.unfinished().map((record) => record.id);
    ids.forEach((id) => poller.track(id));
    tree.refreshAll();
  };
  const copyId = async (node?: TreeNode): Promise<void> => {
    if (!(node instanceof DetailNode)) return;
    await vscode.env.clipboard.writeText(node.value);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', node.value), 3000);
  };
  // A record whose create's outcome is unknown is abandoned, not removed: it stays visible, and only then may the
  // file be submitted again (which still looks for the tunnel before creating one).
  const remove = async (node?: TreeNode): Promise<void> => {
    const task = taskOf(node);
    if (!task) return;
    const record = history.get(task.record.id);
    if (!record || !outcomeUnknown(record)) return void (await history.remove(task.record.id));
    const abandon = vscode.l10n.t('Abandon');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The create of "{0}" may still go through: its answer was lost.', record.name),
      {
        modal: true,
        detail: vscode.l10n.t(
          'It is looked up until {0}. Abandon it only to submit the file again; the new submit looks for the tunnel first.',
          record.lookUntil ? new Date(record.lookUntil).toLocaleString() : '?',
        ),
      },
      abandon,
    );
    if (choice === abandon) await history.replace(next(record, { type: 'abandoned' }));
  };
  const showResponse = async (node?: TreeNode): Promise<void> => {
    const task = taskOf(node);
    if (task) await responses.show(task.record.id, task.record.name);
  };
  return [
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, responses),
    vscode.commands.registerCommand(Commands.tasksRefresh, refresh),
    vscode.commands.registerCommand(Commands.tasksClearFinished, () => history.clearFinished()),
    vscode.commands.registerCommand(Commands.tasksCopyId, copyId),
    vscode.commands.registerCommand(Commands.tasksOpenSource, openSource),
    vscode.commands.registerCommand(Commands.tasksShowResponse, showResponse),
    vscode.commands.registerCommand(Commands.tasksRemove, remove),
  ];
}
