import * as assert from 'node:assert/strict';
import type { SemanticFix } from '../../../server/rules/types';
import { fixtureText } from '../../lsp/fixtures';
import { EN, ZH, makeDoc, service, underlined, withCode, type Kind } from './helpers';

const fixesOf = (d: { data?: unknown }) => ((d.data as { fixes: SemanticFix[] }).fixes ?? []);

describe('service validation: schema diagnostics', () => {
  for (const kind of ['json', 'yaml'] as const) {
    it(`finds nothing wrong in the official example (${kind})`, () => {
      assert.deepEqual(service.validate(makeDoc(kind, fixtureText('typical', kind)), EN), []);
    });
  }

  const unknownKey: Record<Kind, string> = {
    json: '{\n  "VpnGatewayId": "vpngw-1", "CustomerGatewayId": "cgw-1", "PreShareKey": "k",\n  "VpnConectionNme": "x"\n}',
    yaml: 'VpnGatewayId: vpngw-1\nCustomerGatewayId: cgw-1\nPreShareKey: k\nVpnConectionNme: x\n',
  };
  for (const kind of ['json', 'yaml'] as const) {
    it(`underlines an unknown key and suggests the close known one with a rename fix (${kind})`, () => {
      const doc = makeDoc(kind, unknownKey[kind]);
      const [diagnostic, ...rest] = withCode(service.validate(doc, EN), 'UnknownParameter');
      assert.equal(rest.length, 0);
      assert.match(underlined(doc, diagnostic), /VpnConectionNme/);
      assert.match(String(diagnostic.message), /Did you mean "VpnConnectionName"\?/);
      assert.equal(diagnostic.source, 'tencentcloud-vpn');
      assert.deepEqual((diagnostic.data as { ruleId: string }).ruleId, 'schema.additionalProperties');
      assert.deepEqual(fixesOf(diagnostic).map((f) => f.kind === 'renameKey' && f.newKey), ['VpnConnectionName']);
    });
  }

  it('underlines the opening brace of a JSON object that misses a required key, with an add fix from the example', () => {
    const doc = makeDoc('json', '{\n  "VpnGatewayId": "vpngw-1", "CustomerGatewayId": "cgw-1", "VpnConnectionName": "a"\n}');
    const [missing] = withCode(service.validate(doc, EN), 'MissingParameter');
    assert.equal(underlined(doc, missing), '{');
    assert.match(String(missing.message), /"PreShareKey"/);
    assert.deepEqual(fixesOf(missing), [{ kind: 'addProperties', path: [], properties: { PreShareKey: '6325ac' }, title: { en: 'Add "PreShareKey"', zh: '添加 "PreShareKey"' } }]);
  });

  it('underlines the key of a nested YAML object that misses a required key', () => {
    const doc = makeDoc('yaml', 'VpnGatewayId: a\nCustomerGatewayId: b\nVpnConnectionName: c\nPreShareKey: d\nBgpConfig:\n  TunnelCidr: 169.254.128.0/30\n  LocalBgpIp: 169.254.128.1\n');
    const missing = withCode(service.validate(doc, EN), 'MissingParameter');
    assert.deepEqual(missing.map((d) => underlined(doc, d)), ['BgpConfig']);
    assert.match(String(missing[0].message), /RemoteBgpIp/);
  });

  it('corrects an enum value per field: "static" -> STATIC for RouteType, "sha1" -> SHA1 in IPsec', () => {
    const doc = makeDoc('json', '{"VpnGatewayId": "a", "CustomerGatewayId": "b", "VpnConnectionName": "c", "PreShareKey": "d",\n "RouteType": "static",\n "IPSECOptionsSpecification": {"IntegrityAlgorith": "sha1"}}');
    const diagnostics = service.validate(doc, EN);
    const byText = new Map(diagnostics.map((d) => [underlined(doc, d), d]));
    assert.deepEqual(fixesOf(byText.get('"static"')!).map((f) => f.kind === 'setValue' && f.value), ['STATIC']);
    assert.deepEqual(fixesOf(byText.get('"sha1"')!).map((f) => f.kind === 'setValue' && f.value), ['SHA1']);
    assert.equal(byText.get('"static"')!.code, 'InvalidParameterValue');
  });

  it('offers SHA for the IKE authentication algorithm written the IPsec way (SHA1)', () => {
    const doc = makeDoc('yaml', 'VpnGatewayId: a\nCustomerGatewayId: b\nVpnConnectionName: c\nPreShareKey: d\nIKEOptionsSpecification:\n  PropoAuthenAlgorithm: SHA1\n');
    const [diagnostic] = service.validate(doc, EN).filter((d) => underlined(doc, d) === 'SHA1');
    assert.ok(diagnostic, 'the wrong spelling is reported on the value');
    assert.ok(fixesOf(diagnostic).some((f) => f.kind === 'setValue' && f.value === 'SHA'));
  });

  it('reports a number where the API takes a string (DpdTimeout) with a fix to the string', () => {
    const doc = makeDoc('yaml', 'VpnGatewayId: a\nCustomerGatewayId: b\nVpnConnectionName: c\nPreShareKey: d\nDpdEnable: 1\nDpdTimeout: 30\n');
    const [typeError] = withCode(service.validate(doc, EN), 'InvalidParameter');
    assert.equal(underlined(doc, typeError), '30');
    assert.match(String(typeError.message), /DpdTimeout must be a string, not an integer/);
    assert.deepEqual(fixesOf(typeError).map((f) => f.kind === 'setValue' && f.value), ['30']);
  });

  it('underlines a range violation on the value and says the limits', () => {
    const doc = makeDoc('json', '{"VpnGatewayId": "a", "CustomerGatewayId": "b", "VpnConnectionName": "c", "PreShareKey": "d", "IKEOptionsSpecification": {"IKESaLifetimeSeconds": 5}}');
    const [range] = withCode(service.validate(doc, EN), 'InvalidParameterValue.Range');
    assert.equal(underlined(doc, range), '5');
    assert.match(String(range.message), /between 60 and 604800/);
  });

  it('writes messages in Chinese when asked', () => {
    const doc = makeDoc('yaml', 'VpnGatewayId: a\n');
    const messages = withCode(service.validate(doc, ZH), 'MissingParameter').map((d) => d.message);
    assert.ok(messages.includes('缺少必填参数 "PreShareKey"。'), messages.join('\n'));
  });

  it('links schema diagnostics to the API page in the user language', () => {
    const doc = makeDoc('json', '{"Foo": 1}');
    const [unknown] = withCode(service.validate(doc, ZH), 'UnknownParameter');
    assert.match(unknown.codeDescription!.href, /^https:\/\/console\.cloud\.tencent\.com\/api\/explorer.*CreateVpnConnection/);
  });

  it('keeps only the rule finding when a rule and the schema speak about the same key (IntegrityAlgorithm)', () => {
    const doc = makeDoc('json', '{"VpnGatewayId": "a", "CustomerGatewayId": "b", "VpnConnectionName": "c", "PreShareKey": "d", "IPSECOptionsSpecification": {"IntegrityAlgorithm": "SHA1"}}');
    const onKey = service.validate(doc, EN).filter((d) => underlined(doc, d) === '"IntegrityAlgorithm"');
    assert.equal(onKey.length, 1, onKey.map((d) => d.message).join('\n'));
    assert.notEqual((onKey[0].data as { ruleId: string }).ruleId, 'schema.additionalProperties');
  });

  it('validates the document an Action key names (DeleteVpnConnection requires VpnConnectionId)', () => {
    const doc = makeDoc('yaml', 'Action: DeleteVpnConnection\nVpnGatewayId: vpngw-1\n');
    const messages = withCode(service.validate(doc, EN), 'MissingParameter').map((d) => d.message);
    assert.deepEqual(messages, ['Missing required parameter "VpnConnectionId".']);
  });

  it('drops the disabled rules given in the options', () => {
    const doc = makeDoc('json', '{"Foo": 1}');
    const codes = service.validate(doc, { lang: 'en', disabledRules: ['schema.required'] }).map((d) => (d.data as { ruleId: string }).ruleId);
    assert.ok(codes.includes('schema.additionalProperties'));
    assert.ok(!codes.includes('schema.required'), codes.join(', '));
  });
});
