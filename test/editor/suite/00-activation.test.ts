/**
 * Activation: opening a *.vpnconn.yaml or *.vpnconn.json file gives it our language and brings our language server
 * to it (its diagnostics are the visible proof), and the extension's API is there for the rest of the suite.
 */
import * as assert from 'node:assert/strict';
import { extensionApi, openFixture, ourExtension, waitForDiagnostics } from '../support/helpers';

describe('activation', () => {
  it('opens a *.vpnconn.yaml file in our YAML language and validates it', async () => {
    const editor = await openFixture('schema-errors.vpnconn.yaml');
    assert.equal(editor.document.languageId, 'tencentcloud-vpn-yaml');
    await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'our diagnostics');
    assert.equal(ourExtension().isActive, true, 'diagnostics arrived but the extension is not active');
  });

  it('opens a *.vpnconn.json file in our JSON language and validates it', async () => {
    const editor = await openFixture('bgp-mask.vpnconn.json');
    assert.equal(editor.document.languageId, 'tencentcloud-vpn-json');
    await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'our diagnostics');
  });

  it('exposes the test API with a started language client', async () => {
    const api = await extensionApi();
    assert.equal(typeof api.getTasks, 'function');
    assert.ok(Array.isArray(api.getTasks()));
    assert.equal(typeof api.onDidChangeTasks, 'function');
  });
});
