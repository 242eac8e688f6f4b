/**
 * "Submit Connection": refuses a file with errors (and says which), lets the user pick documents of a YAML stream,
 * shows what will be sent and asks to confirm, then submits through the cloud client with a progress notification.
 * The planning is the cloud client's (cloud/plan.ts), shared with `tcvpn submit`; this file answers its choices
 * with prompts. The same file cannot be submitted twice at once. Tests call it as
 * `executeCommand(Commands.submit, uri, { skipConfirmation: true, documents: [0] })` (0-based indexes);
 * it resolves to the records it created (or undefined when nothing was sent).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { outcomeUnknown, type SubmissionRecord } from '../cloud/submissionRecord';
import { CredentialsError } from '../cloud/credentials';
import { SubmitRefusedError } from '../cloud/inFlight';
import {
  planSubmission,
  syntaxOf,
  type PlanChoices,
  type PlanInput,
  type SubmissionPlan,
  type SubmittableDocument,
} from '../cloud/plan';
import { submitDocument } from '../cloud/submission';
import { Settings } from '../protocol/settings';
import { messageLang, regionSetting } from './config';
import type { Services } from './services';
import { blockingDiagnostics, confirmSubmit, describeDiagnostic, pickDocuments, reportBlocked } from './submitPrompts';
import { reportSubmitted } from './taskNotifications';
import { sendInOneNotification } from './submitProgress';
import { Commands } from './commands';

/** Programmatic options (in-editor tests, the demo). */
export interface SubmitOptions {
  skipConfirmation?: boolean;
  /** 0-based indexes of the documents of a YAML stream to submit; all of them when absent. */
  documents?: number[];
}

function optionsOf(value: unknown): SubmitOptions {
  const given = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const documents =
    Array.isArray(given.documents) && given.documents.every(Number.isInteger)
      ? (given.documents as number[])
      : undefined;
  return { skipConfirmation: given.skipConfirmation === true, documents };
}

/** The extension's answers to the planning's choices: the quick pick and the modal, unless the options decide. */
function promptChoices(options: SubmitOptions): PlanChoices {
  return {
    pickDocuments: async (all: readonly SubmittableDocument[]) =>
      options.documents ? all.filter((document) => options.documents!.includes(document.index)) : pickDocuments(all),
    region: { setting: regionSetting() },
    confirm: async (plan: SubmissionPlan) => options.skipConfirmation === true || confirmSubmit(plan),
  };
}

/** What the extension knows about the file and the user. */
function planInput(services: Services, document: vscode.TextDocument): PlanInput {
  return {
    file: {
      text: document.getText(),
      kind: syntaxOf(document.languageId),
      uri: document.uri.toString(),
      source: document.uri.toString(),
    },
    check: {
      lang: messageLang(),
      disabledRules: vscode.workspace.getConfiguration().get<string[]>(Settings.disabledRules, []),
    },
    history: services.history,
    credentials: () => services.credentials(),
    endpointFor: async (region) => (await services.clients.forRegion(region)).endpoint.display,
  };
}

/** Says no credentials were found and offers to set them; not awaited, like every refusal. */
function explainMissingCredentials(error: CredentialsError): void {
  const setCredentials = vscode.l10n.t('Set Credentials');
  // The command must not hold the file while the message waits for a click.
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t('No Tencent Cloud credentials found.'),
      { modal: false, detail: error.tried.join('\n') },
      setCredentials,
    )
    .then((choice) => choice === setCredentials && vscode.commands.executeCommand(Commands.setCredentials));
}

/** The plan, or undefined after telling the user why nothing will be sent. */
async function planFor(
  services: Services,
  document: vscode.TextDocument,
  options: SubmitOptions,
): Promise<SubmissionPlan | undefined> {
  const fileName = path.basename(document.fileName);
  // What the user sees in the Problems view blocks first; the plan checks the newest text again.
  const diagnostics = blockingDiagnostics(document.uri);
  if (diagnostics.length) return void reportBlocked(fileName, diagnostics.map(describeDiagnostic));
  try {
    const result = await planSubmission(planInput(services, document), promptChoices(options));
    if (result.outcome === 'blocked') reportBlocked(fileName, result.problems);
    return result.outcome === 'ready' ? result.plan : undefined;
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    return void explainMissingCredentials(error);
  }
}

async function send(services: Services, plan: SubmissionPlan): Promise<SubmissionRecord[]> {
  const count = plan.documents.length;
  const title =
    count === 1 ? vscode.l10n.t('Creating 1 VPN connection') : vscode.l10n.t('Creating {0} VPN connections', count);
  // One notification for the whole submission: it follows the tasks and closes when they end (submitProgress.ts).
  return sendInOneNotification(services, title, async (progress) => {
    const records: SubmissionRecord[] = [];
    for (const planned of plan.documents) {
      progress.report({ message: planned.document.name });
      services.redactor.add(
        typeof planned.document.params.PreShareKey === 'string' ? planned.document.params.PreShareKey : undefined,
      );
      const client = await services.clients.forRegion(planned.region);
      const record = await submitDocument(client, services.history, planned);
      services.poller.track(record.id, 1000);
      records.push(record);
    }
    return records;
  });
}

async function run(
  services: Services,
  document: vscode.TextDocument,
  options: SubmitOptions,
): Promise<SubmissionRecord[] | undefined> {
  const plan = await planFor(services, document, options);
  if (!plan) return undefined;
  const records = await send(services, plan);
  reportSubmitted(services, records);
  return records;
}

function refusalMessage(error: unknown, document: vscode.TextDocument, services: Services): string {
  if (error instanceof SubmitRefusedError && error.reason === 'inFlight') {
    return vscode.l10n.t('{0} is already being submitted.', path.basename(document.fileName));
  }
  if (error instanceof SubmitRefusedError && error.running && outcomeUnknown(error.running)) {
    return vscode.l10n.t(
      '"{0}" is already being created and its outcome is unknown (looked up until {1}); wait, or Abandon it in VPN Tasks to submit again.',
      error.subject,
      error.running.lookUntil ? new Date(error.running.lookUntil).toLocaleString() : '?',
    );
  }
  if (error instanceof SubmitRefusedError) {
    return vscode.l10n.t(
      '"{0}" from this file is still being created; wait for it to finish or remove it from VPN Tasks.',
      error.subject,
    );
  }
  return services.redactor.redact(error instanceof Error ? error.message : String(error));
}

/** Registers the submit command. */
export function registerSubmitCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.submit, async (target?: unknown, rawOptions?: unknown) => {
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
