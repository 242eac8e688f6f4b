/**
 * The account rules through the language service, with the emulator seed's account: the warnings the offline
 * rules cannot give, each with the API's own code, and none of them without an account.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { stringify } from 'yaml';
import {
  staticAccountResources,
  type AccountResources,
  type ResourceSnapshot,
  type VpnConnectionInfo,
} from '../../../language/account/snapshot';
import { OFFICIAL_EXAMPLE } from '../rules/helpers';
import { applyAction } from '../rules/editorHelpers';
import { optionsWith, seedAccount, seedSnapshot, service, yamlDoc } from './fixtures';

const accountCodes =
  /ResourceNotFound|MissingParameter|UnsupportedOperation|InvalidParameterValue\.VpnConn|InvalidParameterValue$/;

/** The diagnostics of the official example with top-level keys replaced (undefined removes one). */
function diagnosticsOf(
  overrides: Record<string, unknown>,
  account: AccountResources | null = seedAccount(),
  disabledRules: string[] = [],
): Diagnostic[] {
  const value: Record<string, unknown> = { ...structuredClone(OFFICIAL_EXAMPLE), ...overrides };
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return service.validate(yamlDoc(stringify(value)), { ...optionsWith(account), disabledRules });
}
const ofRule = (diagnostics: Diagnostic[], ruleId: string) =>
  diagnostics.filter((d) => (d.data as { ruleId: string }).ruleId === ruleId);
const accountFindings = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => String((d.data as { ruleId: string }).ruleId).startsWith('account-'));

/** The seed's account in ap-guangzhou with tunnels changed or added by `edit`. */
function accountWith(edit: (connections: VpnConnectionInfo[]) => VpnConnectionInfo[]): AccountResources {
  const gz: ResourceSnapshot = seedSnapshot('ap-guangzhou');
  return staticAccountResources(
    [{ ...gz, connections: edit(gz.connections) }, seedSnapshot('ap-shanghai')],
    'ap-guangzhou',
  );
}

/** The official example as the seed's tunnel vpnx-5eed01gz was submitted: its gateway, customer gateway and name. */
const OWN_KEY = {
  VpnGatewayId: 'vpngw-1w9tue3d',
  CustomerGatewayId: 'cgw-qa9sxpy7',
  VpnConnectionName: 'existing-static-gz',
};
/** An SPD rule that overlaps vpnx-5eed01gz's 10.8.1.0/24 → 192.168.1.0/24 on both sides. */
const OVERLAPPING_SPD = {
  SecurityPolicyDatabases: [{ LocalCidrBlock: '10.8.1.0/24', RemoteCidrBlock: ['192.168.1.0/24'] }],
};
/** Another tunnel on the same gateway with the same SPD rule as vpnx-5eed01gz, to a different customer gateway. */
const OTHER_TUNNEL: VpnConnectionInfo = {
  id: 'vpnx-0th3r9gz',
  name: 'other-static-gz',
  vpnGatewayId: 'vpngw-1w9tue3d',
  customerGatewayId: 'cgw-e9qa5s3m',
  routeType: 'STATIC',
  state: 'AVAILABLE',
  spd: [{ local: '10.8.1.0/24', remote: ['192.168.1.0/24'] }],
};

const BGP_GZ = {
  VpnGatewayId: 'vpngw-8bgp4k2d',
  VpcId: 'vpc-k3m9p2xa',
  RouteType: 'Bgp',
  SecurityPolicyDatabases: undefined,
  BgpConfig: { TunnelCidr: '169.254.130.0/30', LocalBgpIp: '169.254.130.1', RemoteBgpIp: '169.254.130.2' },
};

describe('account rules', () => {
  it('find nothing in the official example, which the seeded account accepts', () => {
    assert.deepEqual(
      accountFindings(diagnosticsOf({})).map((d) => d.message),
      [],
    );
  });

  it("warn when an id does not exist in the document's region, naming the region where it does, with a fix", () => {
    const [finding] = ofRule(
      diagnosticsOf({ Region: 'ap-shanghai', CustomerGatewayId: 'cgw-sh7b2k5x', VpcId: 'vpc-s7d2q8wn' }),
      'account-resource-not-found',
    );
    assert.equal(finding.code, 'ResourceNotFound');
    assert.equal(finding.severity, 2);
    assert.equal(
      finding.message,
      'VPN gateway vpngw-1w9tue3d does not exist in ap-shanghai; it exists in ap-guangzhou.',
    );
    const fixed = applyAction(
      'Region: ap-shanghai\nVpnGatewayId: vpngw-1w9tue3d\n',
      'yaml',
      'account-resource-not-found',
      'Set Region to ap-guangzhou',
    );
    assert.equal(fixed, 'Region: ap-guangzhou\nVpnGatewayId: vpngw-1w9tue3d\n');
    assert.equal(
      ofRule(diagnosticsOf({ VpcId: 'vpc-zzzzzzzz' }), 'account-resource-not-found')[0].message,
      'VPC vpc-zzzzzzzz does not exist in ap-guangzhou.',
    );
  });

  it('require VpcId for an IPSEC gateway and refuse it for a CCN one', () => {
    const missing = ofRule(diagnosticsOf({ VpcId: undefined }), 'account-vpc-required');
    assert.deepEqual(
      missing.map((d) => [d.code, d.message]),
      [
        [
          'MissingParameter',
          'vpngw-1w9tue3d (demo-ipsec-gw-gz) is an IPSEC (VPC) gateway: VpcId is required (its VPC is vpc-gapcv96p).',
        ],
      ],
    );
    const ccn = ofRule(diagnosticsOf({ VpnGatewayId: 'vpngw-c3cn7m1q' }), 'account-vpc-mismatch');
    assert.deepEqual(
      ccn.map((d) => d.code),
      ['InvalidParameterValue'],
    );
    assert.match(String(ccn[0].message), /CCN VPN gateway: leave VpcId out/);
    assert.deepEqual(
      ofRule(diagnosticsOf({ VpnGatewayId: 'vpngw-c3cn7m1q', VpcId: undefined }), 'account-vpc-required'),
      [],
    );
    assert.match(
      String(ofRule(diagnosticsOf({ VpcId: 'vpc-k3m9p2xa' }), 'account-vpc-mismatch')[0].message),
      /not the VPC of gateway vpngw-1w9tue3d/,
    );
  });

  it('refuse an SSL gateway', () => {
    assert.match(
      String(ofRule(diagnosticsOf({ VpnGatewayId: 'vpngw-s5sl2v8e' }), 'account-gateway-usable')[0].message),
      /SSL VPN gateway, which takes no IPsec tunnels/,
    );
  });

  it('allow GCM only on a 4.0 gateway: an error on the 2.0 gateway, nothing on the 4.0 one', () => {
    const gcm = {
      IPSECOptionsSpecification: { ...OFFICIAL_EXAMPLE.IPSECOptionsSpecification, EncryptAlgorithm: 'AES256GCM128' },
    };
    const on20 = ofRule(diagnosticsOf(gcm), 'gcm-gateway-version');
    assert.deepEqual(
      on20.map((d) => [d.severity, d.message]),
      [[1, 'AES256GCM128 needs a version 4.0 VPN gateway; this gateway is 2.0.']],
    );
    assert.deepEqual(
      ofRule(
        diagnosticsOf({
          ...gcm,
          ...BGP_GZ,
          RouteType: undefined,
          BgpConfig: undefined,
          CustomerGatewayId: 'cgw-b6gp1n4z',
          SecurityPolicyDatabases: undefined,
        }),
        'gcm-gateway-version',
      ),
      [],
    );
    assert.equal(
      ofRule(diagnosticsOf(gcm, null), 'gcm-gateway-version')[0].severity,
      3,
      'information only without the account',
    );
  });

  it('allow BGP only when both gateways have an ASN and they differ', () => {
    assert.deepEqual(accountFindings(diagnosticsOf({ ...BGP_GZ, CustomerGatewayId: 'cgw-b6gp1n4z' })), []);
    const noAsn = ofRule(diagnosticsOf({ ...BGP_GZ, CustomerGatewayId: 'cgw-qa9sxpy7' }), 'account-bgp-asn-missing');
    assert.deepEqual(
      noAsn.map((d) => [d.code, d.message]),
      [
        [
          'UnsupportedOperation.VpnUnsupportedNotExistBgpAsn',
          'BGP needs an ASN on both gateways: vpngw-8bgp4k2d has 64551, cgw-qa9sxpy7 has none.',
        ],
      ],
    );
    const equal = ofRule(diagnosticsOf({ ...BGP_GZ, CustomerGatewayId: 'cgw-e9qa5s3m' }), 'account-bgp-asn-equal');
    assert.deepEqual(
      equal.map((d) => d.code),
      ['UnsupportedOperation.VpnUnsupportedBgpAsnEqual'],
    );
  });

  it('refuse mixing BGP and non-BGP tunnels on one gateway (VpnConnRouteTypeMixed)', () => {
    const toStaticGateway = ofRule(
      diagnosticsOf({ RouteType: 'Bgp', CustomerGatewayId: 'cgw-b6gp1n4z' }),
      'account-route-type-mixed',
    );
    assert.deepEqual(
      toStaticGateway.map((d) => d.code),
      ['UnsupportedOperation.VpnConnRouteTypeMixed'],
    );
    assert.match(
      String(toStaticGateway[0].message),
      /Tunnel vpnx-5eed01gz \(existing-static-gz\) on vpngw-1w9tue3d routes by STATIC/,
    );
    const toBgpGateway = ofRule(
      diagnosticsOf({ ...BGP_GZ, RouteType: undefined, BgpConfig: undefined, CustomerGatewayId: 'cgw-b6gp1n4z' }),
      'account-route-type-mixed',
    );
    assert.equal(toBgpGateway.length, 1, 'a STATIC tunnel (the default) on a gateway whose tunnels are BGP');
  });

  it("warn about SPD rules overlapping, on both sides, those of the gateway's existing tunnels", () => {
    const overlap = ofRule(
      diagnosticsOf({
        SecurityPolicyDatabases: [{ LocalCidrBlock: '10.8.1.128/25', RemoteCidrBlock: ['192.168.0.0/16'] }],
      }),
      'account-spd-conflict',
    );
    assert.deepEqual(
      overlap.map((d) => d.code),
      ['InvalidParameterValue.VpnConnCidrConflict'],
    );
    assert.match(String(overlap[0].message), /overlaps 10\.8\.1\.0\/24 → 192\.168\.1\.0\/24 of tunnel vpnx-5eed01gz/);
    const localOnly = diagnosticsOf({
      SecurityPolicyDatabases: [{ LocalCidrBlock: '10.8.1.0/24', RemoteCidrBlock: ['172.20.0.0/16'] }],
    });
    assert.deepEqual(ofRule(localOnly, 'account-spd-conflict'), []);
  });

  it("give a hint, not a conflict, for the file's own tunnel (same gateway, customer gateway and name)", () => {
    const diagnostics = diagnosticsOf({ ...OWN_KEY, ...OVERLAPPING_SPD });
    assert.deepEqual(ofRule(diagnostics, 'account-spd-conflict'), [], 'its own SPD rules are no conflict');
    const hints = ofRule(diagnostics, 'tunnel-exists');
    assert.deepEqual(
      hints.map((d) => [d.code, d.severity, d.message]),
      [['tunnel-exists', 4, "This file's tunnel already exists: vpnx-5eed01gz (AVAILABLE)."]],
    );
    const doc = yamlDoc(stringify({ ...structuredClone(OFFICIAL_EXAMPLE), ...OWN_KEY }));
    const hint = ofRule(service.validate(doc, optionsWith()), 'tunnel-exists')[0];
    assert.equal(doc.getText(hint.range), 'existing-static-gz', 'on the VpnConnectionName value');
    const zh = ofRule(service.validate(doc, optionsWith(seedAccount(), 'zh')), 'tunnel-exists')[0];
    assert.equal(zh.message, '本文件的通道已存在：vpnx-5eed01gz（AVAILABLE）。');
  });

  it("show the own tunnel's net status when the snapshot has it", () => {
    const account = accountWith((connections) => connections.map((tunnel) => ({ ...tunnel, netStatus: 'AVAILABLE' })));
    const doc = yamlDoc(stringify({ ...structuredClone(OFFICIAL_EXAMPLE), ...OWN_KEY }));
    assert.equal(
      ofRule(service.validate(doc, optionsWith(account)), 'tunnel-exists')[0].message,
      "This file's tunnel already exists: vpnx-5eed01gz (AVAILABLE, connected).",
    );
    assert.equal(
      ofRule(service.validate(doc, optionsWith(account, 'zh')), 'tunnel-exists')[0].message,
      '本文件的通道已存在：vpnx-5eed01gz（AVAILABLE，已连接）。',
    );
  });

  it('still report a conflict with another tunnel of the gateway, next to the own-tunnel hint', () => {
    const diagnostics = diagnosticsOf(
      { ...OWN_KEY, ...OVERLAPPING_SPD },
      accountWith((connections) => [...connections, OTHER_TUNNEL]),
    );
    assert.equal(ofRule(diagnostics, 'tunnel-exists').length, 1);
    const conflicts = ofRule(diagnostics, 'account-spd-conflict');
    assert.deepEqual(
      conflicts.map((d) => d.code),
      ['InvalidParameterValue.VpnConnCidrConflict'],
    );
    assert.match(String(conflicts[0].message), /of tunnel vpnx-0th3r9gz \(other-static-gz\)/);
  });

  it('treat a tunnel with the same gateways but another name as another tunnel', () => {
    const diagnostics = diagnosticsOf({ ...OWN_KEY, VpnConnectionName: 'existing-static-gz-2', ...OVERLAPPING_SPD });
    assert.deepEqual(ofRule(diagnostics, 'tunnel-exists'), []);
    assert.match(String(ofRule(diagnostics, 'account-spd-conflict')[0].message), /of tunnel vpnx-5eed01gz/);
    const otherCustomerGateway = diagnosticsOf({ ...OWN_KEY, CustomerGatewayId: 'cgw-e9qa5s3m', ...OVERLAPPING_SPD });
    assert.deepEqual(ofRule(otherCustomerGateway, 'tunnel-exists'), []);
    assert.equal(ofRule(otherCustomerGateway, 'account-spd-conflict').length, 1);
  });

  it("take the tunnel a top-level VpnConnectionId names as the file's own, whatever its name", () => {
    const diagnostics = diagnosticsOf({
      VpnConnectionId: 'vpnx-5eed01gz',
      VpnConnectionName: 'renamed',
      ...OVERLAPPING_SPD,
    });
    assert.deepEqual(ofRule(diagnostics, 'account-spd-conflict'), []);
    assert.deepEqual(
      ofRule(diagnostics, 'tunnel-exists').map((d) => d.message),
      ["This file's tunnel already exists: vpnx-5eed01gz (AVAILABLE)."],
    );
    const unknownId = diagnosticsOf({ VpnConnectionId: 'vpnx-nothere1', ...OVERLAPPING_SPD });
    assert.deepEqual(ofRule(unknownId, 'tunnel-exists'), []);
    assert.equal(ofRule(unknownId, 'account-spd-conflict').length, 1);
  });

  it("skip the own tunnel when checking the route types of the gateway's tunnels", () => {
    const bgp = {
      ...OWN_KEY,
      RouteType: 'Bgp',
      SecurityPolicyDatabases: undefined,
      BgpConfig: { TunnelCidr: '169.254.130.0/30', LocalBgpIp: '169.254.130.1', RemoteBgpIp: '169.254.130.2' },
    };
    assert.deepEqual(
      ofRule(diagnosticsOf(bgp), 'account-route-type-mixed'),
      [],
      "vpnx-5eed01gz is the gateway's only tunnel, and it is this file's",
    );
    const withOther = diagnosticsOf(
      bgp,
      accountWith((connections) => [...connections, OTHER_TUNNEL]),
    );
    assert.match(
      String(ofRule(withOther, 'account-route-type-mixed')[0].message),
      /Tunnel vpnx-0th3r9gz \(other-static-gz\)/,
    );
  });

  it('are silenced like any rule, by id or by API code', () => {
    const overrides = { Region: 'ap-shanghai' };
    assert.ok(ofRule(diagnosticsOf(overrides), 'account-resource-not-found').length > 0);
    assert.deepEqual(
      ofRule(diagnosticsOf(overrides, seedAccount(), ['account-resource-not-found']), 'account-resource-not-found'),
      [],
    );
    assert.deepEqual(
      ofRule(diagnosticsOf(overrides, seedAccount(), ['ResourceNotFound']), 'account-resource-not-found'),
      [],
    );
  });

  it('stay silent without an account (no credentials): the diagnostics are the offline ones', () => {
    for (const overrides of [
      { Region: 'ap-shanghai' },
      { VpcId: undefined },
      { ...BGP_GZ, CustomerGatewayId: 'cgw-e9qa5s3m' },
    ]) {
      const offline = diagnosticsOf(overrides, null);
      assert.deepEqual(accountFindings(offline), []);
      assert.ok(
        !offline.some(
          (d) =>
            accountCodes.test(String(d.code)) && String((d.data as { ruleId: string }).ruleId).startsWith('account-'),
        ),
      );
    }
  });
});
