/**
 * Helpers of the in-editor suite. Every wait here is on an event (diagnostics changed, tasks changed) with a
 * deadline that only bounds a failure; nothing sleeps to synchronise.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TencentCloudVpnApi } from '../../../client/api';

export const EXTENSION_ID = 'tcvpn-dev.tencentcloud-vpn-connection';
/** The `source` of every diagnostic our language server publishes; others' diagnostics are ignored. */
export const DIAGNOSTIC_SOURCE = 'tencentcloud-vpn';
const DEFAULT_TIMEOUT_MS = 30_000;

/** Our extension as the host knows it (fails when it is not installed/loaded at all). */
export function ourExtension(): vscode.Extension<TencentCloudVpnApi> {
  const extension = vscode.extensions.getExtension<TencentCloudVpnApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension;
}

/** The extension's API once it is active and its language client has started. */
export async function extensionApi(): Promise<TencentCloudVpnApi> {
  const api = await ourExtension().activate();
  await api.languageClientReady;
  return api;
}

/** A file of the (fresh copy of the) fixture workspace. */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs without a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a fixture file in an editor, as a user would. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Our diagnostics of one file. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** The `code` of a diagnostic as a string, whether it came as a value or as `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Resolves with `check()`'s first defined result, evaluated now and after each firing of `event`; rejects after
 * `timeoutMs` with `describe()` so a failure says what was there instead.
 */
export function waitFor<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined,
  describe: () => string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first !== undefined) return resolve(first);
    const subscription = event(() => {
      let value: T | undefined;
      try {
        value = check();
      } catch (error) {
        finish();
        reject(error);
        return;
      }
      if (value !== undefined) {
        finish();
        resolve(value);
      }
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
  });
}

/** Waits until our diagnostics of `uri` satisfy `predicate`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = ourDiagnostics(uri);
      return predicate(diagnostics) ? diagnostics : undefined;
    },
    () => `${what} on ${uri.path}; diagnostics now: ${describeDiagnostics(ourDiagnostics(uri))}`,
    timeoutMs,
  );
}

/** One line per diagnostic, for failure messages. */
export function describeDiagnostics(diagnostics: vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `[${codeOf(d)}] ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)
    .join(' | ');
}

/** The position just after the first occurrence of `needle` in the document (plus `offset` characters). */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not found in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

/** The plain text of completion labels. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The plain text of a hover's contents. */
export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

/** Sets a user setting for the duration of a test; returns the function that restores the previous value. */
export async function withUserSetting(section: string, key: string, value: unknown): Promise<() => Promise<void>> {
  const configuration = vscode.workspace.getConfiguration(section);
  const previous = configuration.inspect(key)?.globalValue;
  await configuration.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration(section).update(key, previous, vscode.ConfigurationTarget.Global);
  };
}
