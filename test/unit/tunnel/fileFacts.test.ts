/**
 * The top-level facts the editor reads from open tunnel files, and the masked copy of a file: JSON with comments
 * and YAML alike (the YAML parser the client used before read a `// comment` line into the next key, so a
 * commented JSON file lost its VpnConnectionId and its "masked" copy showed the key in clear).
 */
import * as assert from 'node:assert/strict';
import { maskTopLevelKey, topLevelString } from '../../../cloud/tunnel';

const COMMENTED_JSON = `{
  // the tunnel to the IDC
  "VpnConnectionId": "vpnx-5eed01gz",
  // rotated 2026-11
  "PreShareKey": "s3cret-key",
  "Region": " ap-guangzhou "
}
`;

describe('tunnel file facts', () => {
  it('reads VpnConnectionId and Region of a JSON file with comments, with the key offset', () => {
    const id = topLevelString(COMMENTED_JSON, 'json', 'VpnConnectionId');
    assert.equal(id.value, 'vpnx-5eed01gz');
    assert.equal(COMMENTED_JSON.slice(id.keyOffset, id.keyOffset! + 17), '"VpnConnectionId"');
    assert.equal(topLevelString(COMMENTED_JSON, 'json', 'Region').value, 'ap-guangzhou');
  });

  it("reads only the first YAML document's top level, and nothing from nested or non-string values", () => {
    const yaml = 'VpnConnectionId: vpnx-aaaaaaaa\nBgpConfig:\n  Region: x\n---\nVpnConnectionId: vpnx-bbbbbbbb\n';
    assert.equal(topLevelString(yaml, 'yaml', 'VpnConnectionId').value, 'vpnx-aaaaaaaa');
    assert.equal(topLevelString(yaml, 'yaml', 'Region').value, undefined);
    assert.equal(topLevelString('VpnConnectionId: 12\n', 'yaml', 'VpnConnectionId').value, undefined);
    assert.equal(topLevelString('{ "VpnConnectionId": ', 'json', 'VpnConnectionId').value, undefined);
  });

  it('masks every top-level PreShareKey: commented JSON, repeated keys, every YAML document', () => {
    const json = maskTopLevelKey(COMMENTED_JSON, 'json', 'PreShareKey', '******');
    assert.ok(!json.includes('s3cret-key'), json);
    assert.match(json, /"PreShareKey": "\*{6}",/);
    assert.match(json, /\/\/ rotated 2026-11/);
    const yaml =
      'PreShareKey: one-key\nPreShareKey: "two-key"\n---\nPreShareKey: three-key\nIKE:\n  PreShareKey: kept\n';
    const masked = maskTopLevelKey(yaml, 'yaml', 'PreShareKey', '******');
    for (const secret of ['one-key', 'two-key', 'three-key']) assert.ok(!masked.includes(secret), masked);
    assert.match(masked, /PreShareKey: kept/);
  });
});
