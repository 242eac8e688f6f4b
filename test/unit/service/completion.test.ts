import * as assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { parse as parseYamlText } from 'yaml';
import { EN, ZH, docAtCursor, service, type Kind } from './helpers';

function complete(kind: Kind, marked: string, options = EN): CompletionItem[] {
  const { doc, position } = docAtCursor(kind, marked);
  return service.complete(doc, position, options).items;
}

/** The document text after accepting an item, with snippet tab stops replaced by their default text. */
function accept(kind: Kind, marked: string, label: string): string {
  const { doc, position } = docAtCursor(kind, marked);
  const item = service.complete(doc, position, EN).items.find((i) => i.label === label);
  assert.ok(item, `no item "${label}"`);
  const edits = [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])].sort(
    (a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start),
  );
  let text = doc.getText();
  for (const edit of edits)
    text = text.slice(0, doc.offsetAt(edit.range.start)) + edit.newText + text.slice(doc.offsetAt(edit.range.end));
  return text
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

describe('service completion', () => {
  it('offers a skeleton of the required parameters in an empty file that parses to those parameters (json, yaml)', () => {
    const json = JSON.parse(accept('json', '|', 'CreateVpnConnection: required parameters'));
    assert.deepEqual(Object.keys(json), ['VpnGatewayId', 'CustomerGatewayId', 'VpnConnectionName', 'PreShareKey']);
    const yaml = parseYamlText(accept('yaml', '|', 'CreateVpnConnection: required parameters'));
    assert.deepEqual(yaml, json);
  });

  it('offers the keys still allowed, required ones first, never Route or IntegrityAlgorithm (json)', () => {
    const items = complete('json', '{\n  "VpnGatewayId": "vpngw-1w9tue3d",\n  |\n}');
    const labels = items.sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(labels.slice(0, 3), ['CustomerGatewayId', 'VpnConnectionName', 'PreShareKey']);
    assert.ok(!labels.includes('VpnGatewayId'), 'present keys are not offered again');
    assert.ok(!labels.includes('Route') && !labels.includes('IntegrityAlgorithm'));
  });

  it('inserts a JSON key with a quoted placeholder and the comma the next property needs', () => {
    const text = accept('json', '{\n  |\n  "VpnGatewayId": "vpngw-1w9tue3d"\n}', 'PreShareKey');
    assert.deepEqual(JSON.parse(text), { PreShareKey: '6325ac', VpnGatewayId: 'vpngw-1w9tue3d' });
  });

  it('adds the missing comma after the previous property when a key is started on a new line (json)', () => {
    const text = accept('json', '{\n  "VpnGatewayId": "vpngw-1w9tue3d"\n  |\n}', 'VpcId');
    assert.deepEqual(JSON.parse(text), { VpnGatewayId: 'vpngw-1w9tue3d', VpcId: 'vpc-gapcv96p' });
  });

  it('replaces a half-typed quoted key (json)', () => {
    const text = accept('json', '{\n  "Vpn|"\n}', 'VpcId');
    assert.deepEqual(JSON.parse(text), { VpcId: 'vpc-gapcv96p' });
  });

  it('offers enum values with their meanings in the user language (json and yaml)', () => {
    const json = complete('json', '{"RouteType": |}', ZH);
    assert.deepEqual(
      json.map((i) => i.label),
      ['STATIC', 'StaticRoute', 'Policy', 'Bgp'],
    );
    assert.equal(json.find((i) => i.label === 'Bgp')!.detail, 'BGP类型');
    const yaml = complete('yaml', 'IKEOptionsSpecification:\n  PropoAuthenAlgorithm: |');
    assert.deepEqual(
      yaml.map((i) => i.label),
      ['MD5', 'SHA', 'SHA-256', 'SHA-512'],
    );
  });

  it('quotes YAML values that YAML would otherwise read as something else (NULL, "30")', () => {
    assert.deepEqual(parseYamlText(accept('yaml', 'IPSECOptionsSpecification:\n  PfsDhGroup: |', 'NULL')), {
      IPSECOptionsSpecification: { PfsDhGroup: 'NULL' },
    });
    assert.deepEqual(parseYamlText(accept('yaml', 'DpdTimeout: |', '30')), { DpdTimeout: '30' });
  });

  it('offers true and false for booleans', () => {
    assert.deepEqual(
      complete('yaml', 'EnableHealthCheck: |').map((i) => i.label),
      ['true', 'false'],
    );
  });

  it('inserts a whole nested object for an object key, indented under it (yaml)', () => {
    const value = parseYamlText(accept('yaml', 'VpnGatewayId: vpngw-1w9tue3d\n|', 'IKEOptionsSpecification'));
    assert.equal(value.IKEOptionsSpecification.IKEVersion, 'IKEV1');
    assert.equal(value.IKEOptionsSpecification.DhGroupName, 'GROUP1');
  });

  it('inserts a whole security-policy entry as a list item (json and yaml)', () => {
    const json = JSON.parse(accept('json', '{"SecurityPolicyDatabases": [|]}', '{…}'));
    assert.deepEqual(Object.keys(json.SecurityPolicyDatabases[0]), ['LocalCidrBlock', 'RemoteCidrBlock']);
    const yaml = parseYamlText(
      accept(
        'yaml',
        'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/24\n    RemoteCidrBlock: [1.1.1.0/24]\n  - |',
        '{…}',
      ),
    );
    assert.equal(yaml.SecurityPolicyDatabases.length, 2);
    assert.ok(Array.isArray(yaml.SecurityPolicyDatabases[1].RemoteCidrBlock));
  });

  it('offers the keys of the list item object the cursor is in (yaml)', () => {
    const labels = complete('yaml', 'Tags:\n  - Key: city\n    |').map((i) => i.label);
    assert.deepEqual(labels, ['Value']);
  });

  describe('IKE identities: the key of the identity type written, not the other', () => {
    const ikeKeys = (kind: Kind, members: string) =>
      complete(
        kind,
        kind === 'json'
          ? `{"IKEOptionsSpecification": {${members}, |}}`
          : `IKEOptionsSpecification:\n${members
              .split(', ')
              .map((member) => `  ${member.replace(/"/g, '')}`)
              .join('\n')}\n  |`,
      ).map((i) => i.label);

    for (const kind of ['yaml', 'json'] as const) {
      it(`LocalIdentity ADDRESS offers LocalAddress, not LocalFqdnName; FQDN the reverse; Remote likewise (${kind})`, () => {
        const address = ikeKeys(kind, '"LocalIdentity": "ADDRESS", "RemoteIdentity": "FQDN"');
        assert.ok(address.includes('LocalAddress') && !address.includes('LocalFqdnName'), address.join());
        assert.ok(address.includes('RemoteFqdnName') && !address.includes('RemoteAddress'), address.join());
        const fqdn = ikeKeys(kind, '"LocalIdentity": "FQDN", "RemoteIdentity": "ADDRESS"');
        assert.ok(fqdn.includes('LocalFqdnName') && !fqdn.includes('LocalAddress'), fqdn.join());
        assert.ok(fqdn.includes('RemoteAddress') && !fqdn.includes('RemoteFqdnName'), fqdn.join());
      });
    }

    it('offers both keys of a side whose identity type is not written yet', () => {
      const labels = ikeKeys('yaml', 'IKEVersion: IKEV2');
      for (const key of ['LocalAddress', 'LocalFqdnName', 'RemoteAddress', 'RemoteFqdnName'])
        assert.ok(labels.includes(key), key);
    });
  });

  describe('the two spellings of IntegrityAlgorith (sic)', () => {
    const ipsecKeys = (kind: Kind, marked: string, action = 'CreateVpnConnection') =>
      complete(
        kind,
        kind === 'json'
          ? `{"Action": "${action}", "IPSECOptionsSpecification": {${marked}}}`
          : `Action: ${action}\nIPSECOptionsSpecification:\n${marked}`,
      ).map((i) => i.label);

    it('offers the legacy IntegrityAlgorith only, not the corrected IntegrityAlgorithm (json, yaml, both actions)', () => {
      for (const action of ['CreateVpnConnection', 'ModifyVpnConnectionAttribute']) {
        const json = ipsecKeys('json', '|', action);
        assert.ok(json.includes('IntegrityAlgorith') && !json.includes('IntegrityAlgorithm'), `${action}: ${json}`);
        const yaml = ipsecKeys('yaml', '  |', action);
        assert.ok(yaml.includes('IntegrityAlgorith') && !yaml.includes('IntegrityAlgorithm'), `${action}: ${yaml}`);
      }
    });

    it('offers neither once the object has either spelling (json, yaml)', () => {
      for (const present of ['IntegrityAlgorith', 'IntegrityAlgorithm']) {
        const json = ipsecKeys('json', `"${present}": "SHA1", |`);
        assert.ok(!json.includes('IntegrityAlgorith') && !json.includes('IntegrityAlgorithm'), `${present}: ${json}`);
        assert.ok(json.includes('EncryptAlgorithm'), 'the other keys are still offered');
        const yaml = ipsecKeys('yaml', `  ${present}: SHA1\n  |`);
        assert.ok(!yaml.includes('IntegrityAlgorith') && !yaml.includes('IntegrityAlgorithm'), `${present}: ${yaml}`);
      }
    });

    it('offers the same allowed values under either spelling', () => {
      const values = (key: string) => complete('yaml', `IPSECOptionsSpecification:\n  ${key}: |`).map((i) => i.label);
      assert.deepEqual(values('IntegrityAlgorith'), ['MD5', 'SHA1', 'SHA-256', 'SHA-512', 'SHA-384', 'SM3']);
      assert.deepEqual(values('IntegrityAlgorithm'), values('IntegrityAlgorith'));
    });

    it('never inserts both spellings with a whole IPsec object (Create and Modify)', () => {
      for (const action of ['CreateVpnConnection', 'ModifyVpnConnectionAttribute']) {
        const text = accept('yaml', `Action: ${action}\nIPSECOptionsSpecification: |`, '{…}');
        const ipsec = parseYamlText(text).IPSECOptionsSpecification;
        assert.equal(ipsec.IntegrityAlgorith, 'SHA1', action);
        assert.ok(!('IntegrityAlgorithm' in ipsec), action);
      }
    });
  });

  it('inserts whole Tags, BgpConfig and HealthCheckConfig structures that parse back as collections (yaml)', () => {
    for (const key of ['Tags', 'BgpConfig', 'HealthCheckConfig']) {
      const text = accept(
        'yaml',
        `VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: a\nPreShareKey: b\n|`,
        key,
      );
      const value = parseYamlText(text);
      assert.equal(typeof value[key], 'object', `${key} inserted as a structure`);
    }
  });
});
