import * as assert from 'node:assert/strict';
import type { SemanticFix } from '../../../language/types';
import { fixtureText } from '../../support/fixtures';
import { ACTION_SCHEMAS, schemaFindings } from '../../../language/schema/paramsValidation';
import { schemaAtPath, type JsonSchema } from '../../../language/schema/schemaLookup';
import { algorithmOf, closestValue } from '../../../language/schema/similarity';
import { EN, ZH, makeDoc, service, underlined, withCode, type Kind } from './helpers';

const fixesOf = (d: { data?: unknown }) => (d.data as { fixes: SemanticFix[] }).fixes ?? [];

describe('service validation: schema diagnostics', () => {
  for (const kind of ['json', 'yaml'] as const) {
    it(`finds nothing wrong in the official example but its weak algorithms, as information (${kind})`, () => {
      const diagnostics = service.validate(makeDoc(kind, fixtureText('typical', kind)), EN);
      assert.deepEqual(
        diagnostics.filter((d) => d.code !== 'weak-cryptography'),
        [],
      );
      assert.ok(
        diagnostics.length > 0 && diagnostics.every((d) => d.severity === 3),
        'weak algorithms are information',
      );
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
      assert.deepEqual(
        fixesOf(diagnostic).map((f) => f.kind === 'renameKey' && f.newKey),
        ['VpnConnectionName'],
      );
    });
  }

  it('underlines the opening brace of a JSON object that misses a required key, with an add fix from the example', () => {
    const doc = makeDoc(
      'json',
      '{\n  "VpnGatewayId": "vpngw-1", "CustomerGatewayId": "cgw-1", "VpnConnectionName": "a"\n}',
    );
    const [missing] = withCode(service.validate(doc, EN), 'MissingParameter');
    assert.equal(underlined(doc, missing), '{');
    assert.match(String(missing.message), /"PreShareKey"/);
    assert.deepEqual(fixesOf(missing), [
      {
        kind: 'addProperties',
        path: [],
        properties: { PreShareKey: '6325ac' },
        title: { en: 'Add "PreShareKey"', zh: '添加 "PreShareKey"' },
      },
    ]);
  });

  it('underlines the key of a nested YAML object that misses a required key', () => {
    const doc = makeDoc(
      'yaml',
      'VpnGatewayId: a\nCustomerGatewayId: b\nVpnConnectionName: c\nPreShareKey: d\nBgpConfig:\n  TunnelCidr: 169.254.128.0/30\n  LocalBgpIp: 169.254.128.1\n',
    );
    const missing = withCode(service.validate(doc, EN), 'MissingParameter');
    assert.deepEqual(
      missing.map((d) => underlined(doc, d)),
      ['BgpConfig'],
    );
    assert.match(String(missing[0].message), /RemoteBgpIp/);
  });

  it('corrects an enum value per field: "static" -> STATIC for RouteType, "sha1" -> SHA1 in IPsec', () => {
    const doc = makeDoc(
      'json',
      '{"VpnGatewayId": "a", "CustomerGatewayId": "b", "VpnConnectionName": "c", "PreShareKey": "d",\n "RouteType": "static",\n "IPSECOptionsSpecification": {"IntegrityAlgorith": "sha1"}}',
    );
    const diagnostics = service.validate(doc, EN);
    const byText = new Map(diagnostics.map((d) => [underlined(doc, d), d]));
    assert.deepEqual(
      fixesOf(byText.get('"static"')!).map((f) => f.kind === 'setValue' && f.value),
      ['STATIC'],
    );
    assert.deepEqual(
      fixesOf(byText.get('"sha1"')!).map((f) => f.kind === 'setValue' && f.value),
      ['SHA1'],
    );
    assert.equal(byText.get('"static"')!.code, 'InvalidParameterValue');
  });

  it('offers SHA for the IKE authentication algorithm written the IPsec way (SHA1)', () => {
    const doc = makeDoc(
      'yaml',
      'VpnGatewayId: a\nCustomerGatewayId: b\nVpnConnectionName: c\nPreShareKey: d\nIKEOptionsSpecification:\n  PropoAuthenAlgorithm: SHA1\n',
    );
    const [diagnostic] = service.validate(doc, EN).filter((d) => underlined(doc, d) === 'SHA1');
    assert.ok(diagnostic, 'the wrong spelling is reported on the value');
    assert.ok(fixesOf(diagnostic).some((f) => f.kind === 'setValue' && f.value === 'SHA'));
  });

  it('reports a number where the API takes a string (DpdTimeout) with a fix to the string', () => {
    const doc = makeDoc(
      'yaml',
      'VpnGatewayId: a\nCustomerGatewayId: b\nVpnConnectionName: c\nPreShareKey: d\nDpdEnable: 1\nDpdTimeout: 30\n',
    );
    const [typeError] = withCode(service.validate(doc, EN), 'InvalidParameter');
    assert.equal(underlined(doc, typeError), '30');
    assert.match(String(typeError.message), /DpdTimeout must be a string, not an integer/);
    assert.deepEqual(
      fixesOf(typeError).map((f) => f.kind === 'setValue' && f.value),
      ['30'],
    );
  });

  it('underlines a range violation on the value and says the limits', () => {
    const doc = makeDoc(
      'json',
      '{"VpnGatewayId": "a", "CustomerGatewayId": "b", "VpnConnectionName": "c", "PreShareKey": "d", "IKEOptionsSpecification": {"IKESaLifetimeSeconds": 5}}',
    );
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
    // The action's API reference page (cloud.tencent.com for Chinese), which lists the codes it returns.
    assert.equal(unknown.codeDescription!.href, 'https://cloud.tencent.com/document/api/215/17522');
  });

  it('keeps only the rule finding when a rule and the schema speak about the same value (name length vs maxLength)', () => {
    const doc = makeDoc(
      'json',
      `{"VpnGatewayId": "vpngw-1w9tue3d", "CustomerGatewayId": "cgw-qa9sxpy7", "VpnConnectionName": "${'n'.repeat(61)}", "PreShareKey": "d"}`,
    );
    const onName = service.validate(doc, EN).filter((d) => underlined(doc, d) === `"${'n'.repeat(61)}"`);
    assert.deepEqual(
      onName.map((d) => (d.data as { ruleId: string }).ruleId),
      ['name-length'],
    );
  });

  it('validates the document an Action key names (DeleteVpnConnection requires VpnConnectionId)', () => {
    const doc = makeDoc('yaml', 'Action: DeleteVpnConnection\nVpnGatewayId: vpngw-1\n');
    const messages = withCode(service.validate(doc, EN), 'MissingParameter').map((d) => d.message);
    assert.deepEqual(messages, ['Missing required parameter "VpnConnectionId".']);
  });

  it('drops the disabled rules given in the options', () => {
    const doc = makeDoc('json', '{"Foo": 1}');
    const codes = service
      .validate(doc, { lang: 'en', disabledRules: ['schema.required'] })
      .map((d) => (d.data as { ruleId: string }).ruleId);
    assert.ok(codes.includes('schema.additionalProperties'));
    assert.ok(!codes.includes('schema.required'), codes.join(', '));
  });
});

/** What a valid document needs besides the value under test. */
const REQUIRED = {
  VpnGatewayId: 'vpngw-1w9tue3d',
  CustomerGatewayId: 'cgw-qa9sxpy7',
  VpnConnectionName: 'c',
  PreShareKey: 'd',
};
const createSchema = ACTION_SCHEMAS.CreateVpnConnection as JsonSchema;

/** The values a vendor writes, by field, and the Tencent value each must be matched onto. */
const VENDOR_SPELLINGS: { path: [string, string]; written: (string | number)[]; meant: string }[] = [
  ...(['IKEOptionsSpecification.PropoEncryAlgorithm', 'IPSECOptionsSpecification.EncryptAlgorithm'] as const).flatMap(
    (field) => [
      {
        path: split(field),
        written: ['AES-GCM-256', 'aes256gcm', 'AES256-GCM', 'aes256gcm16', 'aes_256_gcm'],
        meant: 'AES256GCM128',
      },
      { path: split(field), written: ['AES-GCM-128', 'aes128gcm'], meant: 'AES128GCM128' },
      { path: split(field), written: ['AES-128', 'aes128', 'AES128-CBC', 'aes-128-cbc'], meant: 'AES-CBC-128' },
      { path: split(field), written: ['AES-256', 'aes256', 'AES256-CBC'], meant: 'AES-CBC-256' },
      { path: split(field), written: ['3DES', '3des', 'des3'], meant: '3DES-CBC' },
    ],
  ),
  { path: ['IKEOptionsSpecification', 'PropoAuthenAlgorithm'], written: ['SHA1', 'sha-1', 'hmac-sha1'], meant: 'SHA' },
  {
    path: ['IKEOptionsSpecification', 'PropoAuthenAlgorithm'],
    written: ['SHA256', 'sha2-256', 'hmac-sha256'],
    meant: 'SHA-256',
  },
  {
    path: ['IPSECOptionsSpecification', 'IntegrityAlgorith'],
    written: ['SHA-1', 'sha', 'hmac-sha1-96'],
    meant: 'SHA1',
  },
  {
    path: ['IPSECOptionsSpecification', 'IntegrityAlgorith'],
    written: ['SHA256', 'sha2-256', 'sha256-128'],
    meant: 'SHA-256',
  },
  ...dhSpellings('IKEOptionsSpecification.DhGroupName', (n) => `GROUP${n}`),
  ...dhSpellings('IPSECOptionsSpecification.PfsDhGroup', (n) => `DH-GROUP${n}`),
];

function split(field: string): [string, string] {
  const [section, name] = field.split('.');
  return [section, name];
}

/** modp/ecp names, groupN, DHn and the bare number, for each group the API knows. */
function dhSpellings(
  field: string,
  tencent: (group: number) => string,
): { path: [string, string]; written: (string | number)[]; meant: string }[] {
  const byName: Record<number, string> = {
    2: 'modp1024',
    5: 'modp1536',
    14: 'modp2048',
    15: 'modp3072',
    16: 'modp4096',
    19: 'ecp256',
    20: 'ecp384',
    21: 'ecp521',
  };
  return Object.entries(byName).map(([group, name]) => ({
    path: split(field),
    written: [name, `group${group}`, `DH${group}`, group, Number(group)],
    meant: tencent(Number(group)),
  }));
}

/** The values a fix at `path` sets, from every finding there (schema or rule). */
function suggestedAt(findings: { path: (string | number)[]; fixes?: SemanticFix[] }[], path: string[]): unknown[] {
  return findings
    .filter((f) => f.path.join('.') === path.join('.'))
    .flatMap((f) => (f.fixes ?? []).flatMap((fix) => (fix.kind === 'setValue' ? [fix.value] : [])));
}

describe('service validation: the near-miss suggestion knows vendor spellings of algorithms', () => {
  for (const { path, written, meant } of VENDOR_SPELLINGS) {
    it(`suggests ${meant} for ${written.map((w) => JSON.stringify(w)).join(', ')} in ${path.join('.')}`, () => {
      assert.ok(schemaAtPath(createSchema, path)?.enum?.includes(meant), `${meant} is a value the schema allows`);
      for (const value of written) {
        const findings = schemaFindings({ ...REQUIRED, [path[0]]: { [path[1]]: value } });
        assert.deepEqual(suggestedAt(findings, path), [meant], `${JSON.stringify(value)} in ${path.join('.')}`);
        const [finding] = findings.filter((f) => f.path.join('.') === path.join('.'));
        assert.ok(finding.message.en.includes(`Did you mean "${meant}"?`), finding.message.en);
      }
    });
  }

  it('offers the mapped value through the language service, in JSON and YAML (IKE and IPsec)', () => {
    const json = makeDoc(
      'json',
      '{"VpnGatewayId": "vpngw-1w9tue3d", "CustomerGatewayId": "cgw-qa9sxpy7", "VpnConnectionName": "c", "PreShareKey": "d",\n "IKEOptionsSpecification": {"DhGroupName": "modp2048"},\n "IPSECOptionsSpecification": {"EncryptAlgorithm": "AES-GCM-256"}}',
    );
    const yaml = makeDoc(
      'yaml',
      'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: c\nPreShareKey: d\nIKEOptionsSpecification:\n  DhGroupName: modp2048\nIPSECOptionsSpecification:\n  EncryptAlgorithm: AES-GCM-256\n',
    );
    for (const [doc, quote] of [
      [json, '"'],
      [yaml, ''],
    ] as const) {
      const byText = new Map(service.validate(doc, EN).map((d) => [underlined(doc, d), d]));
      assert.deepEqual(
        fixesOf(byText.get(`${quote}modp2048${quote}`)!).map((f) => f.kind === 'setValue' && f.value),
        ['GROUP14'],
      );
      assert.deepEqual(
        fixesOf(byText.get(`${quote}AES-GCM-256${quote}`)!).map((f) => f.kind === 'setValue' && f.value),
        ['AES256GCM128'],
      );
    }
  });

  it('suggests nothing for an algorithm the field does not offer, rather than a different one one edit away', () => {
    for (const [path, value] of [
      [['IPSECOptionsSpecification', 'EncryptAlgorithm'], 'aes-256-ctr'],
      [['IKEOptionsSpecification', 'PropoAuthenAlgorithm'], 'sha224'],
      [['IKEOptionsSpecification', 'DhGroupName'], 'modp8192'],
      [['IKEOptionsSpecification', 'PropoEncryAlgorithm'], 'aes256gcm8'],
    ] as const) {
      assert.deepEqual(
        suggestedAt(schemaFindings({ ...REQUIRED, [path[0]]: { [path[1]]: value } }), [...path]),
        [],
        `${value} in ${path.join('.')}`,
      );
    }
  });

  it('still corrects plain typos by edit distance', () => {
    assert.equal(closestValue('STATC', ['STATIC', 'StaticRoute', 'Policy', 'Bgp']), 'STATIC');
    assert.equal(closestValue('SHA-265', ['MD5', 'SHA', 'SHA-256', 'SHA-512']), 'SHA-256');
  });

  it('reads vendor names as one canonical algorithm each', () => {
    assert.equal(algorithmOf('AES256GCM128'), algorithmOf('aes-gcm-256'));
    assert.equal(algorithmOf('GROUP24'), algorithmOf('modp2048s256'));
    assert.equal(algorithmOf('DH-GROUP14'), algorithmOf('GROUP14'));
    assert.notEqual(algorithmOf('AES-CBC-256'), algorithmOf('AES256GCM128'));
    assert.equal(algorithmOf('STATIC'), undefined);
  });
});
