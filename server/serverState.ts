/**
 * What the server knows about its client: the locale, whether it answers workspace/configuration, and the
 * current settings. Settings are global (not per folder): one pull per change keeps validation free of
 * round-trips to the client.
 */
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InitializationOptions } from '../protocol/initialization';
import type { AccountResources } from '../language/account/snapshot';
import { isVpnConnectionDocument, type ServiceOptions } from '../language/languageService';
import { DEFAULT_SERVER_SETTINGS, SETTINGS_SECTION, type ServerSettings } from '../protocol/settings';
import { ruleDocLinkFor } from './ruleDocs';
import { effectiveLang, sectionOf, settingsFromInitOptions, settingsFromSection } from './workspaceSettings';

/** The InitializationOptions of `initialize`, typed as the contract but read as untrusted: any JSON may come. */
function initializationOptionsOf(params: InitializeParams): InitializationOptions {
  const raw: unknown = params.initializationOptions;
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as InitializationOptions) : {};
}

/** The client's locale and capabilities and the settings in force, updated as the client sends them. */
export class ServerState {
  settings: ServerSettings = { ...DEFAULT_SERVER_SETTINGS };
  canPullConfiguration = false;
  /** True when the client said it answers the account requests (protocol/messages.ts); else no account features. */
  clientAnswersAccount = false;
  /** The account lookup, once main.ts created it for a client that answers. */
  account: AccountResources | undefined;
  private locale: string | undefined;
  /** The rule links' template (server/ruleDocs.ts): the client's, else a file link to the shipped rules page. */
  private ruleDocLink: string | undefined;

  constructor(private readonly connection: Connection) {}

  /** Takes what `initialize` says: the locale, the capabilities and the InitializationOptions (protocol/). */
  initialize(params: InitializeParams): void {
    const options = initializationOptionsOf(params);
    this.locale = params.locale ?? (typeof options.displayLanguage === 'string' ? options.displayLanguage : undefined);
    this.settings = settingsFromInitOptions(options);
    this.canPullConfiguration = !!params.capabilities.workspace?.configuration;
    this.clientAnswersAccount = options.accountResources === true;
    this.ruleDocLink = ruleDocLinkFor(options.ruleDocLink);
  }

  /** Asks the client for our section; false when it has none to give. */
  async pullConfiguration(): Promise<boolean> {
    const [section] = (await this.connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }])) as unknown[];
    if (section === null || section === undefined) return false;
    this.settings = settingsFromSection(section);
    return true;
  }

  /** A didChangeConfiguration: pull when we can (the payload may be stale or empty), else read the payload. */
  async configurationChanged(payload: unknown): Promise<void> {
    if (this.canPullConfiguration && (await this.pullConfiguration())) return;
    const section = sectionOf(payload);
    if (section) this.settings = settingsFromSection(section);
  }

  /** The service options for a document, or undefined when the document is not a VPN connection file. */
  optionsFor(doc: TextDocument): ServiceOptions | undefined {
    if (!isVpnConnectionDocument(doc, this.settings.filesInclude)) return undefined;
    return {
      lang: effectiveLang(this.settings, this.locale),
      disabledRules: this.settings.disabledRules,
      ...(this.settings.peerVendor ? { peerVendor: this.settings.peerVendor } : {}),
      ...(this.ruleDocLink ? { ruleDocLink: this.ruleDocLink } : {}),
      ...(this.account ? { account: this.account } : {}),
    };
  }
}
