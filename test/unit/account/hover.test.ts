/** Hover on an account id: the resource's card, or where the id really is; nothing extra without an account. */
import assert from 'node:assert/strict';
import type { AccountResources } from '../../../language/account/snapshot';
import { optionsWith, seedAccount, service, yamlDoc } from './fixtures';

/** The hover text on the value of line `line` (a `Key: value` line). */
function hoverText(
  text: string,
  line: number,
  account: AccountResources | null = seedAccount(),
  lang: 'en' | 'zh' = 'en',
): string {
  const doc = yamlDoc(text);
  const character = doc.getText().split('\n')[line].indexOf(': ') + 3;
  return (service.hover(doc, { line, character }, optionsWith(account, lang))?.contents as { value: string }).value;
}

describe('account hover', () => {
  it("shows a gateway's name, IP, type, version, state and BGP ASN above the parameter docs", () => {
    const text = hoverText('VpnGatewayId: vpngw-8bgp4k2d\n', 0);
    assert.match(text, /^VPN gateway \*\*bgp-ipsec-gw-gz\*\* `vpngw-8bgp4k2d` \(ap-guangzhou\)/);
    for (const row of [
      'Public IP: 203.0.113.11',
      'Type: IPSEC',
      'Version: 4.0',
      'State: AVAILABLE',
      'BGP ASN: 64551',
      'VPC: vpc-k3m9p2xa',
    ])
      assert.ok(text.includes(`- ${row}`), row);
    assert.match(text, /---\n\n\*\*VpnGatewayId\*\*/);
  });

  it('says "none" for a customer gateway without an ASN, and in Chinese when asked', () => {
    assert.ok(hoverText('CustomerGatewayId: cgw-qa9sxpy7\n', 0).includes('- BGP ASN: none'));
    assert.ok(
      hoverText('CustomerGatewayId: cgw-qa9sxpy7\n', 0, seedAccount(), 'zh').includes('对端网关 **demo-cgw-gz**'),
    );
  });

  it("shows a VPC of the document's region with its CIDR", () => {
    assert.match(
      hoverText('Region: ap-shanghai\nVpcId: vpc-s7d2q8wn\n', 1),
      /VPC \*\*demo-vpc-sh\*\* `vpc-s7d2q8wn` \(ap-shanghai\)[\s\S]*CIDR: 10\.20\.0\.0\/16/,
    );
  });

  it("warns when the id is not in the document's region, naming the region that has it", () => {
    assert.match(
      hoverText('Region: ap-shanghai\nVpnGatewayId: vpngw-1w9tue3d\n', 1),
      /^⚠ No VPN gateway `vpngw-1w9tue3d` in ap-shanghai; it exists in ap-guangzhou\./,
    );
    assert.match(hoverText('VpcId: vpc-nowhere1\n', 0), /^⚠ No VPC `vpc-nowhere1` in ap-guangzhou\./);
  });

  it('without an account shows the parameter docs only', () => {
    const doc = yamlDoc('VpnGatewayId: vpngw-8bgp4k2d\n');
    const plain = service.hover(doc, { line: 0, character: 16 }, { lang: 'en', disabledRules: [] });
    assert.match((plain?.contents as { value: string }).value, /^\*\*VpnGatewayId\*\*/);
  });
});
