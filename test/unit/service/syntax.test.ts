import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../../language/languageService';
import { EN, makeDoc, service, underlined, withCode } from './helpers';

const codes = (kind: 'json' | 'yaml', text: string) =>
  service.validate(makeDoc(kind, text), EN).map((d) => String(d.code));

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
    assert.equal(
      withCode(service.validate(makeDoc('yaml', 'Tags: {a: 1, b: 2}\nVpcId: x\n'), EN), 'duplicate-key').length,
      0,
    );
  });

  it('reports tabs used as YAML indentation', () => {
    assert.ok(
      codes('yaml', 'IKEOptionsSpecification:\n\tIKEVersion: IKEV1\n').some((code) => code.startsWith('yaml.')),
    );
  });

  it('stops a YAML alias bomb with a diagnostic instead of expanding it', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const found = codes('yaml', `${lines.join('\n')}\n`);
    assert.ok(found.includes('yaml.alias-limit'), found.join());
  });

  for (const kind of ['json', 'yaml'] as const) {
    it(`survives 1,000 levels of nesting (${kind})`, () => {
      const text =
        kind === 'json'
          ? `{"Tags": ${'['.repeat(1000)}${']'.repeat(1000)}}`
          : `Tags: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
      const found = codes(kind, text);
      // Whether the yaml library's recursion fits in the stack left depends on the caller's depth: either the
      // document is validated (Tags must be objects), or it says the nesting was too deep and validates nothing.
      assert.ok(
        found.includes('InvalidParameter') || (kind === 'yaml' && found.includes('yaml.RESOURCE_EXHAUSTION')),
        found.join(),
      );
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
    const doc = makeDoc(
      'yaml',
      'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: c\nPreShareKey: d\n---\nAction: DeleteVpnConnection\nVpnGatewayId: vpngw-1w9tue3d\n',
    );
    const diagnostics = service.validate(doc, EN);
    assert.deepEqual(
      diagnostics.map((d) => [d.message, (d.data as { documentIndex: number }).documentIndex]),
      [['Missing required parameter "VpnConnectionId".', 1]],
    );
    assert.equal(diagnostics[0].range.start.line, 5);
  });

  it('gives no diagnostics for an empty document', () => {
    assert.deepEqual(codes('json', ''), []);
    assert.deepEqual(codes('yaml', '# just a comment\n'), []);
  });
});

/** A valid document's members, one per line, to break one at a time. */
const HEAD = 'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: c\nPreShareKey: d\n';
const JSON_HEAD =
  '{\n  "VpnGatewayId": "vpngw-1w9tue3d",\n  "CustomerGatewayId": "cgw-qa9sxpy7",\n  "VpnConnectionName": "c",\n  "PreShareKey": "d"';

/**
 * The diagnostics of a text as "code line:character", after checking what must hold for every broken text: no
 * two diagnostics start at one position, and none quotes an empty parameter name.
 */
function onePerFault(kind: 'json' | 'yaml', text: string): string[] {
  const diagnostics = service.validate(makeDoc(kind, text), EN);
  const starts = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}`);
  assert.equal(
    new Set(starts).size,
    starts.length,
    `two diagnostics at one position: ${JSON.stringify(diagnostics.map((d) => [d.code, d.message, d.range.start]))}`,
  );
  assert.ok(
    diagnostics.every((d) => !String(d.message).includes('Unknown parameter ""')),
    diagnostics.map((d) => d.message).join('\n'),
  );
  return diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`);
}

describe('service validation: a broken file gets one diagnostic per fault', () => {
  it('YAML unclosed flow sequence: the syntax error alone, not "VpnGatewayId must be a string, not an array"', () => {
    assert.deepEqual(
      onePerFault(
        'yaml',
        'VpnGatewayId: [vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: c\nPreShareKey: d\n',
      ),
      ['yaml.BAD_INDENT 1:0'],
    );
    assert.deepEqual(onePerFault('yaml', `${HEAD}SecurityPolicyDatabases: [\n  {LocalCidrBlock: 10.0.0.0/16\n`), [
      'yaml.BAD_INDENT 6:0',
    ]);
  });

  it('YAML bad indentation: one error for a line indented too little, one for a line indented too far', () => {
    assert.deepEqual(
      onePerFault('yaml', `${HEAD}IKEOptionsSpecification:\n  IKEVersion: IKEV1\n ExchangeMode: MAIN\n`),
      ['yaml.BAD_INDENT 6:0'],
    );
    const tooFar = service.validate(
      makeDoc('yaml', `${HEAD}IKEOptionsSpecification:\n  IKEVersion: IKEV1\n    ExchangeMode: MAIN\n`),
      EN,
    );
    assert.deepEqual(
      tooFar.map((d) => [d.code, d.range.start.line]),
      [['yaml.BLOCK_AS_IMPLICIT_KEY', 5]],
    );
    assert.match(String(tooFar[0].message), /indented too far/);
  });

  it('YAML missing colon: the key error alone, with a hint, not an unknown parameter made of two lines', () => {
    const diagnostics = service.validate(
      makeDoc(
        'yaml',
        'VpnGatewayId vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: c\nPreShareKey: d\n',
      ),
      EN,
    );
    assert.deepEqual(
      onePerFault(
        'yaml',
        'VpnGatewayId vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: c\nPreShareKey: d\n',
      ),
      ['yaml.MULTILINE_IMPLICIT_KEY 0:0'],
    );
    assert.match(String(diagnostics[0].message), /colon missing/);
    assert.deepEqual(
      onePerFault('yaml', `${HEAD}IKEOptionsSpecification:\n  IKEVersion IKEV1\n  ExchangeMode: MAIN\n`),
      ['yaml.MULTILINE_IMPLICIT_KEY 5:2'],
    );
  });

  it('YAML tab: the tab alone, not "Unknown parameter IKEVersion" and "must be an object, not null"', () => {
    assert.deepEqual(onePerFault('yaml', `${HEAD}IKEOptionsSpecification:\n\tIKEVersion: IKEV1\n`), [
      'yaml.TAB_AS_INDENT 5:0',
    ]);
  });

  it('YAML stray "-" in a mapping: one error where the library gives three at one offset, no "Unknown parameter """', () => {
    const diagnostics = service.validate(makeDoc('yaml', `${HEAD}- x\n`), EN);
    assert.deepEqual(onePerFault('yaml', `${HEAD}- x\n`), ['yaml.UNEXPECTED_TOKEN 4:0']);
    assert.equal(diagnostics[0].message, 'Unexpected "-" on same line with key');
  });

  it('YAML unclosed quote: the missing quote alone, for a value and for a key', () => {
    assert.deepEqual(
      onePerFault(
        'yaml',
        'VpnGatewayId: "vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: c\nPreShareKey: d\n',
      ),
      ['yaml.MISSING_CHAR 4:0'],
    );
    assert.deepEqual(onePerFault('yaml', `${HEAD}"Foo: 1\n`), ['yaml.MISSING_CHAR 5:0']);
  });

  it('JSON unclosed quote: the unterminated string alone, not the comma it swallowed nor an id-format error', () => {
    const text =
      '{\n  "VpnGatewayId": "vpngw-1w9tue3d,\n  "CustomerGatewayId": "cgw-qa9sxpy7",\n  "VpnConnectionName": "c",\n  "PreShareKey": "d"\n}\n';
    assert.deepEqual(onePerFault('json', text), ['json.UnexpectedEndOfString 1:18']);
    assert.deepEqual(onePerFault('json', `${JSON_HEAD.replace('"d"', '"d')}\n}\n`), [
      'json.UnexpectedEndOfString 4:17',
    ]);
  });

  it('JSON: one error per position where jsonc-parser gives two (trailing comma, value expected)', () => {
    assert.deepEqual(onePerFault('json', `${JSON_HEAD},\n}\n`), ['json.PropertyNameExpected 5:0']);
  });

  it('JSON unclosed array: one missing "]", not a comma error at every later member nor "Tags[1] must be an object"', () => {
    assert.deepEqual(onePerFault('json', `${JSON_HEAD},\n  "Tags": [{"Key": "a", "Value": "b"}\n}\n`), [
      'json.CloseBracketExpected 6:0',
    ]);
    const text =
      '{\n  "Tags": [{"Key": "a", "Value": "b"},\n  "VpnGatewayId": "vpngw-1w9tue3d",\n  "CustomerGatewayId": "cgw-qa9sxpy7",\n  "VpnConnectionName": "c",\n  "PreShareKey": "d"\n}\n';
    assert.deepEqual(onePerFault('json', text), ['json.CloseBracketExpected 2:2']);
    const [diagnostic] = service.validate(makeDoc('json', text), EN);
    assert.equal(diagnostic.message, 'Closing bracket "]" expected before this key: the list above is not closed.');
  });

  it('keeps the findings of members the syntax error does not touch, and a second fault of its own', () => {
    assert.deepEqual(onePerFault('json', `${JSON_HEAD},\n  "RouteType": "static"\n  "Foo": 1\n}\n`), [
      'json.CommaExpected 6:2',
      'InvalidParameterValue 5:15',
    ]);
    assert.deepEqual(onePerFault('yaml', `RouteType: static\n${HEAD}IKEOptionsSpecification:\n\tIKEVersion: IKEV1\n`), [
      'yaml.TAB_AS_INDENT 6:0',
      'InvalidParameterValue 0:11',
    ]);
    assert.deepEqual(onePerFault('json', '{"RouteType": "static"'), [
      'json.CloseBraceExpected 0:22',
      'InvalidParameterValue 0:14',
    ]);
  });

  it('suppresses findings only in the broken document of a YAML stream', () => {
    const found = onePerFault(
      'yaml',
      `${HEAD}IKEOptionsSpecification:\n\tIKEVersion: IKEV1\n---\n${HEAD}RouteType: static\n`,
    );
    assert.deepEqual(found, ['yaml.TAB_AS_INDENT 5:0', 'InvalidParameterValue 11:11']);
  });

  it('keeps findings while the only problem is a duplicate key (it breaks nothing)', () => {
    assert.deepEqual(onePerFault('yaml', `${HEAD}RouteType: static\nPreShareKey: e\n`), [
      'duplicate-key 5:0',
      'InvalidParameterValue 4:11',
    ]);
  });
});
