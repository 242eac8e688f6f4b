/**
 * What the user is told about submissions: once right after sending (accepted, unclear, or refused by the API)
 * and once when a task ends. Nothing in between: progress lives in the tree, not in notifications.
 */
import * as vscode from 'vscode';
import { errorLabel, outcomeUnknown, type SubmissionRecord } from '../cloud/submissionRecord';
import type { Services } from './services';

function errorText(services: Services, record: SubmissionRecord): string {
  return record.error ? services.redactor.redact(errorLabel(record.error)) : '';
}

/** Tells the user how each create went, right after sending. */
export function reportSubmitted(services: Services, records: SubmissionRecord[]): void {
  for (const record of records) {
    if (record.status === 'failed') {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('"{0}" was not created: {1}', record.name, errorText(services, record)),
      );
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
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '"{0}" submitted (task {1}); follow it in VPN Tasks.',
          record.name,
          record.taskId ?? record.vpnConnectionId ?? '',
        ),
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
  const showOutput = vscode.l10n.t('Show Output');
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t('VPN connection "{0}" failed: {1}', record.name, errorText(services, record)),
      showOutput,
    )
    .then((choice) => choice === showOutput && services.log.show());
}
