/**
 * "In sync" or "N changes vs live" for an open file that names a tunnel: a status bar item for the active editor
 * and a CodeLens on the file's `VpnConnectionId` line, both from one plan per document (documentPlan.ts, against the
 * LiveTunnelCache). A plan is made when the editor shows the file, when it is saved, after an edit (debounced, on
 * the cached live tunnel: no request per keystroke) and when the live tunnels are read again (the account cache's
 * refresh, an apply, reset or delete). The item opens the diff; the context key `tencentcloudVpn.fileHasTunnel`
 * shows Show Changes and Apply in the editor's title bar.
 */
import * as vscode from 'vscode';
import { Commands } from './commands';
import { documentTunnel, planDocument, type DocumentPlan } from './documentPlan';
import type { LiveTunnelCache } from './liveTunnels';
import type { Services } from './services';
import { changeLine } from './tunnelPrompts';
import { isUserDocument, tunnelFileOf } from './tunnelFile';

const CONTEXT_KEY = 'tencentcloudVpn.fileHasTunnel';
const EDIT_DELAY_MS = 600;

/** What one document's status says. */
export type TunnelState =
  | { kind: 'checking'; id: string }
  | { kind: 'planned'; id: string; planned: DocumentPlan }
  | { kind: 'blocked'; id: string; problems: string[] }
  | { kind: 'failed'; id: string; message: string };

/** The short text of a state ("in sync", "2 changes vs live"), as the item and the CodeLens show it. */
export function stateText(state: TunnelState): string {
  if (state.kind === 'checking') return vscode.l10n.t('Comparing with the live tunnel…');
  if (state.kind === 'blocked') return vscode.l10n.t('Not compared: the file has errors');
  if (state.kind === 'failed') return vscode.l10n.t('Live tunnel not read');
  const { plan } = state.planned;
  if (plan.inSync) return vscode.l10n.t('in sync');
  return plan.changes.length === 1
    ? vscode.l10n.t('1 change vs live')
    : vscode.l10n.t('{0} changes vs live', plan.changes.length);
}

const ICONS: Record<TunnelState['kind'], string> = {
  checking: '$(sync~spin)',
  planned: '$(check)',
  blocked: '$(error)',
  failed: '$(warning)',
};

function tooltipOf(state: TunnelState): string {
  if (state.kind === 'blocked') return state.problems.slice(0, 5).join('\n');
  if (state.kind === 'failed') return state.message;
  if (state.kind === 'checking') return state.id;
  const { plan } = state.planned;
  return [`${state.id} (${state.planned.region})`, ...plan.changes.map(changeLine)].join('\n');
}

/** The status of every open file that names a tunnel; see the file comment. */
export class TunnelStatus implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly states = new Map<string, TunnelState>();
  private readonly generation = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly item = vscode.window.createStatusBarItem(
    'tencentcloudVpn.tunnelStatus',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after any document's state changed (the CodeLens, the test API). */
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly services: Services,
    private readonly live: LiveTunnelCache,
  ) {
    this.item.name = vscode.l10n.t('Tencent Cloud VPN tunnel');
    this.item.command = Commands.showChanges;
    this.subscriptions = [
      this.item,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) =>
        editor ? this.update(editor.document) : void vscode.commands.executeCommand('setContext', CONTEXT_KEY, false),
      ),
      vscode.workspace.onDidSaveTextDocument((document) => this.update(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.updateLater(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())),
      live.onDidClear(() => vscode.workspace.textDocuments.forEach((document) => this.update(document))),
      vscode.languages.registerCodeLensProvider(
        [{ language: 'tencentcloud-vpn-yaml' }, { language: 'tencentcloud-vpn-json' }],
        this,
      ),
    ];
    const active = vscode.window.activeTextEditor?.document;
    if (active) this.update(active);
  }

  /** The state of a document (the test API), or undefined when it names no tunnel. */
  stateOf(uri: vscode.Uri): TunnelState | undefined {
    return this.states.get(uri.toString());
  }

  /** Plans a document now (or drops its state when it names no tunnel). */
  update(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const id = isUserDocument(document) ? tunnelFileOf(document)?.vpnConnectionId : undefined;
    if (document === vscode.window.activeTextEditor?.document)
      void vscode.commands.executeCommand('setContext', CONTEXT_KEY, Boolean(id));
    if (!id) return this.forget(key);
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    if (this.states.get(key)?.id !== id) this.set(key, { kind: 'checking', id });
    void this.plan(document, id).then((state) => this.generation.get(key) === generation && this.set(key, state));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const state = this.states.get(document.uri.toString());
    const line = tunnelFileOf(document)?.idLine;
    if (!state || line === undefined) return [];
    const range = new vscode.Range(line, 0, line, 0);
    const lenses = [
      new vscode.CodeLens(range, { title: stateText(state), command: Commands.showChanges, arguments: [document.uri] }),
    ];
    if (state.kind === 'planned' && !state.planned.plan.inSync)
      lenses.push(
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Apply Changes'),
          command: Commands.applyChanges,
          arguments: [document.uri],
        }),
      );
    return lenses;
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private async plan(document: vscode.TextDocument, id: string): Promise<TunnelState> {
    try {
      const tunnel = await documentTunnel(this.services, document);
      if (!tunnel)
        return { kind: 'failed', id, message: vscode.l10n.t('This file names no tunnel (no VpnConnectionId).') };
      if (tunnel.read.problems.length) return { kind: 'blocked', id, problems: tunnel.read.problems };
      return { kind: 'planned', id, planned: await planDocument(this.services, this.live, tunnel) };
    } catch (error) {
      return {
        kind: 'failed',
        id,
        message: this.services.redactor.redact(error instanceof Error ? error.message : String(error)),
      };
    }
  }

  private updateLater(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.states.has(key) && !tunnelFileOf(document)?.vpnConnectionId) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => (this.timers.delete(key), this.update(document)), EDIT_DELAY_MS),
    );
  }

  private set(key: string, state: TunnelState): void {
    this.states.set(key, state);
    this.changed.fire();
    this.show();
  }

  private forget(key: string): void {
    // A closed document's pending re-plan must not bring its state back.
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.states.delete(key)) this.changed.fire();
    this.show();
  }

  /** Shows the active document's state in the status bar, or hides the item. */
  private show(): void {
    const active = vscode.window.activeTextEditor?.document;
    const state = active && this.states.get(active.uri.toString());
    if (!state) return this.item.hide();
    const pending = state.kind === 'planned' && !state.planned.plan.inSync;
    this.item.text = `${pending ? '$(diff)' : ICONS[state.kind]} ${stateText(state)}`;
    this.item.tooltip = tooltipOf(state);
    this.item.backgroundColor =
      state.kind === 'planned' && state.planned.plan.needsNewTunnel.length
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    this.item.show();
  }
}
