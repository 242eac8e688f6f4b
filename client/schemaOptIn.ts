/**
 * A json/jsonc/yaml file that names our schema (a `"$schema"` key or a `yaml-language-server: $schema=` comment
 * pointing at CreateVpnConnection.schema.json) is a VPN connection file whatever its name: switch it to our
 * language, so the language server sees it and the submit command applies. We switch the language rather than
 * widen the document selector because a selector cannot look at a file's content.
 */
import * as vscode from 'vscode';

const SCHEMA_REFERENCE = /(\$schema["']?\s*[:=]\s*["']?[^\s"']*(CreateVpnConnection\.schema\.json|tencentcloud-vpn))/;
const TARGET_LANGUAGE: Record<string, string> = {
  json: 'tencentcloud-vpn-json',
  jsonc: 'tencentcloud-vpn-json',
  yaml: 'tencentcloud-vpn-yaml',
};
const HEAD_LENGTH = 4096;

/** True when the first 4 KB of a document's text name our schema. */
export function namesOurSchema(text: string): boolean {
  return SCHEMA_REFERENCE.test(text.slice(0, HEAD_LENGTH));
}

async function adopt(document: vscode.TextDocument): Promise<void> {
  const target = TARGET_LANGUAGE[document.languageId];
  if (!target || !namesOurSchema(document.getText())) return;
  await vscode.languages.setTextDocumentLanguage(document, target);
}

/** Adopts the already open documents and every one opened later. */
export function registerSchemaOptIn(): vscode.Disposable {
  vscode.workspace.textDocuments.forEach((document) => void adopt(document).catch(() => undefined));
  return vscode.workspace.onDidOpenTextDocument((document) => void adopt(document).catch(() => undefined));
}
