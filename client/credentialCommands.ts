/**
 * "Set Credentials" and "Clear Credentials": the key pair lives in VS Code's SecretStorage only. The SecretKey is
 * typed into a password box and never echoed back; confirmations show the SecretId masked. Tests and the demo
 * may pass `{ secretId, secretKey }` instead of typing.
 */
import * as vscode from 'vscode';
import { SECRET_ID_KEY, SECRET_KEY_KEY } from '../cloud/credentials';
import { maskSecretId } from '../cloud/mask';
import { Commands } from './commands';
import type { Services } from './services';

interface KeyPair {
  secretId: string;
  secretKey: string;
}

function isKeyPair(value: unknown): value is KeyPair {
  const pair = value as KeyPair | undefined;
  return (
    typeof pair?.secretId === 'string' &&
    typeof pair.secretKey === 'string' &&
    !!pair.secretId.trim() &&
    !!pair.secretKey.trim()
  );
}

async function askKeyPair(): Promise<KeyPair | undefined> {
  const secretId = await vscode.window.showInputBox({
    title: vscode.l10n.t('Tencent Cloud SecretId'),
    prompt: vscode.l10n.t('The SecretId of an API key (Console > Access Management > API Keys).'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The SecretId cannot be empty.')),
  });
  if (!secretId) return undefined;
  const secretKey = await vscode.window.showInputBox({
    title: vscode.l10n.t('Tencent Cloud SecretKey'),
    prompt: vscode.l10n.t("The SecretKey of the same API key. It is kept in VS Code's secret storage only."),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The SecretKey cannot be empty.')),
  });
  return secretKey ? { secretId: secretId.trim(), secretKey: secretKey.trim() } : undefined;
}

/** Registers Set Credentials and Clear Credentials. */
export function registerCredentialCommands(services: Services): vscode.Disposable[] {
  const { secrets } = services.context;
  const set = async (given?: unknown): Promise<boolean> => {
    const pair = isKeyPair(given) ? given : await askKeyPair();
    if (!pair) return false;
    services.redactor.add(pair.secretKey);
    await secrets.store(SECRET_ID_KEY, pair.secretId.trim());
    await secrets.store(SECRET_KEY_KEY, pair.secretKey.trim());
    services.clients.reset();
    services.log.info(`credentials saved in secret storage: ${maskSecretId(pair.secretId)}`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t("Credentials saved in VS Code's secret storage ({0}).", maskSecretId(pair.secretId)),
    );
    return true;
  };
  const clear = async (): Promise<void> => {
    await secrets.delete(SECRET_ID_KEY);
    await secrets.delete(SECRET_KEY_KEY);
    services.clients.reset();
    services.log.info('credentials removed from secret storage');
    void vscode.window.showInformationMessage(vscode.l10n.t("Credentials removed from VS Code's secret storage."));
  };
  return [
    vscode.commands.registerCommand(Commands.setCredentials, set),
    vscode.commands.registerCommand(Commands.clearCredentials, clear),
  ];
}
