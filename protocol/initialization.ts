/**
 * The `initializationOptions` of the `initialize` request: what a client may tell the language server before
 * anything else. The extension (client/languageClient.ts) sends its display language and that it answers the
 * account requests; other editors (docs/editors.md) send their settings, so the first diagnostics already follow
 * them. The server (server/serverState.ts) reads every field defensively: a foreign client may send anything.
 */
import type { SettingsSection } from './settings';

/** The settings in a wrapper: `{ tencentcloudVpn: {...} }`, or the section itself. */
export type WrappedSettings = { tencentcloudVpn?: SettingsSection } | SettingsSection;

/**
 * Everything the server reads from `initializationOptions`; every field is optional. The settings may come in any
 * of three shapes: `{ settings: { tencentcloudVpn } }`, `{ tencentcloudVpn }` or the section's keys at the top.
 */
export interface InitializationOptions extends SettingsSection {
  /** The client's UI language (VS Code's `env.language`), used when `initialize` carries no `locale`. */
  displayLanguage?: string;
  /**
   * True when the client answers ResourcesRequest and LocateResourceRequest (protocol/messages.ts). A client that
   * leaves it unset (Neovim, most tests) is never asked, and nothing account-related happens.
   */
  accountResources?: boolean;
  /**
   * Where the diagnostics' rule links point: a link with `{rule}` where the rule id goes. The VS Code extension
   * sends a `command:` link that opens the rules page it ships as a Markdown preview at the rule's heading; a client
   * that sends none gets a `file:` link to the server's own copy of docs/rules.md (server/ruleDocs.ts).
   */
  ruleDocLink?: string;
  /** The settings, as `workspace/didChangeConfiguration` would carry them. */
  settings?: WrappedSettings;
  /** The settings section itself. */
  tencentcloudVpn?: SettingsSection;
}
