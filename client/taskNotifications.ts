/**
 * What the user is told about submissions besides the one progress notification that follows them
 * (submitProgress.ts): right after sending, only what went wrong (refused by the API, or the answer lost), and
 * once when a task ends. An accepted create adds no message of its own: the progress notification already says
 * which task it waits for, so notifications never stack.
 */
import * as vscode from 'vscode';
import { errorLabel, outcomeUnknown, type SubmissionRecord } from '../cloud/submissionRecord';
import type { Services } from './services';
import { messageLang } from './config';
import { apiErrorCodesLink } from '../language/features/docLinks';

function errorText(services: Services, record: SubmissionRecord): string {
  return record.error ? services.redactor.redact(errorLabel(record.error)) : '';
}

/**
 * A failure with an API error code offers the API's page that lists the action's error codes, in the UI's
 * language (language/features/docLinks.ts); `extra` buttons come first.
 */
function showFailure(message: string, record: SubmissionRecord, extra: Record<string, () => unknown> = {}): void {
  const page = record.error?.code ? apiErrorCodesLink(record.action, messageLang()) : undefined;
  const actions: Record<string, () => unknown> = { ...extra };
  if (page) actions[vscode.l10n.t('API Error Codes')] = () => vscode.env.openExternal(vscode.Uri.parse(page));
  void vscode.window.showErrorMessage(message, ...Object.keys(actions)).then((choice) => choice && actions[choice]?.());
}

/** Tells the user how each create went, right after sending. */
export function reportSubmitted(services: Services, records: SubmissionRecord[]): void {
  for (const record of records) {
    if (record.status === 'failed') {
      showFailure(vscode.l10n.t('"{0}" was not created: {1}', record.name, errorText(services, record)), record);
    } else if (record.status === 'succeeded') {
      // An unclear create whose lookup found the tunnel already AVAILABLE: the poller will not see it end.
      notifyFinished(services, record);
    } else if (outcomeUnknown(record)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'The answer to creating "{0}" was lost ({1}). It is not submitted again; VPN Tasks shows whether it was created.',
          record.name,
          errorText(services, record),
        ),
      );
    } else {
      // Accepted: the progress notification follows the task; the status bar says it was sent, in passing.
      vscode.window.setStatusBarMessage(
        vscode.l10n.t('"{0}" submitted (task {1})', record.name, record.taskId ?? record.vpnConnectionId ?? ''),
        10_000,
      );
    }
  }
}

/** The notification when a task ends. */
export function notifyFinished(services: Services, record: SubmissionRecord): void {
  if (record.status === 'succeeded') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'VPN connection "{0}" is {1} ({2}).',
        record.name,
        record.tunnelState ?? 'AVAILABLE',
        record.vpnConnectionId ?? '',
      ),
    );
    return;
  }
  showFailure(vscode.l10n.t('VPN connection "{0}" failed: {1}', record.name, errorText(services, record)), record, {
    [vscode.l10n.t('Show Output')]: () => services.log.show(),
  });
}
