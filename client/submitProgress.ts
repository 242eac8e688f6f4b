/**
 * One notification per submission: the progress notification that opens when the creates are sent stays open,
 * saying what each tunnel is waiting for (sending, its task, the tunnel's state), until every tunnel has ended,
 * failed or lost its answer; then the single closing notification (taskNotifications.ts) takes its place. The
 * command itself returns once the creates are sent, so the file is free again at once; the Tasks view follows
 * the details. Before this, an accepted create stacked a "submitted" message on the progress and the closing one.
 */
import * as vscode from 'vscode';
import { whenRecord } from '../cloud/history';
import { outcomeUnknown, type SubmissionRecord } from '../cloud/submissionRecord';
import type { Services } from './services';

type Progress = vscode.Progress<{ message?: string }>;

/** Whether a record needs no more following in the notification: ended, failed, or its answer lost. */
export function settledForProgress(record: Pick<SubmissionRecord, 'status' | 'phase'>): boolean {
  return record.status !== 'running' || outcomeUnknown(record);
}

/** The progress line of a record still being created. */
function waitingFor(record: SubmissionRecord): string {
  if (record.taskId) return vscode.l10n.t('"{0}": task {1}, creating…', record.name, record.taskId);
  if (record.vpnConnectionId)
    return vscode.l10n.t('"{0}": {1}, waiting for the tunnel…', record.name, record.vpnConnectionId);
  return vscode.l10n.t('"{0}": sending…', record.name);
}

/** Updates the notification as the records change, and resolves when none needs following. */
async function followRecords(services: Services, records: SubmissionRecord[], progress: Progress): Promise<void> {
  const report = (): void => {
    const open = records
      .map((record) => services.history.get(record.id) ?? record)
      .filter((r) => !settledForProgress(r));
    if (open.length) progress.report({ message: open.map(waitingFor).join(' · ') });
  };
  report();
  const unsubscribe = services.history.onDidChange(report);
  try {
    await Promise.all(records.map((record) => whenRecord(services.history, record.id, settledForProgress)));
  } finally {
    unsubscribe();
  }
}

/**
 * Runs `send` inside one progress notification titled `title`, and returns its records as soon as they are sent;
 * the notification goes on following them (followRecords) and closes when they have all settled.
 */
export function sendInOneNotification(
  services: Services,
  title: string,
  send: (progress: Progress) => Promise<SubmissionRecord[]>,
): Promise<SubmissionRecord[]> {
  return new Promise((resolve, reject) => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async (progress) => {
      let records: SubmissionRecord[];
      try {
        records = await send(progress);
      } catch (error) {
        reject(error);
        return;
      }
      resolve(records);
      await followRecords(services, records, progress);
    });
  });
}
