/**
 * A live tunnel in input form (cloud/tunnel/inputForm.ts) and its file (render.ts): every answered name mapped to
 * the input's, defaults left out, and a note wherever the answer differs from what the service takes as input.
 */
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { inputFormOf, renderTunnelFile } from '../../../cloud/tunnel';
import type { VpnConnectionSummary } from '../../../cloud/tunnelLookup';

/** An answer as an old BGP tunnel gives it: DPD never set, the legacy integrity name, ASNs in BgpConfig. */
const OLD_BGP_TUNNEL: VpnConnectionSummary = {
  VpnConnectionId: 'vpnx-0ldb9p01',
  VpnConnectionName: 'old-bgp',
  VpcId: '',
  VpnGatewayId: 'vpngw-c3cn7m1q',
  CustomerGatewayId: 'cgw-b6gp1n4z',
  PreShareKey: 'old-secret-key',
  VpnProto: 'IPSEC',
  EncryptProto: 'IKE',
  RouteType: 'Bgp',
  CreatedTime: '2020-01-01 00:00:00',
  State: 'AVAILABLE',
  NetStatus: 'AVAILABLE',
  SecurityPolicyDatabaseSet: [],
  IKEOptionsSpecification: { PropoEncryAlgorithm: 'AES-CBC-256', DhGroupName: 'GROUP1', LocalFqdnName: '' },
  IPSECOptionsSpecification: { EncryptAlgorithm: 'AES-CBC-128', IntegrityAlgorith: 'SHA-256', PfsDhGroup: 'NULL' },
  EnableHealthCheck: false,
  HealthCheckLocalIp: '169.254.128.9',
  HealthCheckRemoteIp: '169.254.128.10',
  HealthCheckStatus: 'AVAILABLE',
  DpdEnable: -1,
  DpdTimeout: '',
  DpdAction: '',
  TagSet: [{ Key: 'team', Value: 'net' }],
  NegotiationType: 'active',
  BgpConfig: {
    TunnelCidr: '169.254.130.0/30',
    LocalBgpIp: '169.254.130.1',
    RemoteBgpIp: '169.254.130.2',
    LocalBgpAsn: '64552',
    RemoteBgpAsn: '65010',
  },
};

describe('a live tunnel in input form', () => {
  const form = inputFormOf(OLD_BGP_TUNNEL);

  it('maps answered names to input names and drops answers that are no input', () => {
    assert.deepEqual(form.params.Tags, [{ Key: 'team', Value: 'net' }]);
    assert.deepEqual(form.params.IPSECOptionsSpecification, { IntegrityAlgorith: 'SHA-256' });
    assert.deepEqual(form.params.BgpConfig, {
      TunnelCidr: '169.254.130.0/30',
      LocalBgpIp: '169.254.130.1',
      RemoteBgpIp: '169.254.130.2',
    });
    for (const key of ['TagSet', 'SecurityPolicyDatabaseSet', 'State', 'NetStatus', 'VpnProto', 'HealthCheckStatus'])
      assert.ok(!(key in form.params), key);
  });

  it("leaves out defaults, empty answers, a CCN tunnel's empty VpcId and DPD that was never set", () => {
    assert.deepEqual(form.params.IKEOptionsSpecification, { PropoEncryAlgorithm: 'AES-CBC-256' });
    for (const key of [
      'VpcId',
      'DpdEnable',
      'DpdTimeout',
      'DpdAction',
      'NegotiationType',
      'EnableHealthCheck',
      'SecurityPolicyDatabases',
    ])
      assert.ok(!(key in form.params), key);
    assert.equal(form.params.RouteType, 'Bgp');
  });

  it('notes every difference between the answer and the input', () => {
    const notes = form.notes.map((note) => `${note.path.join('.')}: ${note.text.en}`);
    // IntegrityAlgorith (sic) is kept as answered: it is valid input, so it needs no note.
    assert.ok(!notes.some((note) => note.startsWith('IPSECOptionsSpecification')));
    assert.ok(notes.some((note) => /^Tags: answered as TagSet/.test(note)));
    assert.ok(notes.some((note) => /^BgpConfig: .*LocalBgpAsn 64552 and RemoteBgpAsn 65010/.test(note)));
    assert.ok(notes.some((note) => /^: the service answers DpdEnable -1/.test(note)));
  });

  it('leaves out the health-check addresses a tunnel with its health check off still answers, and keeps them when on', () => {
    assert.ok(!('HealthCheckLocalIp' in form.params) && !('HealthCheckRemoteIp' in form.params));
    assert.ok(form.notes.some((note) => /health check is off: the answered HealthCheckLocalIp/.test(note.text.en)));
    const on = inputFormOf({ ...OLD_BGP_TUNNEL, EnableHealthCheck: true });
    assert.equal(on.params.HealthCheckLocalIp, '169.254.128.9');
    assert.equal(on.params.HealthCheckRemoteIp, '169.254.128.10');
  });

  it("turns a DpdTimeout answered as a number into the input's string, with a note", () => {
    const numeric = inputFormOf({ ...OLD_BGP_TUNNEL, DpdEnable: 1, DpdTimeout: 45 });
    assert.equal(numeric.params.DpdTimeout, '45');
    assert.equal(numeric.params.DpdEnable, 1);
    assert.ok(numeric.notes.some((note) => note.path[0] === 'DpdTimeout'));
  });

  it('writes YAML with the notes as comments on their keys and no pre-shared key unless asked', () => {
    const options = { vpnConnectionId: 'vpnx-0ldb9p01', region: 'ap-guangzhou', includePsk: false } as const;
    const yaml = renderTunnelFile(form, { ...options, format: 'yaml' });
    assert.ok(!yaml.text.includes('old-secret-key'));
    const doc = parseDocument(yaml.text);
    assert.deepEqual(doc.errors, []);
    assert.match(String(doc.commentBefore), /PreShareKey is kept on the service/);
    assert.match(yaml.text, /# answered as TagSet; the input is Tags\nTags:/);
    assert.deepEqual(yaml.notes, []);
    const withKey = renderTunnelFile(form, { ...options, format: 'yaml', includePsk: true });
    assert.equal(parseDocument(withKey.text).get('PreShareKey'), 'old-secret-key');
    assert.doesNotMatch(withKey.text, /kept on the service/);
    const zh = renderTunnelFile(form, { ...options, format: 'yaml', lang: 'zh' });
    assert.match(zh.text, /# PreShareKey 保留在服务端/);
    assert.match(zh.text, /# 服务返回的是 TagSet；输入参数为 Tags\nTags:/);
  });

  it('writes JSON (2-space) with the notes returned, since JSON holds no comments', () => {
    const json = renderTunnelFile(form, {
      vpnConnectionId: 'vpnx-0ldb9p01',
      region: 'ap-guangzhou',
      includePsk: false,
      format: 'json',
    });
    const value = JSON.parse(json.text);
    assert.deepEqual(Object.keys(value).slice(0, 3), ['$schema', 'VpnConnectionId', 'Region']);
    assert.ok(!('PreShareKey' in value));
    assert.match(json.text, /^{\n  "\$schema"/);
    assert.match(json.notes[0], /PreShareKey is kept on the service/);
    assert.ok(json.notes.some((note) => /^Tags: answered as TagSet/.test(note)));
  });
});
