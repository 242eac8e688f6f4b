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
    assert.match(result.text, /\(https:\/\/console\.tencentcloud\.com\/api\/explorer\?Product=vpc.*Action=CreateVpnConnection\)/);
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
    assert.match(result.text, /^`"GROUP2"`: DH group 2 \(1024-bit MODP\)/);
  });

  it('shows length and range limits', () => {
    assert.match(hover('json', '{"VpnConnection|Name": "x"}')!.text, /Length: 1–60/);
    assert.match(hover('yaml', 'IKEOptionsSpecification:\n  IKESaLifetime|Seconds: 100\n')!.text, /Range: 60–604800/);
  });

  it('explains the list a list item belongs to (yaml)', () => {
    const result = hover('yaml', 'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/24\n    RemoteCidrBlock:\n      - 1.1.1|.0/24\n')!;
    assert.match(result.text, /\*\*RemoteCidrBlock\*\*/);
  });

  it('has nothing to say about an unknown key', () => {
    assert.equal(hover('json', '{"Fo|o": 1}'), null);
  });
});
