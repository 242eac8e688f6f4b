/**
 * Diagnostics as VS Code holds them (vscode.languages.getDiagnostics): schema errors and business-rule errors, each
 * with a stable code (the API's error code for rules) on the right range, and none on a valid file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  describeDiagnostics,
  extensionApi,
  openFixture,
  ourDiagnostics,
  waitForDiagnostics,
} from '../support/helpers';

function textUnder(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): string {
  return document.getText(diagnostic.range);
}

describe('diagnostics', () => {
  before(extensionApi);

  it('underlines an unknown key and a value outside the enum in a YAML file', async () => {
    const { document } = await openFixture('schema-errors.vpnconn.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length >= 2, 'two schema diagnostics');
    const unknownKey = diagnostics.find((d) => textUnder(document, d).includes('TunnelColour'));
    assert.ok(unknownKey, `no diagnostic on the unknown key TunnelColour: ${describeDiagnostics(diagnostics)}`);
    assert.equal(unknownKey.severity, vscode.DiagnosticSeverity.Error);
    assert.match(
      codeOf(unknownKey),
      /^(UnknownParameter|InvalidParameter)/,
      'the unknown key lacks the API error code',
    );
    const wrongEnum = diagnostics.find((d) => textUnder(document, d).includes('eager'));
    assert.ok(wrongEnum, `no diagnostic on the value "eager" of NegotiationType: ${describeDiagnostics(diagnostics)}`);
    assert.equal(wrongEnum.severity, vscode.DiagnosticSeverity.Error);
    assert.match(codeOf(wrongEnum), /^InvalidParameterValue/, 'the enum error lacks the API error code');
  });

  it('reports a BGP tunnel block that is not a /30 with the API error code, on the value', async () => {
    const { document } = await openFixture('bgp-mask.vpnconn.json');
    const code = 'InvalidParameterValue.VpnConnBgpTunnelCidrMask';
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === code), code);
    const mask = diagnostics.find((d) => codeOf(d) === code)!;
    assert.equal(mask.severity, vscode.DiagnosticSeverity.Error);
    assert.match(textUnder(document, mask), /169\.254\.128\.0\/29/);
  });

  it('publishes no error for a valid YAML file and a valid JSON file', async () => {
    for (const name of ['static-gz.vpnconn.yaml', 'static-gz.vpnconn.json']) {
      const { document } = await openFixture(name);
      // The server publishes an empty list for a clean file, which is indistinguishable from "not looked at yet":
      // so break the file, see the error arrive, repair it, and observe that the errors are gone again.
      const insertAt = document.positionAt(document.getText().indexOf('VpnConnectionName'));
      const inserted = document.languageId.endsWith('json') ? '"BogusKey": 1,\n  ' : 'BogusKey: 1\n';
      const breakIt = new vscode.WorkspaceEdit();
      breakIt.insert(document.uri, insertAt, inserted);
      assert.ok(await vscode.workspace.applyEdit(breakIt));
      await waitForDiagnostics(document.uri, (d) => d.length > 0, 'a diagnostic for BogusKey');
      const repair = new vscode.WorkspaceEdit();
      repair.delete(
        document.uri,
        new vscode.Range(insertAt, document.positionAt(document.offsetAt(insertAt) + inserted.length)),
      );
      assert.ok(await vscode.workspace.applyEdit(repair));
      const after = await waitForDiagnostics(
        document.uri,
        (d) => !d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
        `no error in ${name} once repaired`,
      );
      assert.equal(
        after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
        0,
        describeDiagnostics(ourDiagnostics(document.uri)),
      );
    }
  });
});
