/**
 * The long-lived objects every command shares, created once in activate(): the history, the one poller, the client
 * factory (settings + credentials), the in-flight guard and the output log. The history is the record store of the
 * user's state directory (cloud/stateDir.ts), shared with every window and every `tcvpn` process, so one tunnel
 * is never created twice from two places; what older versions kept in globalState is copied into it once, and
 * changes other processes write are picked up by watching the store's folder.
 */
import * as vscode from 'vscode';
import { ClientFactory } from '../cloud/clientFactory';
import { Credentials, resolveCredentials } from '../cloud/credentials';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TaskHistory } from '../cloud/history';
import { loadRecords } from '../cloud/recordMigration';
import { FileRecordStore, STORAGE_KEY } from '../cloud/recordStore';
import { stateDir } from '../cloud/stateDir';
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
  const history = sharedHistory(context);
  const clients = new ClientFactory({ settings: clientSettings, credentials, log });
  const poller = new TaskPoller({ history, clientFor: (region) => clients.forRegion(region), log, onFinished });
  context.subscriptions.push(
    { dispose: () => poller.dispose() },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (CLIENT_SETTING_IDS.some((id) => event.affectsConfiguration(id))) clients.reset();
    }),
    context.secrets.onDidChange(() => clients.reset()),
    watchStore(history),
  );
  return { context, log, history, poller, clients, guard: new InFlightGuard(), redactor, credentials };
}

/** The shared history, with what an older version kept in globalState copied in once (then cleared there). */
function sharedHistory(context: vscode.ExtensionContext): TaskHistory {
  const history = new TaskHistory(new FileRecordStore(stateDir()));
  const legacy = loadRecords(context.globalState.get<unknown>(STORAGE_KEY));
  if (legacy.length) {
    const known = new Set(history.list().map((record) => record.id));
    void Promise.all(legacy.filter((record) => !known.has(record.id)).map((record) => history.upsert(record))).then(
      () => context.globalState.update(STORAGE_KEY, undefined),
    );
  }
  return history;
}

/** Re-reads the history when another process writes a record (debounced; a folder that cannot be watched is not). */
function watchStore(history: TaskHistory): vscode.Disposable {
  const folder = path.join(history.store.location, 'records');
  let timer: NodeJS.Timeout | undefined;
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const watcher = fs.watch(folder, () => {
      clearTimeout(timer);
      timer = setTimeout(() => history.reload(), 200);
    });
    watcher.on('error', () => watcher.close());
    return { dispose: () => (clearTimeout(timer), watcher.close()) };
  } catch {
    return { dispose: () => undefined };
  }
}
