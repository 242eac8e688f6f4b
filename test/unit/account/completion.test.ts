/**
 * Account-aware completion of VpnGatewayId, CustomerGatewayId and VpcId: the account's resources of the
 * document's region come first, labelled; without an account the list is the schema's alone; while the region
 * is being fetched the list is the schema's and marked incomplete (never waited on).
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { AccountResources } from '../../../language/account/snapshot';
import { optionsWith, seedAccount, service, yamlAt } from './fixtures';

const complete = (text: string, account: AccountResources | null = seedAccount()) => {
  const { doc, position } = yamlAt(text);
  return service.complete(doc, position, optionsWith(account));
};
const labels = (items: CompletionItem[]) => items.map((item) => item.label);

/** An account that knows nothing yet and is fetching every region. */
const LOADING: AccountResources = {
  defaultRegion: () => undefined,
  snapshot: () => undefined,
  locate: () => undefined,
  loading: () => true,
};

describe('account completion', () => {
  it('offers the VPN gateways of the default region, labelled with name, public IP, type and state, before the schema example', () => {
    const list = complete('VpnGatewayId: |\n');
    const gateway = list.items.find((item) => item.label === 'vpngw-8bgp4k2d')!;
    assert.equal(gateway.labelDetails?.description, 'bgp-ipsec-gw-gz · 203.0.113.11 · IPSEC · AVAILABLE');
    assert.match(String((gateway.documentation as { value: string }).value), /Version: 4\.0[\s\S]*BGP ASN: 64551/);
    assert.deepEqual(labels(list.items).slice(0, 3), ['vpngw-1w9tue3d', 'vpngw-8bgp4k2d', 'vpngw-c3cn7m1q']);
    assert.ok(
      list.items.every((item, index) => index < 3 || !String(item.sortText).startsWith('!')),
      'account items sort first',
    );
    assert.equal(list.isIncomplete, false);
  });

  it('leaves out SSL gateways, which take no IPsec tunnel', () => {
    assert.ok(!labels(complete('VpnGatewayId: |\n').items).includes('vpngw-s5sl2v8e'));
  });

  it("follows the document's own Region over the default", () => {
    const items = labels(complete('Region: ap-shanghai\nVpnGatewayId: |\n').items);
    assert.deepEqual(
      items.filter((label) => label.startsWith('vpngw-sh')),
      ['vpngw-sh4ipc9a', 'vpngw-sh2ccn3b'],
    );
    assert.ok(!items.includes('vpngw-8bgp4k2d'), 'no Guangzhou gateway in a Shanghai file');
  });

  it("labels customer gateways with IP and ASN, and VPCs with CIDR, putting the gateway's own VPC first", () => {
    const customer = complete('CustomerGatewayId: |\n').items.find((item) => item.label === 'cgw-b6gp1n4z')!;
    assert.equal(customer.labelDetails?.description, 'bgp-cgw-gz · 198.51.100.20 · ASN 65010');
    const vpcs = complete('VpnGatewayId: vpngw-8bgp4k2d\nVpcId: |\n').items;
    assert.equal(vpcs[0].label, 'vpc-k3m9p2xa');
    assert.equal(vpcs[0].labelDetails?.description, 'default-gz · 172.16.0.0/16 · default');
  });

  it('spells the id as a JSON string in JSON files', () => {
    const doc = TextDocument.create(
      'file:///a.vpnconn.json',
      'tencentcloud-vpn-json',
      1,
      '{\n  "CustomerGatewayId": \n}',
    );
    const items = service.complete(doc, { line: 1, character: 23 }, optionsWith()).items;
    const item = items.find((candidate) => candidate.label === 'cgw-qa9sxpy7')!;
    assert.equal((item.textEdit as { newText: string }).newText, '"cgw-qa9sxpy7"');
  });

  it("without an account (no credentials) gives exactly the schema's list", () => {
    for (const text of ['VpnGatewayId: |\n', 'Region: ap-shanghai\nVpcId: |\n', 'CustomerGatewayId: |\n']) {
      const { doc, position } = yamlAt(text);
      const plain = service.complete(doc, position, { lang: 'en', disabledRules: [] });
      assert.deepEqual(plain, complete(text, null));
      assert.ok(plain.items.every((item) => !String(item.sortText).startsWith('!')));
    }
  });

  it('while the region is still being fetched answers from the schema and marks the list incomplete', () => {
    const list = complete('VpnGatewayId: |\n', LOADING);
    assert.equal(list.isIncomplete, true);
    assert.deepEqual(labels(list.items), ['vpngw-1w9tue3d']);
  });

  it('does not touch other fields', () => {
    const { doc, position } = yamlAt('VpnConnectionName: |\n');
    assert.deepEqual(
      service.complete(doc, position, optionsWith()),
      service.complete(doc, position, optionsWith(null)),
    );
  });
});
