/**
 * A quick fix through vscode.executeCodeActionProvider: the fix offered for a business-rule diagnostic is applied
 * with workspace.applyEdit, the text changes where the problem was, and the diagnostic goes away.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, extensionApi, openFixture, waitForDiagnostics } from '../support/helpers';

const MASK_CODE = 'InvalidParameterValue.VpnConnBgpTunnelCidrMask';

describe('quick fix', () => {
  before(extensionApi);

  it('fixes a BGP tunnel block that is not a /30', async () => {
    const { document } = await openFixture('bgp-mask.vpnconn.json');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => codeOf(x) === MASK_CODE),
      MASK_CODE,
    );
    const mask = diagnostics.find((d) => codeOf(d) === MASK_CODE)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      mask.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // A fix that names its diagnostics must name this one; one that names none is taken for the range asked about.
    const fixes = actions.filter(
      (a) => a.edit && (!a.diagnostics?.length || a.diagnostics.some((d) => codeOf(d) === MASK_CODE)),
    );
    assert.ok(
      fixes.length > 0,
      `no quick fix with an edit for ${MASK_CODE}; actions: ${actions.map((a) => a.title).join(', ')}`,
    );
    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(fixes[0].edit!), `applying "${fixes[0].title}" failed`);
    assert.notEqual(document.getText(), before, 'the quick fix changed nothing');
    assert.ok(!document.getText().includes('169.254.128.0/29'), 'the /29 block is still in the file');
    assert.ok(JSON.parse(document.getText()), 'the fixed file is no longer JSON');
    const after = await waitForDiagnostics(
      document.uri,
      (d) => !d.some((x) => codeOf(x) === MASK_CODE),
      `${MASK_CODE} gone`,
    );
    assert.ok(
      !after.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      `errors remain: ${describeDiagnostics(after)}`,
    );
  });
});
