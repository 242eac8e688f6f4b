/**
 * Reads the client's settings (ids from protocol/settings.ts, the single source of truth) into the plain shapes
 * the core takes.
 */
import * as vscode from 'vscode';
import { Settings } from '../protocol/settings';
import type { ClientSettings } from '../cloud/clientFactory';
import type { CredentialSource } from '../cloud/credentials';
import { requestLanguageOf, type RequestLanguageSetting } from '../cloud/requestLanguage';

/** The settings that change how requests are made; a change to any of them resets the cached clients. */
export const CLIENT_SETTING_IDS = [
  Settings.endpoint,
  Settings.requestLanguage,
  Settings.requestTimeout,
  Settings.credentialSource,
  Settings.tccliProfile,
];

function read<T>(id: string, fallback: T): T {
  return vscode.workspace.getConfiguration().get<T>(id, fallback);
}

/** Endpoint, language and timeout for new clients. */
export function clientSettings(): ClientSettings {
  return {
    endpoint: read<string>(Settings.endpoint, ''),
    // "auto" (the default) follows VS Code's display language, so API errors read in the UI's language.
    language: requestLanguageOf(read<RequestLanguageSetting>(Settings.requestLanguage, 'auto'), vscode.env.language),
    timeoutSeconds: read<number>(Settings.requestTimeout, 60),
  };
}

/** Where credentials come from and which tccli profile to read. */
export function credentialSettings(): { source: CredentialSource; profile?: string } {
  const profile = read<string>(Settings.tccliProfile, 'default').trim();
  // "default" is the setting's default: leave the choice to TCCLI_PROFILE then, as tccli does.
  return {
    source: read<CredentialSource>(Settings.credentialSource, 'auto'),
    profile: profile && profile !== 'default' ? profile : undefined,
  };
}

/** The language of the extension's own messages and of the checks it runs: the UI's. */
export function messageLang(): 'zh' | 'en' {
  return vscode.env.language.startsWith('zh') ? 'zh' : 'en';
}

/** The region setting (a default for documents without a Region key). */
export function regionSetting(): string {
  return read<string>(Settings.region, '');
}

/** The format "Open as File" writes an existing tunnel in (YAML unless the user chose JSON). */
export function importFormatSetting(): 'yaml' | 'json' {
  return read<string>(Settings.importFormat, 'yaml') === 'json' ? 'json' : 'yaml';
}
