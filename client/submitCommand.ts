/**
 * "Submit Connection": refuses a file with errors (and says which), lets the user pick documents of a YAML stream,
 * shows what will be sent and asks to confirm, then submits through the core with a progress notification. The
 * same file cannot be submitted twice at once. Tests call it as
 * `executeCommand('tencentcloudVpn.submit', uri, { skipConfirmation: true, documents: [0] })` (0-based indexes);
 * it resolves to the records it created (or undefined when nothing was sent).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CredentialsError, Credentials } from '../cloud/credentials';
import { parseSubmitFile, SubmitDocument, syntaxOf } from '../cloud/submitDocuments';
import { assertNotRunning, SubmitRefusedError } from '../cloud/inFlight';
import { chooseRegion } from '../cloud/region';
import { submitDocument } from '../cloud/submission';
import type { TaskRecord } from '../cloud/submissionRecord';
import { formatFinding, isBlocking, validateDocuments } from '../cloud/submitValidation';
import { regionSetting } from './config';
import type { Services } from './services';
import { blockingDiagnostics, confirmSubmit, describeDiagnostic, pickDocuments, PlannedDocument, reportBlocked } from './submitPrompts';
import { reportSubmitted } from './taskNotifications';

/** Programmatic options (in-editor tests, the demo). */
export interface SubmitOptions {
  skipConfirmation?: boolean;
  /** 0-based indexes of the documents of a YAML stream to submit; all of them when absent. */
  documents?: number[];
}

function optionsOf(value: unknown): SubmitOptions {
  const given = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const documents = Array.isArray(given.documents) && given.documents.every(Number.isInteger) ? (given.documents as number[]) : undefined;
  return { skipConfirmation: given.skipConfirmation === true, documents };
}

/** The file's documents, or undefined after telling the user why it cannot be submitted. */
async function checkedDocuments(document: vscode.TextDocument): Promise<SubmitDocument[] | undefined> {
  const fileName = path.basename(document.fileName);
  const diagnostics = blockingDiagnostics(document.uri);
  if (diagnostics.length) return void reportBlocked(fileName, diagnostics.map(describeDiagnostic));
  const parsed = parseSubmitFile(document.getText(), syntaxOf(document.languageId));
  if (parsed.problems.length) return void reportBlocked(fileName, parsed.problems);
  // The server may not have published diagnostics for the latest text yet: the same checks run here too.
  const blocking = validateDocuments(parsed.documents).filter(isBlocking);
  if (blocking.length) return void reportBlocked(fileName, blocking.map((item) => formatFinding(item, vscode.env.language.startsWith('zh') ? 'zh' : 'en')));
  return parsed.documents;
}

async function chooseDocuments(all: SubmitDocument[], options: SubmitOptions): Promise<SubmitDocument[] | undefined> {
  if (!options.documents) return pickDocuments(all);
  const chosen = all.filter((document) => options.documents!.includes(document.index));
  return chosen.length ? chosen : undefined;
}

async function credentialsOrExplain(services: Services): Promise<Credentials | undefined> {
  try {
    return await services.credentials();
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    const setCredentials = vscode.l10n.t('Set Credentials');
    // Not awaited, like every refusal: the command must not hold the file while the message waits for a click.
    void vscode.window
      .showErrorMessage(vscode.l10n.t('No Tencent Cloud credentials found.'), { modal: false, detail: error.tried.join('\n') }, setCredentials)
      .then((choice) => choice === setCredentials && vscode.commands.executeCommand('tencentcloudVpn.setCredentials'));
    return undefined;
  }
}

async function send(services: Services, source: string, planned: PlannedDocument[]): Promise<TaskRecord[]> {
  const title = vscode.l10n.t('Submitting {0} VPN connection(s)…', planned.length);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async (progress) => {
    const records: TaskRecord[] = [];
    for (const { document, region } of planned) {
      progress.report({ message: document.name });
      services.redactor.add(typeof document.params.PreShareKey === 'string' ? document.params.PreShareKey : undefined);
      const client = await services.clients.forRegion(region);
      const record = await submitDocument(client, services.history, { source, document, region });
      services.poller.track(record.id, 1000);
      records.push(record);
    }
    return records;
  });
}

async function run(services: Services, document: vscode.TextDocument, options: SubmitOptions): Promise<TaskRecord[] | undefined> {
  const all = await checkedDocuments(document);
  const chosen = all && (await chooseDocuments(all, options));
  if (!chosen) return undefined;
  const source = document.uri.toString();
  chosen.forEach((item) => assertNotRunning(services.history, source, item.index));
  const credentials = await credentialsOrExplain(services);
  if (!credentials) return undefined;
  const planned = chosen.map((item) => ({ document: item, region: chooseRegion({ documentRegion: item.region, setting: regionSetting(), credentials }) }));
  const endpoint = (await services.clients.forRegion(planned[0].region)).endpoint.display;
  if (!options.skipConfirmation && !(await confirmSubmit(planned, credentials, endpoint))) return undefined;
  const records = await send(services, source, planned);
  reportSubmitted(services, records);
  return records;
}

function refusalMessage(error: unknown, document: vscode.TextDocument, services: Services): string {
  if (error instanceof SubmitRefusedError && error.reason === 'inFlight') {
    return vscode.l10n.t('{0} is already being submitted.', path.basename(document.fileName));
  }
  if (error instanceof SubmitRefusedError) {
    return vscode.l10n.t('"{0}" from this file is still being created; wait for it to finish or remove it from VPN Tasks.', error.subject);
  }
  return services.redactor.redact(error instanceof Error ? error.message : String(error));
}

/** Registers the submit command. */
export function registerSubmitCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('tencentcloudVpn.submit', async (target?: unknown, rawOptions?: unknown) => {
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    if (!uri) return void vscode.window.showWarningMessage(vscode.l10n.t('Open a VPN connection file to submit it.'));
    const document = await vscode.workspace.openTextDocument(uri);
    try {
      return await services.guard.run(uri.toString(), () => run(services, document, optionsOf(rawOptions)));
    } catch (error) {
      const message = refusalMessage(error, document, services);
      void vscode.window.showErrorMessage(vscode.l10n.t('Not submitted: {0}', message));
      services.log.info(`submit refused: ${message}`);
      return undefined;
    }
  });
}
