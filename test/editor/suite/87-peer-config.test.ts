/**
 * "Show Peer Device Configuration" in a real extension host: the command (with the vendor given, as a test may)
 * opens the tcvpn-peer: view of the file, without the pre-shared key, and the view follows an edit of the file;
 * the peerVendor setting turns what that vendor cannot do into warnings on the parameters.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../client/commands';
import { codeOf, extensionApi, openFixture, waitFor, waitForDiagnostics, withUserSetting } from '../support/helpers';

const FIXTURE_PSK = 'fixture-psk-1234';

describe('Show Peer Device Configuration', () => {
  before(() => extensionApi());

  it('opens the strongSwan configuration beside the file, without the key, and follows edits', async () => {
    const { document } = await openFixture('static-gz.vpnconn.yaml');
    const view = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.showPeerConfig, document.uri, {
      vendor: 'strongswan',
    });
    assert.ok(view, 'no view was opened');
    assert.equal(view.scheme, 'tcvpn-peer');
    const shown = await vscode.workspace.openTextDocument(view);
    assert.match(shown.getText(), /proposals = aes128-sha1-modp1024/);
    assert.match(shown.getText(), /<PRE_SHARED_KEY>/);
    assert.ok(!shown.getText().includes(FIXTURE_PSK), 'the view shows the pre-shared key');

    const group = document.getText().indexOf('GROUP2');
    const range = new vscode.Range(document.positionAt(group), document.positionAt(group + 'GROUP2'.length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, 'GROUP14');
    const updated = waitFor(
      vscode.workspace.onDidChangeTextDocument,
      () => (shown.getText().includes('modp2048') ? true : undefined),
      () => `the view to follow the edit; it shows: ${shown.getText().slice(0, 400)}`,
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await updated;
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('warns on what the peerVendor setting names as unsupported (Cisco ASA has no DH group 2)', async () => {
    const restore = await withUserSetting('tencentcloudVpn', 'peerVendor', 'cisco-asa');
    try {
      const { document } = await openFixture('static-gz.vpnconn.yaml');
      const diagnostics = await waitForDiagnostics(
        document.uri,
        (all) => all.some((d) => codeOf(d) === 'peer-cisco-asa-unsupported'),
        'a peer-cisco-asa-unsupported warning',
      );
      const warning = diagnostics.find((d) => codeOf(d) === 'peer-cisco-asa-unsupported')!;
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(document.getText(warning.range), 'GROUP2');
    } finally {
      await restore();
    }
  });
});
