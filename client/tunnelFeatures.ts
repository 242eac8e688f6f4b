/**
 * Wires the features of files that are tunnels (issue 16) into the extension: the account view, the live-tunnel
 * cache, the diff view, the status bar and CodeLens, and the Show Changes, Apply, Reset and Delete commands. The
 * account cache's refresh (either Refresh command, a credential or settings change) empties the live tunnels too
 * and redraws the view. extension.ts calls this once; it returns what the test API exposes.
 */
import * as vscode from 'vscode';
import type { AccountResourcesProvider } from './accountResources';
import { registerApplyCommand } from './applyCommand';
import { AccountTreeProvider, defaultRegionOf } from './explorer/accountTree';
import { registerAccountExplorer } from './explorer/explorerCommands';
import { LiveDiffProvider } from './liveDiff';
import { LiveTunnelCache } from './liveTunnels';
import type { Services } from './services';
import { registerTunnelCommands } from './tunnelCommands';
import { stateText, TunnelStatus } from './tunnelStatus';

/** What the test API reads of these features. */
export interface TunnelFeatures {
  disposables: vscode.Disposable[];
  accountTree: AccountTreeProvider;
  /** "in sync", "1 change vs live", "N changes vs live", … for a document that names a tunnel; undefined otherwise. */
  tunnelStatus(uri: vscode.Uri): string | undefined;
  onDidChangeTunnelStatus: vscode.Event<void>;
}

/** Registers everything; see the file comment. */
export function registerTunnelFeatures(services: Services, accountResources: AccountResourcesProvider): TunnelFeatures {
  const live = new LiveTunnelCache(services);
  const tree = new AccountTreeProvider({
    account: accountResources.account,
    history: services.history,
    defaultRegion: () => defaultRegionOf(services.credentials),
    describe: (error) => services.redactor.redact(error instanceof Error ? error.message : String(error)),
  });
  const diff = new LiveDiffProvider(services, live);
  const status = new TunnelStatus(services, live);
  const refreshAccount = (): void => accountResources.refresh(false);
  const onRefresh = accountResources.onDidRefresh(() => {
    live.clear();
    tree.refresh();
  });
  return {
    disposables: [
      live,
      diff,
      status,
      onRefresh,
      ...registerAccountExplorer(services, tree, refreshAccount),
      ...registerTunnelCommands({ services, live, diff, tree, refreshAccount }),
      registerApplyCommand(services, live),
    ],
    accountTree: tree,
    tunnelStatus: (uri) => {
      const state = status.stateOf(uri);
      return state && stateText(state);
    },
    onDidChangeTunnelStatus: status.onDidChangeCodeLenses,
  };
}
