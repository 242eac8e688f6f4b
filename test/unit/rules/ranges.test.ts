import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { codeOf } from '../../../language/rules/rule';
import { RULES } from '../../../language/rules/registry';
import { seedAccount } from '../account/fixtures';
import { diagnosticsOf, documentOf, underlined, type Kind } from './editorHelpers';

/**
 * What each rule's documented example underlines, through the language service's own path-to-range mapping:
 * a value rule the value, a key rule the key. Unquoted here; JSON (and quoted YAML) show the quotes too.
 */
const EXPECTED_UNDERLINE: Record<string, string[]> = {
  'cidr-syntax': ['10.0.0.0/33'],
  'ip-syntax': ['169.254.128.300'],
  'cidr-host-bits': ['169.254.128.1/30'],
  'spd-duplicate': ['192.168.0.0/24'],
  'spd-overlap': ['192.168.3.0/24'],
  'bgp-tunnel-cidr-mask': ['169.254.128.0/29'],
  'bgp-ip-outside-tunnel': ['169.254.129.2'],
  'bgp-ip-network-broadcast': ['169.254.128.0'],
  'bgp-ips-equal': ['169.254.128.1'],
  'bgp-route-type': ['BgpConfig'],
  'bgp-config-missing': ['Bgp'],
  'health-check-ip-conflict': ['169.254.128.1'],
  'health-check-ip-invalid': ['0.0.0.0'],
  'health-check-ip-range': ['10.0.0.1'],
  'health-check-disabled': ['HealthCheckLocalIp', 'HealthCheckRemoteIp'],
  'ike-identity-value-missing': ['FQDN'],
  'ike-identity-coexist': ['LocalFqdnName'],
  'algorithm-family-spelling': ['SHA1', 'DH-GROUP14'],
  'gcm-gateway-version': ['AES256GCM128'],
  'dpd-fields-ignored': ['DpdTimeout', 'DpdAction'],
  'dpd-timeout-range': ['120'],
  'name-length': [
    '上海IDC到广州VPC的主通道-上海IDC到广州VPC的主通道-上海IDC到广州VPC的主通道-上海IDC到广州VPC的主通道-备用',
  ],
  'tag-duplicate-key': ['env'],
  'tag-empty-key': [''],
  'tag-reserved-key': ['qcloud:owner'],
  'id-format': ['vpngw-1w9tue3d'],
  'account-resource-not-found': ['vpngw-1w9tue3d'],
  'account-gateway-usable': ['vpngw-s5sl2v8e'],
  'account-vpc-required': ['vpngw-1w9tue3d'],
  'account-vpc-mismatch': ['vpc-gapcv96p'],
  'account-bgp-asn-missing': ['Bgp'],
  'account-bgp-asn-equal': ['cgw-e9qa5s3m'],
  'account-route-type-mixed': ['StaticRoute'],
  'account-spd-conflict': ['10.8.1.0/24'],
  'integrity-algorithm-coexist': ['IntegrityAlgorithm'],
  'spd-remote-empty': ['RemoteCidrBlock'],
  'spd-remote-overlaps-local': ['10.0.8.0/24'],
  'health-check-policy-route': ['true'],
  'weak-cryptography': ['3DES-CBC', 'MD5', 'GROUP1'],
  'tunnel-exists': ['existing-static-gz'],
  'account-tunnel-not-found': ['vpnx-nothere1'],
  'account-needs-new-tunnel': ['vpngw-8bgp4k2d'],
};

const unquote = (text: string) => (/^["'].*["']$/s.test(text) ? text.slice(1, -1) : text);

function checkExample(text: string, kind: Kind, ruleId: string, expected: string[]): void {
  assert.deepEqual(underlined(text, kind, ruleId).map(unquote), expected, `${ruleId} in ${kind}`);
  const rule = RULES.find((candidate) => candidate.id === ruleId)!;
  for (const diagnostic of diagnosticsOf(text, kind, [], rule.needsAccount ? seedAccount() : undefined).filter(
    (d) => (d.data as { ruleId: string }).ruleId === ruleId,
  )) {
    assert.equal(diagnostic.code, codeOf(rule));
    assert.equal(diagnostic.codeDescription?.href, `docs/rules.md#${ruleId}`);
  }
}

describe('rule ranges through the language service', () => {
  for (const [ruleId, expected] of Object.entries(EXPECTED_UNDERLINE)) {
    const rule = RULES.find((candidate) => candidate.id === ruleId)!;
    it(`${ruleId}: underlines ${expected.join(', ') || 'the empty key'} in YAML and in JSON`, () => {
      checkExample(rule.example, 'yaml', ruleId, expected);
      checkExample(JSON.stringify(parse(rule.example), null, 2), 'json', ruleId, expected);
    });
  }

  it('spd-mapping-limit: underlines the SecurityPolicyDatabases key', () => {
    const remotes = Array.from({ length: 201 }, (_, i) => `172.16.${i}.0/24`);
    const yaml = `SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [${remotes.join(', ')}]\n`;
    checkExample(yaml, 'yaml', 'spd-mapping-limit', ['SecurityPolicyDatabases']);
    checkExample(JSON.stringify(parse(yaml)), 'json', 'spd-mapping-limit', ['SecurityPolicyDatabases']);
  });

  it('covers every rule in the registry', () => {
    const covered = new Set([...Object.keys(EXPECTED_UNDERLINE), 'spd-mapping-limit']);
    assert.deepEqual(
      RULES.map((rule) => rule.id).filter((id) => !covered.has(id)),
      [],
    );
  });

  it('keeps the rule finding over the schema error at the same path (IKE SHA1)', () => {
    const text = 'IKEOptionsSpecification:\n  PropoAuthenAlgorithm: SHA1\n';
    const atValue = diagnosticsOf(text, 'yaml').filter((d) => documentOf(text, 'yaml').getText(d.range) === 'SHA1');
    assert.deepEqual(
      atValue.map((d) => (d.data as { ruleId: string }).ruleId),
      ['algorithm-family-spelling'],
    );
  });
});
