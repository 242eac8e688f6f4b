import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { EN, ZH, docAtCursor, service, type Kind } from './helpers';

function hover(kind: Kind, marked: string, options = EN): { text: string; range?: string } | null {
  const { doc, position } = docAtCursor(kind, marked);
  const result = service.hover(doc, position, options);
  if (!result) return null;
  return { text: (result.contents as MarkupContent).value, range: result.range && doc.getText(result.range) };
}

describe('service hover', () => {
  it('explains a key: type, required, docs, allowed values with meanings, default, example and API link (json)', () => {
    const result = hover('json', '{"Route|Type": "STATIC"}')!;
    assert.equal(result.range, '"RouteType"');
    assert.match(result.text, /\*\*RouteType\*\* · `string` · optional/);
    assert.match(result.text, /`"Bgp"` — BGP \(dynamic routing\) tunnel/);
    assert.match(result.text, /Default: `"STATIC"`/);
    assert.match(
      result.text,
      /\(https:\/\/console\.tencentcloud\.com\/api\/explorer\?Product=vpc.*Action=CreateVpnConnection\)/,
    );
  });

  it('explains in Chinese with the Chinese API page when asked (yaml)', () => {
    const result = hover('yaml', 'VpnGateway|Id: vpngw-1w9tue3d\n', ZH)!;
    assert.match(result.text, /VPN网关实例ID/);
    assert.match(result.text, /必填/);
    assert.match(result.text, /console\.cloud\.tencent\.com/);
  });

  it('says what an enum value means when hovering the value (yaml)', () => {
    const result = hover('yaml', 'IKEOptionsSpecification:\n  DhGroupName: GRO|UP2\n')!;
    assert.equal(result.range, 'GROUP2');
    assert.match(result.text, /^`"GROUP2"`: DH group 2 \(1024-bit MODP, weak\)/);
  });

  it('shows length and range limits', () => {
    assert.match(hover('json', '{"VpnConnection|Name": "x"}')!.text, /Length: 1–60/);
    assert.match(hover('yaml', 'IKEOptionsSpecification:\n  IKESaLifetime|Seconds: 100\n')!.text, /Range: 60–604800/);
  });

  it('explains the list a list item belongs to (yaml)', () => {
    const result = hover(
      'yaml',
      'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/24\n    RemoteCidrBlock:\n      - 1.1.1|.0/24\n',
    )!;
    assert.match(result.text, /\*\*RemoteCidrBlock\*\*/);
  });

  describe('the two spellings of IntegrityAlgorith (sic)', () => {
    const ipsec = (key: string, options = EN, action = 'CreateVpnConnection') =>
      hover(
        'yaml',
        `Action: ${action}\nIPSECOptionsSpecification:\n  ${key.slice(0, 5)}|${key.slice(5)}: SHA1\n`,
        options,
      )!.text;

    it('explains the legacy spelling as the one examples, terraform and responses use (en, zh)', () => {
      const en = ipsec('IntegrityAlgorith');
      assert.match(en, /\*\*IntegrityAlgorith\*\*/);
      assert.match(en, /`IntegrityAlgorith` \(sic\) is the legacy spelling/);
      assert.match(en, /every official example, terraform and the API's responses/);
      assert.match(en, /deprecated/);
      assert.match(en, /Both spellings are valid input/);
      assert.match(en, /never give both in one object \(InvalidParameter\.Coexist\)/);
      const zh = ipsec('IntegrityAlgorith', ZH);
      assert.match(zh, /`IntegrityAlgorith`（原文如此）是旧拼写/);
      assert.match(zh, /废弃/);
      assert.match(zh, /两种拼写都是有效输入/);
      assert.match(zh, /InvalidParameter\.Coexist/);
    });

    it('explains the corrected spelling as the one the current SDK and tccli document (en, zh, Create and Modify)', () => {
      for (const action of ['CreateVpnConnection', 'ModifyVpnConnectionAttribute']) {
        const en = ipsec('IntegrityAlgorithm', EN, action);
        assert.match(en, /\*\*IntegrityAlgorithm\*\* · `string` · optional/);
        assert.match(en, /`IntegrityAlgorithm` is the corrected spelling, the one the current SDK and tccli document/);
        assert.match(en, /`IntegrityAlgorith` \(sic\) is the legacy spelling/);
        assert.match(en, /never give both in one object/);
        const zh = ipsec('IntegrityAlgorithm', ZH, action);
        assert.match(zh, /`IntegrityAlgorithm` 是更正后的拼写/);
        assert.match(zh, /同一对象中不要同时填写两者/);
      }
    });

    it('shows the same merged allowed values and default under both spellings', () => {
      for (const key of ['IntegrityAlgorith', 'IntegrityAlgorithm']) {
        const text = ipsec(key);
        for (const value of ['MD5', 'SHA1', 'SHA-256', 'SHA-512', 'SHA-384', 'SM3'])
          assert.match(text, new RegExp(`^- \`"${value}"\``, 'm'), `${key}: ${value}`);
        assert.match(text, /Default: `"SHA1"`/);
        assert.doesNotMatch(ipsec(key, ZH), /默认为(?!SHA1)/, `${key}: the truncated "默认为" is completed`);
      }
    });
  });

  it('shows the corrected allowed values where the copied English doc was stale', () => {
    const auth = hover('yaml', 'IKEOptionsSpecification:\n  PropoAuthen|Algorithm: SHA\n')!.text;
    assert.match(auth, /Valid values: `MD5`, `SHA`, `SHA-256` and `SHA-512`; default value: `SHA`\./);
    assert.doesNotMatch(auth, /SHA1/);
    const encryption = hover('yaml', 'IKEOptionsSpecification:\n  PropoEncry|Algorithm: AES-CBC-192\n')!.text;
    assert.doesNotMatch(encryption, /AES-CBS-192/);
    assert.match(encryption, /Valid values: `3DES-CBC`, `AES-CBC-128`, `AES-CBC-192`/);
    assert.match(
      hover('json', '{"Route|Type": "Bgp"}')!.text,
      /Valid values: `STATIC`, `StaticRoute`, `Policy` and `Bgp`\./,
    );
    assert.match(hover('json', '{"Route|Type": "Bgp"}', ZH)!.text, /枚举值：\n- STATIC： 静态路由/);
  });

  it('has nothing to say about an unknown key', () => {
    assert.equal(hover('json', '{"Fo|o": 1}'), null);
  });
});
