/**
 * The extension's side of account-aware editing: answers the language server's ResourcesRequest and
 * LocateResourceRequest (protocol/messages.ts) from the AccountService's cache, honouring the server's cancellation, and
 * offers "Refresh Account Resources". A credential or settings change empties the cache and tells the server,
 * which asks again. Failures are logged (masked) and answered as errors; the server retries later.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LocateResourceRequest, ResourcesChangedNotification, ResourcesRequest } from '../protocol/messages';
import { Settings } from '../protocol/settings';
import { AccountService } from '../cloud/accountService';
import { CancelledError } from '../cloud/backoff';
import { Commands } from './commands';
import { CLIENT_SETTING_IDS, regionSetting } from './config';
import type { Services } from './services';

/** An AbortSignal that aborts when the server cancels its request. */
function signalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

/** The account answers, shared by every language client the host starts. */
export class AccountResourcesProvider implements vscode.Disposable {
  readonly account: AccountService;
  private client: LanguageClient | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires after the cache was emptied (the account view and the live tunnels read again). */
  readonly onDidRefresh = this.refreshed.event;

  constructor(private readonly services: Services) {
    this.account = new AccountService({
      credentials: services.credentials,
      clientFor: (region) => services.clients.forRegion(region),
      regionSetting,
    });
    this.subscriptions.push(
      vscode.commands.registerCommand(Commands.refreshAccountResources, () => this.refresh(true)),
      services.context.secrets.onDidChange(() => this.refresh(false)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if ([...CLIENT_SETTING_IDS, Settings.region].some((id) => event.affectsConfiguration(id))) this.refresh(false);
      }),
    );
  }

  /** Registers the request handlers on a client before it starts (LanguageClientHost calls this for each). */
  attach(client: LanguageClient): void {
    this.client = client;
    client.onRequest(ResourcesRequest.type, (params, token) =>
      this.answer(`resources of ${params.region ?? 'the default region'}`, () =>
        this.account.resources(params.region, signalOf(token)),
      ),
    );
    client.onRequest(LocateResourceRequest.type, async (params, token) => ({
      region: await this.answer(`location of ${params.id}`, () =>
        this.account.locate(params.kind, params.id, params.except, signalOf(token)),
      ),
    }));
  }

  /** Empties the cache and tells the server to ask again; the command also says so in the status bar. */
  refresh(fromCommand: boolean): void {
    this.account.refresh();
    this.refreshed.fire();
    void this.client?.sendNotification(ResourcesChangedNotification.type).catch(() => undefined);
    this.services.log.info('account resources: cache cleared');
    if (fromCommand)
      vscode.window.setStatusBarMessage(vscode.l10n.t('Tencent Cloud account resources will be fetched again.'), 4000);
  }

  private async answer<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof CancelledError))
        this.services.log.info(
          `account lookup (${what}) failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      throw error;
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.refreshed.dispose();
  }
}
