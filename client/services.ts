/**
 * The long-lived objects every command shares, created once in activate(): the history (in globalState), the one
 * poller, the client factory (settings + credentials), the in-flight guard and the output log.
 */
import * as vscode from 'vscode';
import { ClientFactory } from '../cloud/clientFactory';
import { Credentials, resolveCredentials } from '../cloud/credentials';
import { TaskHistory } from '../cloud/history';
import { InFlightGuard } from '../cloud/inFlight';
import { SecretRedactor } from '../cloud/mask';
import { TaskPoller } from '../cloud/taskPoller';
import type { SubmissionRecord } from '../cloud/submissionRecord';
import { CLIENT_SETTING_IDS, clientSettings, credentialSettings } from './config';
import type { OutputLog } from './outputLog';

/** Shared state of the extension's client side. */
export interface Services {
  context: vscode.ExtensionContext;
  log: OutputLog;
  history: TaskHistory;
  poller: TaskPoller;
  clients: ClientFactory;
  guard: InFlightGuard;
  /** Hides every secret value the extension has seen from the output channel and notifications. */
  redactor: SecretRedactor;
  credentials(): Promise<Credentials>;
}

/** Builds the services; `onFinished` is told when a task ends (the notification). */
export function createServices(
  context: vscode.ExtensionContext,
  log: OutputLog,
  onFinished: (record: SubmissionRecord) => void,
): Services {
  const redactor = log.redactor;
  const credentials = async (): Promise<Credentials> => {
    const found = await resolveCredentials({ ...credentialSettings(), secrets: context.secrets });
    redactor.add(found.secretKey, found.token);
    return found;
  };
  const history = new TaskHistory(context.globalState);
  const clients = new ClientFactory({ settings: clientSettings, credentials, log });
  const poller = new TaskPoller({ history, clientFor: (region) => clients.forRegion(region), log, onFinished });
  context.subscriptions.push(
    { dispose: () => poller.dispose() },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (CLIENT_SETTING_IDS.some((id) => event.affectsConfiguration(id))) clients.reset();
    }),
    context.secrets.onDidChange(() => clients.reset()),
  );
  return { context, log, history, poller, clients, guard: new InFlightGuard(), redactor, credentials };
}
