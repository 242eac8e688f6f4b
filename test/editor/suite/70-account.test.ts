/**
 * Account-aware editing in the real editor: the extension answers the server's resource requests from the
 * emulator with the runner's credentials, so a Shanghai file naming a Guangzhou gateway gets the warning that
 * says where the gateway is, and completion of VpnGatewayId offers the Shanghai gateways with their details.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extensionApi, openFixture, waitForDiagnostics } from '../support/helpers';

describe('account-aware editing', function () {
  this.timeout(90_000);
  before(extensionApi);

  it("warns that a gateway is in another region and offers the region's gateways", async () => {
    const { document } = await openFixture('account-sh.vpnconn.yaml');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => codeOf(x) === 'ResourceNotFound' && /exists in ap-guangzhou/.test(x.message)),
      'the account warning about vpngw-1w9tue3d',
      60_000,
    );
    const warning = diagnostics.find((x) => codeOf(x) === 'ResourceNotFound')!;
    assert.equal(document.getText(warning.range), 'vpngw-1w9tue3d');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);

    const line = document.lineAt(2);
    const position = new vscode.Position(2, line.text.indexOf('vpngw'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    const shanghai = list.items.find(
      (item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'vpngw-sh4ipc9a',
    );
    assert.ok(shanghai, `no Shanghai gateway among ${labels.join(', ')}`);
    assert.match(
      typeof shanghai.label === 'string' ? '' : (shanghai.label.description ?? ''),
      /ipsec-gw-sh · 203\.0\.113\.20 · IPSEC · AVAILABLE/,
    );
    assert.ok(!labels.includes('vpngw-8bgp4k2d'), 'a Guangzhou gateway is offered for a Shanghai file');
  });
});
