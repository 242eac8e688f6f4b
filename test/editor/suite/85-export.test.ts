/**
 * The "Copy as …" commands, run as the context menu runs them (the file's uri as the argument): each puts the
 * file's request on the clipboard in its target's form, without the pre-shared key, and a file with errors is not
 * copied (the clipboard keeps what it had).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExportResult } from '../../../cloud/export';
import { Commands } from '../../../client/commands';
import { extensionApi, openFixture } from '../support/helpers';

const FIXTURE_PSK = 'fixture-psk-1234';

describe('Copy as Terraform / tccli Command / Node SDK Call', () => {
  before(() => extensionApi());

  for (const [command, expected] of [
    [Commands.copyAsTerraform, /^resource "tencentcloud_vpn_connection" "editor-static-gz" \{$/m],
    [Commands.copyAsTccli, /^tccli vpc CreateVpnConnection --region ap-guangzhou \\$/m],
    [Commands.copyAsSdk, /^const client = new tencentcloud\.vpc\.v20170312\.Client\(\{$/m],
  ] as const) {
    it(`${command} copies the file's request without the pre-shared key`, async () => {
      const { document } = await openFixture('static-gz.vpnconn.yaml');
      const result = await vscode.commands.executeCommand<ExportResult | undefined>(command, document.uri);
      assert.ok(result, 'nothing was copied');
      assert.match(result.text, expected);
      assert.equal(await vscode.env.clipboard.readText(), result.text);
      assert.ok(!result.text.includes(FIXTURE_PSK), 'the pre-shared key was copied');
    });
  }

  it('does not copy a file with errors', async () => {
    await vscode.env.clipboard.writeText('unchanged');
    const { document } = await openFixture('schema-errors.vpnconn.yaml');
    const result = await vscode.commands.executeCommand(Commands.copyAsTerraform, document.uri);
    assert.equal(result, undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'unchanged');
  });
});
