/**
 * How the LSP test client initializes a server: the capabilities of an ordinary editor, the locale, the
 * initializationOptions, the settings it answers workspace/configuration with, and the deadline.
 */
import type { ChildProcess } from 'node:child_process';
import type { ClientCapabilities } from 'vscode-languageserver-protocol/node';

/** What the client answers to workspace/configuration, by section ("tencentcloudVpn", "yaml", ...). */
export type SettingsBySection = Record<string, unknown>;

/** An ordinary editor: pulls configuration, markdown hovers and docs, snippets, versioned diagnostics, symbol trees. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    formatting: { dynamicRegistration: false },
  },
};

/** How to initialize; everything is optional. */
export interface StartOptions {
  /** Default: EDITOR_CAPABILITIES, announcing workspace/configuration only when there are `settings` to answer. */
  capabilities?: ClientCapabilities;
  /** The `locale` of initialize; default "en". */
  locale?: string;
  initializationOptions?: unknown;
  /** Answers workspace/configuration (read again at each request) and is pushed once after `initialized`. */
  settings?: SettingsBySection | (() => SettingsBySection);
  /** Deadline of the initialize result; default 30 s. */
  timeoutMs?: number;
  /** Called with the process right after the spawn (the benchmark keeps a list for its exit paths). */
  onSpawn?: (child: ChildProcess) => void;
}

/** Every wait and request without a deadline of its own gets this one. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The capabilities to announce: the given ones, else an editor's that pulls configuration only when it has settings. */
export function capabilitiesFor(options: StartOptions): ClientCapabilities {
  if (options.capabilities) return options.capabilities;
  return {
    ...EDITOR_CAPABILITIES,
    workspace: { ...EDITOR_CAPABILITIES.workspace, configuration: options.settings !== undefined },
  };
}
