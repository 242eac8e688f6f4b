import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/service/languageService';
import { EN, makeDoc, service, underlined, withCode } from './helpers';

const codes = (kind: 'json' | 'yaml', text: string) => service.validate(makeDoc(kind, text), EN).map((d) => String(d.code));

describe('service validation: broken documents get diagnostics, not exceptions', () => {
  it('reports an unterminated JSON string', () => {
    assert.ok(codes('json', '{"VpnGatewayId": "vpngw-1').includes('json.UnexpectedEndOfString'));
  });

  it('reports an unterminated YAML quoted string', () => {
    assert.ok(codes('yaml', 'VpnGatewayId: "vpngw-1\n').some((code) => code.startsWith('yaml.')));
  });

  it('reports a trailing comma in JSON and does not add "missing parameter" noise while the text is broken', () => {
    const found = codes('json', '{"VpnGatewayId": "a",}');
    assert.ok(found.includes('json.PropertyNameExpected'), found.join());
    assert.ok(!found.includes('MissingParameter'));
  });

  it('reports duplicate keys in both languages, on the second key', () => {
    const json = makeDoc('json', '{"PreShareKey": "a", "PreShareKey": "b"}');
    const [duplicate] = withCode(service.validate(json, EN), 'duplicate-key');
    assert.equal(json.offsetAt(duplicate.range.start), 21);
    assert.equal(underlined(json, duplicate), '"PreShareKey"');
    const yaml = makeDoc('yaml', 'PreShareKey: a\nPreShareKey: b\n');
    const [yamlDuplicate] = withCode(service.validate(yaml, EN), 'duplicate-key');
    assert.equal(yaml.offsetAt(yamlDuplicate.range.start), 15);
    assert.equal(underlined(yaml, yamlDuplicate), 'PreShareKey');
    assert.equal(withCode(service.validate(makeDoc('yaml', 'Tags: {a: 1, b: 2}\nVpcId: x\n'), EN), 'duplicate-key').length, 0);
  });

  it('reports tabs used as YAML indentation', () => {
    assert.ok(codes('yaml', 'IKEOptionsSpecification:\n\tIKEVersion: IKEV1\n').some((code) => code.startsWith('yaml.')));
  });

  it('stops a YAML alias bomb with a diagnostic instead of expanding it', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const found = codes('yaml', `${lines.join('\n')}\n`);
    assert.ok(found.includes('yaml.alias-limit'), found.join());
  });

  for (const kind of ['json', 'yaml'] as const) {
    it(`survives 1,000 levels of nesting (${kind})`, () => {
      const text = kind === 'json' ? `{"Tags": ${'['.repeat(1000)}${']'.repeat(1000)}}` : `Tags: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
      const found = codes(kind, text);
      // Whether the yaml library's recursion fits in the stack left depends on the caller's depth: either the
      // document is validated (Tags must be objects), or it says the nesting was too deep and validates nothing.
      assert.ok(found.includes('InvalidParameter') || (kind === 'yaml' && found.includes('yaml.RESOURCE_EXHAUSTION')), found.join());
    });
  }

  it('checks only the syntax of a file above the size limit and says so', () => {
    const small = createLanguageService({ maxAnalysisSize: 100 });
    const doc = makeDoc('json', `{"VpnGatewayId": "${'x'.repeat(200)}", "Foo": 1,}`);
    const found = small.validate(doc, EN).map((d) => String(d.code));
    assert.equal(found[0], 'file-too-large');
    assert.ok(found.includes('json.PropertyNameExpected'), found.join());
    assert.ok(!found.includes('UnknownParameter'), 'no schema validation above the limit');
    assert.equal(small.complete(doc, { line: 0, character: 1 }, EN).items.length, 0);
    assert.equal(small.hover(doc, { line: 0, character: 3 }, EN), null);
  });

  it('validates each document of a YAML stream on its own and tags diagnostics with the document index', () => {
    const doc = makeDoc('yaml', 'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: c\nPreShareKey: d\n---\nAction: DeleteVpnConnection\nVpnGatewayId: vpngw-1w9tue3d\n');
    const diagnostics = service.validate(doc, EN);
    assert.deepEqual(diagnostics.map((d) => [d.message, (d.data as { documentIndex: number }).documentIndex]), [['Missing required parameter "VpnConnectionId".', 1]]);
    assert.equal(diagnostics[0].range.start.line, 5);
  });

  it('gives no diagnostics for an empty document', () => {
    assert.deepEqual(codes('json', ''), []);
    assert.deepEqual(codes('yaml', '# just a comment\n'), []);
  });
});
