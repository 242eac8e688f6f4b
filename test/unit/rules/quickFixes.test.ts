import assert from 'node:assert/strict';
import { applyAction, ruleIdsIn, underlined } from './editorHelpers';

const HEAD_JSON =
  '{\n    "VpnGatewayId": "vpngw-1w9tue3d",\n    "CustomerGatewayId": "cgw-qa9sxpy7",\n    "VpnConnectionName": "TEST",\n    "PreShareKey": "k",\n';
const HEAD_YAML =
  '# my tunnel\nVpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: TEST  # keep me\nPreShareKey: k\n';

describe('quick fixes applied to JSON and YAML', () => {
  it('cidr-host-bits: sets the host bits to zero (JSON keeps its 4-space layout)', () => {
    const json = `${HEAD_JSON}    "SecurityPolicyDatabases": [{ "LocalCidrBlock": "10.0.0.5/24", "RemoteCidrBlock": ["192.168.0.0/16"] }]\n}\n`;
    assert.deepEqual(underlined(json, 'json', 'cidr-host-bits'), ['"10.0.0.5/24"']);
    assert.equal(
      applyAction(json, 'json', 'cidr-host-bits', 'Change to 10.0.0.0/24'),
      json.replace('10.0.0.5/24', '10.0.0.0/24'),
    );
    const yaml = `${HEAD_YAML}SecurityPolicyDatabases:\n  - LocalCidrBlock: '10.0.0.5/24' # office\n    RemoteCidrBlock: [192.168.0.0/16]\n`;
    assert.deepEqual(underlined(yaml, 'yaml', 'cidr-host-bits'), ["'10.0.0.5/24'"]);
    assert.equal(
      applyAction(yaml, 'yaml', 'cidr-host-bits', 'Change to 10.0.0.0/24'),
      yaml.replace("'10.0.0.5/24'", "'10.0.0.0/24'"),
    );
  });

  it('bgp-tunnel-cidr-mask: narrows the block to the /30 holding LocalBgpIp', () => {
    const yaml = `${HEAD_YAML}RouteType: Bgp\nBgpConfig:\n  TunnelCidr: 169.254.128.0/29\n  LocalBgpIp: 169.254.128.5\n  RemoteBgpIp: 169.254.128.6\n`;
    const fixed = applyAction(yaml, 'yaml', 'bgp-tunnel-cidr-mask', 'Change to 169.254.128.4/30');
    assert.equal(fixed, yaml.replace('169.254.128.0/29', '169.254.128.4/30'));
    assert.ok(!ruleIdsIn(fixed, 'yaml').some((id) => id.startsWith('bgp-')));
  });

  it('tag-duplicate-key: removes the later tag from a block sequence, comments elsewhere kept', () => {
    const yaml = `${HEAD_YAML}Tags:\n  - Key: env # first\n    Value: prod\n  # the team tag\n  - Key: team\n  - Key: env\n    Value: test\nVpcId: vpc-gapcv96p\n`;
    const expected = `${HEAD_YAML}Tags:\n  - Key: env # first\n    Value: prod\n  # the team tag\n  - Key: team\nVpcId: vpc-gapcv96p\n`;
    assert.deepEqual(underlined(yaml, 'yaml', 'tag-duplicate-key'), ['env']);
    assert.equal(applyAction(yaml, 'yaml', 'tag-duplicate-key', 'Remove the duplicate tag'), expected);
    const json = `${HEAD_JSON}    "Tags": [\n        {"Key": "env"},\n        {"Key": "env", "Value": "b"}\n    ]\n}\n`;
    const fixedJson = applyAction(json, 'json', 'tag-duplicate-key', 'Remove the duplicate tag');
    assert.deepEqual(JSON.parse(fixedJson).Tags, [{ Key: 'env' }]);
    assert.ok(fixedJson.startsWith(HEAD_JSON));
  });

  it('spd-duplicate: removes a repeated remote block from a flow list and a repeated policy rule', () => {
    const yaml = `${HEAD_YAML}SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [192.168.0.0/24, 192.168.1.0/24, 192.168.0.0/24]\n`;
    assert.equal(
      applyAction(yaml, 'yaml', 'spd-duplicate', 'Remove the duplicate remote block'),
      yaml.replace(', 192.168.0.0/24]', ']'),
    );
    const json = `${HEAD_JSON}    "SecurityPolicyDatabases": [\n        {"LocalCidrBlock": "10.0.0.0/16", "RemoteCidrBlock": ["192.168.0.0/24"]},\n        {"LocalCidrBlock": "10.0.0.0/16", "RemoteCidrBlock": ["192.168.0.0/24"]}\n    ]\n}\n`;
    const fixed = JSON.parse(applyAction(json, 'json', 'spd-duplicate', 'Remove the duplicate policy rule'));
    assert.deepEqual(fixed.SecurityPolicyDatabases, [
      { LocalCidrBlock: '10.0.0.0/16', RemoteCidrBlock: ['192.168.0.0/24'] },
    ]);
  });

  it('dpd-fields-ignored: removes the DPD field, or turns DPD on by adding DpdEnable', () => {
    const yaml = `${HEAD_YAML}DpdTimeout: "30"   # seconds\nDpdAction: restart\n`;
    assert.equal(
      applyAction(yaml, 'yaml', 'dpd-fields-ignored', 'Remove DpdTimeout'),
      `${HEAD_YAML}DpdAction: restart\n`,
    );
    assert.equal(
      applyAction(yaml, 'yaml', 'dpd-fields-ignored', 'Turn DPD on (DpdEnable: 1)'),
      `${yaml}DpdEnable: 1\n`,
    );
    const json = `${HEAD_JSON}    "DpdEnable": 0,\n    "DpdAction": "clear"\n}`;
    assert.equal(
      applyAction(json, 'json', 'dpd-fields-ignored', 'Remove DpdAction'),
      `${HEAD_JSON}    "DpdEnable": 0\n}`,
    );
    assert.equal(
      applyAction(json, 'json', 'dpd-fields-ignored', 'Turn DPD on (DpdEnable: 1)'),
      json.replace('"DpdEnable": 0', '"DpdEnable": 1'),
    );
  });

  it('health-check-ip-conflict: replaces both addresses with a free default pair', () => {
    const yaml = `${HEAD_YAML}EnableHealthCheck: true\nHealthCheckLocalIp: 169.254.130.1 # ours\nHealthCheckRemoteIp: "169.254.130.1"\n`;
    const expected = `${HEAD_YAML}EnableHealthCheck: true\nHealthCheckLocalIp: 169.254.128.1 # ours\nHealthCheckRemoteIp: "169.254.128.2"\n`;
    assert.equal(applyAction(yaml, 'yaml', 'health-check-ip-conflict', 'Use 169.254.128.1 / 169.254.128.2'), expected);
    const json = `${HEAD_JSON}    "EnableHealthCheck": true,\n    "HealthCheckLocalIp": "0.0.0.0"\n}\n`;
    const fixed = JSON.parse(applyAction(json, 'json', 'health-check-ip-invalid', /^Use /));
    assert.deepEqual([fixed.HealthCheckLocalIp, fixed.HealthCheckRemoteIp], ['169.254.128.1', '169.254.128.2']);
  });

  it('integrity-algorithm-coexist: removes the spelling chosen, the other kept (YAML and JSON)', () => {
    const yaml = `${HEAD_YAML}IPSECOptionsSpecification:\n  EncryptAlgorithm: AES-CBC-128\n  IntegrityAlgorith: SHA1\n  IntegrityAlgorithm: SHA1 # integrity\n`;
    assert.deepEqual(underlined(yaml, 'yaml', 'integrity-algorithm-coexist'), ['IntegrityAlgorithm']);
    assert.equal(
      applyAction(yaml, 'yaml', 'integrity-algorithm-coexist', 'Remove IntegrityAlgorithm'),
      yaml.replace('  IntegrityAlgorithm: SHA1 # integrity\n', ''),
    );
    const json = `${HEAD_JSON}    // integrity\n    "IPSECOptionsSpecification": { "IntegrityAlgorith": "SHA1", "IntegrityAlgorithm": "SHA1" }\n}\n`;
    assert.equal(
      applyAction(json, 'json', 'integrity-algorithm-coexist', 'Remove IntegrityAlgorith'),
      json.replace('"IntegrityAlgorith": "SHA1", ', ''),
    );
  });

  it('algorithm-family-spelling: replaces SHA1 by SHA in IKE', () => {
    const yaml = `${HEAD_YAML}IKEOptionsSpecification:\n  PropoAuthenAlgorithm: SHA1\n`;
    assert.deepEqual(underlined(yaml, 'yaml', 'algorithm-family-spelling'), ['SHA1']);
    assert.equal(applyAction(yaml, 'yaml', 'algorithm-family-spelling', 'Change to SHA'), yaml.replace('SHA1', 'SHA'));
  });

  it('bgp-config-missing: adds BgpConfig as a nested block at the root indentation', () => {
    const yaml = `${HEAD_YAML}RouteType: Bgp\n`;
    const expected = `${yaml}BgpConfig:\n  TunnelCidr: 169.254.128.0/30\n  LocalBgpIp: 169.254.128.1\n  RemoteBgpIp: 169.254.128.2\n`;
    assert.equal(applyAction(yaml, 'yaml', 'bgp-config-missing', 'Add BgpConfig (169.254.128.0/30)'), expected);
  });

  it('fixes only the document of a YAML stream the diagnostic belongs to', () => {
    const first = `${HEAD_YAML}Tags:\n  - Key: env\n  - Key: env\n`;
    const second = `---\n${HEAD_YAML}Tags:\n  - Key: a\n  - Key: a\n  - Key: b\n`;
    const fixed = applyAction(first + second, 'yaml', 'tag-duplicate-key', 'Remove the duplicate tag');
    // Both documents carry the same fix title; the first action is the first document's.
    assert.equal(fixed, `${HEAD_YAML}Tags:\n  - Key: env\n${second}`);
  });
});
