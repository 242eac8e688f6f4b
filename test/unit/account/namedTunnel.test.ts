/**
 * A file that names its existing tunnel by a top-level VpnConnectionId, with the account known: hover shows the
 * live tunnel, completion offers the account's tunnels (the file's gateway's first), an unknown id is
 * ResourceNotFound, a change Modify cannot make in place is a warning naming the field, and the SPD and route-type
 * checks skip the named tunnel and only it. Without an account none of this appears.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { stringify } from 'yaml';
import { connectionOf } from '../../../cloud/accountSnapshot';
import {
  staticAccountResources,
  type AccountResources,
  type VpnConnectionInfo,
} from '../../../language/account/snapshot';
import { OFFICIAL_EXAMPLE } from '../rules/helpers';
import { applyAction } from '../rules/editorHelpers';
import { optionsWith, seedAccount, seedSnapshot, service, yamlAt, yamlDoc } from './fixtures';

/** The seed's vpnx-5eed01gz as DescribeVpnConnections answers it, with the fields the seed leaves out. */
const LIVE_STATIC = connectionOf({
  VpnConnectionId: 'vpnx-5eed01gz',
  VpnConnectionName: 'existing-static-gz',
  VpnGatewayId: 'vpngw-1w9tue3d',
  CustomerGatewayId: 'cgw-qa9sxpy7',
  VpcId: 'vpc-gapcv96p',
  RouteType: 'STATIC',
  State: 'AVAILABLE',
  NetStatus: 'AVAILABLE',
  CreatedTime: '2026-11-25 18:30:00',
  SecurityPolicyDatabaseSet: [{ LocalCidrBlock: '10.8.1.0/24', RemoteCidrBlock: ['192.168.1.0/24'] }],
});

/** The seed's account with Guangzhou's tunnels replaced or added by `edit`. */
function accountWith(edit: (connections: VpnConnectionInfo[]) => VpnConnectionInfo[]): AccountResources {
  const gz = seedSnapshot('ap-guangzhou');
  return staticAccountResources(
    [{ ...gz, connections: edit(gz.connections) }, seedSnapshot('ap-shanghai')],
    'ap-guangzhou',
  );
}
const LIVE_ACCOUNT = accountWith((connections) => connections.map((t) => (t.id === LIVE_STATIC.id ? LIVE_STATIC : t)));

/** A file as an import of vpnx-5eed01gz would write it: its input fields and its id. */
const IMPORTED = {
  VpnConnectionId: 'vpnx-5eed01gz',
  VpnGatewayId: 'vpngw-1w9tue3d',
  CustomerGatewayId: 'cgw-qa9sxpy7',
  VpcId: 'vpc-gapcv96p',
  VpnConnectionName: 'existing-static-gz',
  PreShareKey: 'kept-on-the-service',
  SecurityPolicyDatabases: [{ LocalCidrBlock: '10.8.1.0/24', RemoteCidrBlock: ['192.168.1.0/24'] }],
};

function hoverText(text: string, line: number, account: AccountResources | null, lang: 'en' | 'zh' = 'en'): string {
  const doc = yamlDoc(text);
  const character = doc.getText().split('\n')[line].indexOf(': ') + 3;
  return (service.hover(doc, { line, character }, optionsWith(account, lang))?.contents as { value: string }).value;
}

function diagnosticsOf(value: Record<string, unknown>, account: AccountResources | null = LIVE_ACCOUNT): Diagnostic[] {
  return service.validate(yamlDoc(stringify(value)), optionsWith(account));
}
const ofRule = (diagnostics: Diagnostic[], ruleId: string) =>
  diagnostics.filter((d) => (d.data as { ruleId: string }).ruleId === ruleId);

describe('a file that names its tunnel', () => {
  describe('hover on VpnConnectionId', () => {
    it("shows the live tunnel's state, created time, net status, route type, gateways and VPC above the docs", () => {
      const text = hoverText('VpnConnectionId: vpnx-5eed01gz\n', 0, LIVE_ACCOUNT);
      assert.match(text, /^VPN tunnel \*\*existing-static-gz\*\* `vpnx-5eed01gz` \(ap-guangzhou\)/);
      for (const row of [
        'State: AVAILABLE',
        'Created: 2026-11-25 18:30:00',
        'Net status: connected (AVAILABLE)',
        'Route type: STATIC',
        'VPN gateway: `vpngw-1w9tue3d` (demo-ipsec-gw-gz)',
        'Customer gateway: `cgw-qa9sxpy7` (demo-cgw-gz)',
        'VPC: `vpc-gapcv96p` (demo-vpc-gz)',
      ])
        assert.ok(text.includes(`- ${row}`), `${row} in\n${text}`);
      assert.match(text, /---\n\n\*\*VpnConnectionId\*\*/);
    });

    it('says so in Chinese, and "unknown" for what the snapshot lacks', () => {
      const zh = hoverText('VpnConnectionId: vpnx-5eed01gz\n', 0, LIVE_ACCOUNT, 'zh');
      assert.match(zh, /^VPN 通道 \*\*existing-static-gz\*\* `vpnx-5eed01gz`/);
      assert.ok(zh.includes('- 连接状态: 已连接 (AVAILABLE)') && zh.includes('- 创建时间: 2026-11-25 18:30:00'), zh);
      const seeded = hoverText('VpnConnectionId: vpnx-5eed01gz\n', 0, seedAccount());
      assert.ok(seeded.includes('- Net status: unknown') && seeded.includes('- Created: unknown'), seeded);
    });

    it("warns when the tunnel is not in the file's region, naming the region that has it", () => {
      assert.match(
        hoverText('Region: ap-shanghai\nVpnConnectionId: vpnx-5eed01gz\n', 1, seedAccount()),
        /^⚠ No VPN tunnel `vpnx-5eed01gz` in ap-shanghai; it exists in ap-guangzhou\./,
      );
      assert.match(
        hoverText('VpnConnectionId: vpnx-nothere1\n', 0, seedAccount(), 'zh'),
        /^⚠ 地域 ap-guangzhou 中没有VPN 通道 `vpnx-nothere1`。/,
      );
    });

    it('without an account explains, in both languages, that the file describes that existing tunnel', () => {
      const en = hoverText('VpnConnectionId: vpnx-5eed01gz\n', 0, null);
      assert.match(en, /^\*\*VpnConnectionId\*\*/);
      assert.match(en, /names the existing tunnel this file describes/);
      assert.match(en, /Without it, the file describes a tunnel to create/);
      const zh = hoverText('VpnConnectionId: vpnx-5eed01gz\n', 0, null, 'zh');
      assert.match(zh, /指明本文件描述的已有通道/);
      assert.match(zh, /不填写时，本文件描述一条待创建的通道/);
    });
  });

  describe('completion of VpnConnectionId', () => {
    const complete = (text: string, account: AccountResources | null = seedAccount()) => {
      const { doc, position } = yamlAt(text);
      return service.complete(doc, position, optionsWith(account));
    };
    const accountItems = (text: string, account?: AccountResources | null) =>
      complete(text, account).items.filter((item) => String(item.sortText).startsWith('!'));

    it("offers the region's tunnels, labelled with name, state, route type and gateway, with the live card", () => {
      const items = accountItems('VpnConnectionId: |\n', LIVE_ACCOUNT);
      assert.deepEqual(
        items.map((item) => item.label),
        ['vpnx-5eed01gz', 'vpnx-5eedb9p1'],
      );
      assert.equal(items[0].labelDetails?.description, 'existing-static-gz · AVAILABLE · STATIC · vpngw-1w9tue3d');
      assert.match(String((items[0].documentation as { value: string }).value), /Net status: connected/);
    });

    it('spells the ids as JSON strings in a JSON file', () => {
      const text = '{"VpnConnectionId": |}';
      const doc = TextDocument.create('file:///a.vpnconn.json', 'tencentcloud-vpn-json', 1, text.replace('|', ''));
      const list = service.complete(doc, doc.positionAt(text.indexOf('|')), optionsWith(seedAccount()));
      const item = list.items.find((candidate) => candidate.label === 'vpnx-5eed01gz')!;
      assert.equal((item.textEdit as { newText: string }).newText, '"vpnx-5eed01gz"');
    });

    it("puts the tunnels of the file's VpnGatewayId first", () => {
      const labels = accountItems('VpnGatewayId: vpngw-8bgp4k2d\nVpnConnectionId: |\n').map((item) => item.label);
      assert.deepEqual(labels, ['vpnx-5eedb9p1', 'vpnx-5eed01gz']);
    });

    it("follows the file's Region, and offers nothing from the account without one", () => {
      assert.deepEqual(accountItems('Region: ap-shanghai\nVpnConnectionId: |\n'), []);
      assert.deepEqual(accountItems('VpnConnectionId: |\n', null), []);
    });
  });

  describe('an unknown VpnConnectionId', () => {
    it('is ResourceNotFound, as ModifyVpnConnectionAttribute would answer', () => {
      const found = ofRule(
        diagnosticsOf({ ...IMPORTED, VpnConnectionId: 'vpnx-nothere1' }),
        'account-tunnel-not-found',
      );
      assert.deepEqual(
        found.map((d) => [d.code, d.message]),
        [['ResourceNotFound', 'VPN tunnel vpnx-nothere1 does not exist in ap-guangzhou.']],
      );
      assert.deepEqual(ofRule(diagnosticsOf(IMPORTED), 'account-tunnel-not-found'), []);
      assert.deepEqual(
        ofRule(diagnosticsOf({ ...IMPORTED, VpnConnectionId: 'vpnx-nothere1' }, null), 'account-tunnel-not-found'),
        [],
      );
    });

    it('is ResourceNotFound in a Modify, Delete or Reset file too', () => {
      for (const Action of ['ModifyVpnConnectionAttribute', 'DeleteVpnConnection', 'ResetVpnConnection']) {
        const doc = { Action, VpnGatewayId: 'vpngw-1w9tue3d', VpnConnectionId: 'vpnx-nothere1' };
        assert.deepEqual(
          ofRule(diagnosticsOf(doc), 'account-tunnel-not-found').map((d) => d.code),
          ['ResourceNotFound'],
          Action,
        );
      }
    });

    it('offers to set Region when the tunnel is in another region', () => {
      const text = stringify({ Region: 'ap-shanghai', ...IMPORTED });
      assert.match(
        applyAction(text, 'yaml', 'account-tunnel-not-found', 'Set Region to ap-guangzhou'),
        /^Region: ap-guangzhou/,
      );
    });

    it('leaves a malformed id to the schema, which refuses it', () => {
      const diagnostics = diagnosticsOf({ ...IMPORTED, VpnConnectionId: 'vpnx-nothere' });
      assert.deepEqual(ofRule(diagnostics, 'account-tunnel-not-found'), []);
      assert.deepEqual(
        ofRule(diagnostics, 'schema.pattern').map((d) => d.severity),
        [1],
        'one error for the malformed id',
      );
    });
  });

  describe('a change ModifyVpnConnectionAttribute cannot make in place', () => {
    const needsNew = (overrides: Record<string, unknown>, account = LIVE_ACCOUNT) =>
      ofRule(diagnosticsOf({ ...IMPORTED, ...overrides }, account), 'account-needs-new-tunnel').map((d) => d.message);

    it('is nothing when the file agrees with the live tunnel, or changes only modifiable fields', () => {
      assert.deepEqual(needsNew({}), []);
      assert.deepEqual(needsNew({ VpnConnectionName: 'renamed', NegotiationType: 'passive', DpdEnable: 1 }), []);
      assert.deepEqual(needsNew({ CustomerGatewayId: undefined }), [], 'a required field left out is a schema error');
    });

    it('warns on each of VpnGatewayId, VpcId and RouteType, naming the field and both values', () => {
      assert.deepEqual(needsNew({ VpnGatewayId: 'vpngw-8bgp4k2d', VpcId: 'vpc-k3m9p2xa' }), [
        'VpnGatewayId cannot be changed in place: needs a new tunnel. Tunnel vpnx-5eed01gz has vpngw-1w9tue3d; the file has vpngw-8bgp4k2d.',
        'VpcId cannot be changed in place: needs a new tunnel. Tunnel vpnx-5eed01gz has vpc-gapcv96p; the file has vpc-k3m9p2xa.',
      ]);
      assert.deepEqual(needsNew({ RouteType: 'Policy' }), [
        'RouteType cannot be changed in place: needs a new tunnel. Tunnel vpnx-5eed01gz has STATIC; the file has Policy.',
      ]);
      assert.deepEqual(needsNew({ VpcId: undefined }).length, 1, 'a VpcId left out is a change too');
    });

    it('warns on CustomerGatewayId only on a gateway older than 4.0, where Modify cannot change it', () => {
      assert.deepEqual(needsNew({ CustomerGatewayId: 'cgw-e9qa5s3m' }), [
        'CustomerGatewayId cannot be changed in place: needs a new tunnel (ModifyVpnConnectionAttribute changes it only on gateways of version 4.0 and later; vpngw-1w9tue3d is 2.0). Tunnel vpnx-5eed01gz has cgw-qa9sxpy7; the file has cgw-e9qa5s3m.',
      ]);
      const onNewGateway = {
        VpnConnectionId: 'vpnx-5eedb9p1',
        VpnGatewayId: 'vpngw-8bgp4k2d',
        CustomerGatewayId: 'cgw-e9qa5s3m',
        VpcId: 'vpc-k3m9p2xa',
        RouteType: 'Bgp',
      };
      assert.deepEqual(needsNew(onNewGateway, seedAccount()), [], 'vpngw-8bgp4k2d is 4.0');
    });

    it('is not checked for a file that names no tunnel, nor without an account', () => {
      assert.deepEqual(needsNew({ VpnConnectionId: undefined, VpnGatewayId: 'vpngw-8bgp4k2d' }), []);
      const withoutAccount = diagnosticsOf({ ...IMPORTED, VpnGatewayId: 'vpngw-8bgp4k2d' }, null);
      assert.deepEqual(ofRule(withoutAccount, 'account-needs-new-tunnel'), []);
    });
  });

  describe('the checks against the gateway’s tunnels', () => {
    /** Another tunnel on vpngw-1w9tue3d with the same gateways, name and SPD rule as vpnx-5eed01gz. */
    const TWIN: VpnConnectionInfo = { ...LIVE_STATIC, id: 'vpnx-tw1n0000' };
    const withTwin = accountWith((connections) => [
      ...connections.map((t) => (t.id === LIVE_STATIC.id ? LIVE_STATIC : t)),
      TWIN,
    ]);

    it('skip the named tunnel: its own SPD rules are no conflict, and the hint names it', () => {
      const diagnostics = diagnosticsOf(IMPORTED);
      assert.deepEqual(ofRule(diagnostics, 'account-spd-conflict'), []);
      assert.deepEqual(
        ofRule(diagnostics, 'tunnel-exists').map((d) => d.message),
        ["This file's tunnel already exists: vpnx-5eed01gz (AVAILABLE, connected)."],
      );
    });

    it('skip only the named tunnel: a twin with the same gateways and name is another tunnel', () => {
      const diagnostics = diagnosticsOf(IMPORTED, withTwin);
      assert.deepEqual(
        ofRule(diagnostics, 'tunnel-exists').map((d) => d.message),
        ["This file's tunnel already exists: vpnx-5eed01gz (AVAILABLE, connected)."],
      );
      const conflicts = ofRule(diagnostics, 'account-spd-conflict');
      assert.equal(conflicts.length, 1);
      assert.match(String(conflicts[0].message), /of tunnel vpnx-tw1n0000/);
      const theTwin = ofRule(
        diagnosticsOf({ ...IMPORTED, VpnConnectionId: TWIN.id }, withTwin),
        'account-spd-conflict',
      );
      assert.match(
        String(theTwin[0].message),
        /of tunnel vpnx-5eed01gz/,
        'naming the twin, vpnx-5eed01gz is the other',
      );
    });

    it("skip the named tunnel when comparing route types, but not the gateway's other tunnels", () => {
      const bgpTunnel = {
        VpnConnectionId: 'vpnx-5eedb9p1',
        VpnGatewayId: 'vpngw-8bgp4k2d',
        CustomerGatewayId: 'cgw-b6gp1n4z',
        VpcId: 'vpc-k3m9p2xa',
        VpnConnectionName: 'existing-bgp-gz',
        RouteType: 'StaticRoute',
      };
      const alone = diagnosticsOf({ ...OFFICIAL_EXAMPLE, ...bgpTunnel, SecurityPolicyDatabases: undefined });
      assert.deepEqual(ofRule(alone, 'account-route-type-mixed'), [], "the gateway's only tunnel is the file's");
      assert.equal(ofRule(alone, 'account-needs-new-tunnel').length, 1, 'Bgp → StaticRoute needs a new tunnel');
      const other: VpnConnectionInfo = {
        ...LIVE_STATIC,
        id: 'vpnx-bgp2nd00',
        vpnGatewayId: 'vpngw-8bgp4k2d',
        routeType: 'Bgp',
      };
      const withOther = diagnosticsOf(
        { ...OFFICIAL_EXAMPLE, ...bgpTunnel, SecurityPolicyDatabases: undefined },
        accountWith((connections) => [...connections, other]),
      );
      assert.match(String(ofRule(withOther, 'account-route-type-mixed')[0].message), /Tunnel vpnx-bgp2nd00/);
    });
  });
});
