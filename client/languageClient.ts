/**
 * Starts the language server (dist/server.js, next to dist/client.js) over stdio and keeps it running: a crashed
 * server is restarted, and a change of `tencentcloudVpn.files.include` restarts the client with the new selector.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ErrorHandler,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import type { InitializationOptions } from '../protocol/initialization';
import { SETTINGS_SECTION, Settings } from '../protocol/settings';
import type { LogSink } from '../cloud/log';
import { RULE_DOC_LINK } from './ruleDocs';

type DocumentSelector = NonNullable<LanguageClientOptions['documentSelector']>;

export const LANGUAGE_IDS = ['tencentcloud-vpn-json', 'tencentcloud-vpn-yaml'] as const;
const PLAIN_LANGUAGES = ['json', 'jsonc', 'yaml'];
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Globs relative to no folder match anywhere, as users expect from `files.include`-style settings. */
export function anchorGlob(glob: string): string {
  return glob.startsWith('**/') || glob.startsWith('/') || /^[a-zA-Z]:/.test(glob) ? glob : `**/${glob}`;
}

/** Our two languages, plus json/jsonc/yaml files matching the user's include globs. */
export function documentSelectorFor(includeGlobs: readonly string[]): DocumentSelector {
  const extra = includeGlobs.flatMap((glob) =>
    PLAIN_LANGUAGES.map((language) => ({ language, pattern: anchorGlob(glob) })),
  );
  return [...LANGUAGE_IDS.map((language) => ({ language })), ...extra];
}

/** Restarts a crashed server, unless it crashed MAX_RESTARTS times within three minutes. */
class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly log: LogSink) {}

  error(): { action: ErrorAction } {
    return { action: ErrorAction.Continue };
  }

  closed(): { action: CloseAction; message?: string; handled?: boolean } {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length && now - this.restarts[0] > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length > MAX_RESTARTS) {
      const message = vscode.l10n.t(
        'The Tencent Cloud VPN language server stopped {0} times in 3 minutes and will not be restarted.',
        MAX_RESTARTS,
      );
      this.log.info(message);
      return { action: CloseAction.DoNotRestart, message };
    }
    this.log.info(vscode.l10n.t('The Tencent Cloud VPN language server stopped; restarting it.'));
    return { action: CloseAction.Restart, handled: true };
  }
}

/** Owns the LanguageClient; `ready` settles once the first start finished. */
export class LanguageClientHost implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly ready: Promise<void>;

  /** `configure` runs on every client before it starts (the account request handlers attach there). */
  constructor(
    private readonly log: LogSink,
    private readonly configure: (client: LanguageClient) => void = () => undefined,
  ) {
    this.ready = this.start();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(Settings.filesInclude)) void this.restart();
      }),
    );
  }

  /** The running client, for tests and other features that need it. */
  get current(): LanguageClient | undefined {
    return this.client;
  }

  private async start(): Promise<void> {
    const include = vscode.workspace.getConfiguration().get<string[]>(Settings.filesInclude, []);
    this.client = createClient(documentSelectorFor(include), this.log);
    this.configure(this.client);
    await this.client.start();
    this.log.info(vscode.l10n.t('Language server started.'));
  }

  private async restart(): Promise<void> {
    await this.client?.stop().catch(() => undefined);
    await this.start().catch((error: unknown) => this.log.info(String(error)));
  }

  async dispose(): Promise<void> {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    await this.client?.stop().catch(() => undefined);
  }
}

/** What the server learns at start-up (protocol/initialization.ts). */
function initializationOptions(): InitializationOptions {
  // The extension answers the server's account requests (client/accountResources.ts), so the server may ask.
  // Rule links open the shipped rules page inside VS Code (client/ruleDocs.ts).
  return { displayLanguage: vscode.env.language, accountResources: true, ruleDocLink: RULE_DOC_LINK };
}

function createClient(documentSelector: DocumentSelector, log: LogSink): LanguageClient {
  const module = path.join(__dirname, 'server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    // No inspector port in debug mode either: nothing we start listens anywhere.
    debug: { module, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: SETTINGS_SECTION },
    errorHandler: new RestartingErrorHandler(log),
    initializationOptions: initializationOptions(),
  };
  return new LanguageClient(
    'tencentcloudVpn',
    vscode.l10n.t('Tencent Cloud VPN Language Server'),
    serverOptions,
    clientOptions,
  );
}
