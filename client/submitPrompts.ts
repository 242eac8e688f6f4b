/**
 * What the submit command asks and tells before sending: the file's blocking errors, the choice of documents in a
 * YAML stream, and the modal confirmation that shows exactly what will be sent (secrets masked).
 */
import * as vscode from 'vscode';
import { maskSecret, maskSecretId } from '../cloud/mask';
import { SUBMIT_ACTION, type SubmissionPlan, type SubmittableDocument } from '../cloud/plan';
import { DIAGNOSTIC_SOURCE } from '../language';

export { DIAGNOSTIC_SOURCE };
const LISTED_ERRORS = 5;

/** The language server's error diagnostics on a file. */
export function blockingDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter(
      (diagnostic) =>
        diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.severity === vscode.DiagnosticSeverity.Error,
    );
}

/** "line 12: message [code]" for a diagnostic. */
export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return (
    vscode.l10n.t('line {0}: {1}', diagnostic.range.start.line + 1, diagnostic.message) + (code ? ` [${code}]` : '')
  );
}

/** Tells the user the file cannot be submitted and why; offers the Problems view. */
export function reportBlocked(fileName: string, problems: string[]): void {
  const listed = problems.slice(0, LISTED_ERRORS).join('\n');
  const more =
    problems.length > LISTED_ERRORS ? `\n${vscode.l10n.t('…and {0} more.', problems.length - LISTED_ERRORS)}` : '';
  const showProblems = vscode.l10n.t('Show Problems');
  // Not awaited: the command ends (and frees the file for the next submit) while the message waits for a click.
  void vscode.window
    .showErrorMessage(
      problems.length === 1
        ? vscode.l10n.t('{0} has 1 error and was not submitted.', fileName)
        : vscode.l10n.t('{0} has {1} errors and was not submitted.', fileName, problems.length),
      { modal: false, detail: listed + more },
      showProblems,
    )
    .then((choice) => choice === showProblems && vscode.commands.executeCommand('workbench.actions.view.problems'));
}

/** Lets the user pick documents of a YAML stream; undefined when cancelled. */
export async function pickDocuments(
  documents: readonly SubmittableDocument[],
): Promise<readonly SubmittableDocument[] | undefined> {
  if (documents.length <= 1) return documents;
  const items = documents.map((document) => ({
    label: `${document.index + 1}. ${document.name || vscode.l10n.t('(unnamed)')}`,
    description: [document.region, document.vpnGatewayId, document.customerGatewayId].filter(Boolean).join(' · '),
    picked: true,
    document,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Which documents should be submitted?'),
    ignoreFocusOut: true,
  });
  return picked && picked.length ? picked.map((item) => item.document) : undefined;
}

function summaryLines(plan: SubmissionPlan): string[] {
  const { credentials } = plan;
  const lines = [
    `${vscode.l10n.t('Action')}: ${SUBMIT_ACTION}`,
    `${vscode.l10n.t('Account')}: ${maskSecretId(credentials.secretId)} (${credentials.source})`,
    `${vscode.l10n.t('Endpoint')}: ${plan.endpoint}`,
  ];
  for (const { document, region } of plan.documents) {
    lines.push('', `${document.index + 1}. ${document.name}`);
    lines.push(`   ${vscode.l10n.t('Region')}: ${region}`);
    lines.push(`   ${vscode.l10n.t('VPN gateway')}: ${document.vpnGatewayId ?? ''}`);
    lines.push(`   ${vscode.l10n.t('Customer gateway')}: ${document.customerGatewayId ?? ''}`);
    lines.push(`   ${vscode.l10n.t('Pre-shared key')}: ${maskSecret(document.params.PreShareKey)}`);
  }
  return lines;
}

/** The modal confirmation of a plan; true when the user chose Submit. */
export async function confirmSubmit(plan: SubmissionPlan): Promise<boolean> {
  const submit = vscode.l10n.t('Submit');
  const choice = await vscode.window.showWarningMessage(
    plan.documents.length === 1
      ? vscode.l10n.t('Create 1 VPN connection in Tencent Cloud?')
      : vscode.l10n.t('Create {0} VPN connections in Tencent Cloud?', plan.documents.length),
    { modal: true, detail: summaryLines(plan).join('\n') },
    submit,
  );
  return choice === submit;
}
