import assert from 'node:assert/strict';
import { exampleWith, findingsOf, locations } from './helpers';

const bgp = (TunnelCidr: string, LocalBgpIp: string, RemoteBgpIp: string, RouteType = 'Bgp') =>
  exampleWith({ RouteType, SecurityPolicyDatabases: undefined, BgpConfig: { TunnelCidr, LocalBgpIp, RemoteBgpIp } });
const GOOD = bgp('169.254.128.0/30', '169.254.128.1', '169.254.128.2');

describe('rules: BGP', () => {
  it('accepts the documented tunnel 169.254.128.0/30 with .1 and .2', () => {
    assert.deepEqual(findingsOf('bgp-tunnel-cidr-mask', GOOD), []);
    for (const id of [
      'bgp-ip-outside-tunnel',
      'bgp-ip-network-broadcast',
      'bgp-ips-equal',
      'bgp-route-type',
      'bgp-config-missing',
    ]) {
      assert.deepEqual(findingsOf(id, GOOD), [], id);
    }
  });

  it('bgp-tunnel-cidr-mask flags a /29 tunnel block', () => {
    const findings = findingsOf('bgp-tunnel-cidr-mask', bgp('169.254.128.0/29', '169.254.128.1', '169.254.128.2'));
    assert.deepEqual(locations(findings), [
      { path: ['BgpConfig', 'TunnelCidr'], target: 'value', code: 'InvalidParameterValue.VpnConnBgpTunnelCidrMask' },
    ]);
    assert.match(findings[0].message.en, /\/29/);
  });

  it('bgp-ip-outside-tunnel flags each BGP address outside the tunnel block', () => {
    const findings = findingsOf('bgp-ip-outside-tunnel', bgp('169.254.128.0/30', '169.254.128.5', '169.254.129.2'));
    assert.deepEqual(locations(findings), [
      {
        path: ['BgpConfig', 'LocalBgpIp'],
        target: 'value',
        code: 'InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported',
      },
      {
        path: ['BgpConfig', 'RemoteBgpIp'],
        target: 'value',
        code: 'InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported',
      },
    ]);
  });

  it('bgp-ip-network-broadcast is an error on the network (.0) and broadcast (.3) address of the /30, fixed to a free host', () => {
    const findings = findingsOf('bgp-ip-network-broadcast', bgp('169.254.128.0/30', '169.254.128.0', '169.254.128.3'));
    assert.deepEqual(
      findings.map((f) => [f.path[1], f.severity]),
      [
        ['LocalBgpIp', 'error'],
        ['RemoteBgpIp', 'error'],
      ],
    );
    assert.match(findings[0].message.en, /network/);
    assert.match(findings[1].message.en, /broadcast/);
    assert.deepEqual(
      findings.map((f) => f.fixes?.map((fix) => fix.kind === 'setValue' && fix.value)),
      [['169.254.128.1'], ['169.254.128.1']],
    );
    const one = findingsOf('bgp-ip-network-broadcast', bgp('169.254.128.0/30', '169.254.128.1', '169.254.128.3'));
    assert.deepEqual(
      one.map((f) => f.fixes?.map((fix) => fix.kind === 'setValue' && fix.value)),
      [['169.254.128.2']],
    );
    assert.deepEqual(
      findingsOf('bgp-ip-network-broadcast', bgp('169.254.128.0/30', '169.254.128.1', '169.254.128.2')),
      [],
    );
  });

  it('bgp-ips-equal flags the customer side when both sides use one address', () => {
    const findings = findingsOf('bgp-ips-equal', bgp('169.254.128.0/30', '169.254.128.1', '169.254.128.1'));
    assert.deepEqual(locations(findings), [
      {
        path: ['BgpConfig', 'RemoteBgpIp'],
        target: 'value',
        code: 'InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported',
      },
    ]);
  });

  it('bgp-route-type flags BgpConfig on a StaticRoute tunnel and on the default STATIC type', () => {
    const findings = findingsOf(
      'bgp-route-type',
      bgp('169.254.128.0/30', '169.254.128.1', '169.254.128.2', 'StaticRoute'),
    );
    assert.deepEqual(locations(findings), [{ path: ['BgpConfig'], target: 'key', code: 'UnsupportedOperation' }]);
    assert.equal(findingsOf('bgp-route-type', exampleWith({ BgpConfig: {} })).length, 1);
  });

  it('bgp-route-type does not apply to ModifyVpnConnectionAttribute, which has no RouteType', () => {
    assert.deepEqual(
      findingsOf('bgp-route-type', { VpnConnectionId: 'vpnx-1', BgpConfig: {} }, 'ModifyVpnConnectionAttribute'),
      [],
    );
  });

  it('bgp-config-missing offers to add the example BgpConfig to a Bgp tunnel without one', () => {
    const findings = findingsOf('bgp-config-missing', exampleWith({ RouteType: 'Bgp' }));
    assert.deepEqual(locations(findings), [{ path: ['RouteType'], target: 'value', code: 'MissingParameter' }]);
    assert.deepEqual(findings[0].fixes?.[0], {
      kind: 'addProperties',
      path: [],
      properties: {
        BgpConfig: { TunnelCidr: '169.254.128.0/30', LocalBgpIp: '169.254.128.1', RemoteBgpIp: '169.254.128.2' },
      },
      title: { en: 'Add BgpConfig (169.254.128.0/30)', zh: '添加 BgpConfig（169.254.128.0/30）' },
    });
  });
});
