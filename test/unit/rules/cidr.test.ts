import assert from 'node:assert/strict';
import { exampleWith, findingsOf, findingsOfYaml, locations } from './helpers';

const spd = (local: string, ...remote: string[]) => ({
  SecurityPolicyDatabases: [{ LocalCidrBlock: local, RemoteCidrBlock: remote }],
});
const MALFORMED = 'InvalidParameterValue.Malformed';

describe('rules: address syntax', () => {
  it('cidr-syntax flags a prefix beyond /32 in a local block', () => {
    const findings = findingsOf('cidr-syntax', exampleWith(spd('10.0.0.0/33', '192.168.0.0/16')));
    assert.deepEqual(locations(findings), [
      { path: ['SecurityPolicyDatabases', 0, 'LocalCidrBlock'], target: 'value', code: MALFORMED },
    ]);
  });

  it('cidr-syntax flags a bare address and an IPv6 block in the remote list, each at its index', () => {
    const findings = findingsOf(
      'cidr-syntax',
      exampleWith(spd('10.0.0.0/16', '192.168.0.0/16', '192.168.1.1', '2001:db8::/32')),
    );
    assert.deepEqual(
      findings.map((finding) => finding.path),
      [
        ['SecurityPolicyDatabases', 0, 'RemoteCidrBlock', 1],
        ['SecurityPolicyDatabases', 0, 'RemoteCidrBlock', 2],
      ],
    );
  });

  it('cidr-syntax checks BgpConfig.TunnelCidr and accepts valid blocks everywhere', () => {
    const bgp = {
      RouteType: 'Bgp',
      BgpConfig: { TunnelCidr: '169.254.128/30', LocalBgpIp: '169.254.128.1', RemoteBgpIp: '169.254.128.2' },
    };
    assert.deepEqual(
      findingsOf('cidr-syntax', exampleWith(bgp)).map((f) => f.path),
      [['BgpConfig', 'TunnelCidr']],
    );
    assert.deepEqual(findingsOf('cidr-syntax', exampleWith(spd('10.0.0.0/16', '0.0.0.0/0', '192.168.1.1/32'))), []);
  });

  it('ip-syntax flags an out-of-range octet in a health-check address, in YAML as in JSON', () => {
    const expected = [{ path: ['HealthCheckLocalIp'], target: 'value', code: MALFORMED }];
    assert.deepEqual(locations(findingsOfYaml('ip-syntax', 'HealthCheckLocalIp: 169.254.128.300\n')), expected);
    assert.deepEqual(
      locations(findingsOf('ip-syntax', JSON.parse('{"HealthCheckLocalIp": "169.254.128.300"}'))),
      expected,
    );
  });

  it('ip-syntax flags BGP and IKE addresses, but lets an empty optional address mean "default"', () => {
    const doc = exampleWith({
      BgpConfig: { TunnelCidr: '169.254.128.0/30', LocalBgpIp: '', RemoteBgpIp: '169.254.128.2' },
      IKEOptionsSpecification: { LocalAddress: '', RemoteAddress: 'peer.example.com' },
      HealthCheckRemoteIp: '',
    });
    assert.deepEqual(
      findingsOf('ip-syntax', doc).map((f) => f.path),
      [
        ['BgpConfig', 'LocalBgpIp'],
        ['IKEOptionsSpecification', 'RemoteAddress'],
      ],
    );
  });

  it('ip-syntax rejects shorthand and leading zeros that ipaddr.js would otherwise accept', () => {
    for (const address of ['10.1', '010.0.0.1', '0x0a.0.0.1']) {
      assert.equal(findingsOf('ip-syntax', { HealthCheckRemoteIp: address }).length, 1, address);
    }
  });

  it('cidr-host-bits proposes the network address of a block with host bits set', () => {
    const findings = findingsOf('cidr-host-bits', exampleWith(spd('10.0.0.5/24', '192.168.7.9/16')));
    assert.deepEqual(
      locations(findings).map((l) => l.path),
      [
        ['SecurityPolicyDatabases', 0, 'LocalCidrBlock'],
        ['SecurityPolicyDatabases', 0, 'RemoteCidrBlock', 0],
      ],
    );
    assert.equal(findings[0].severity, 'warning');
    assert.deepEqual(
      findings.map((f) => f.fixes?.[0]),
      [
        {
          kind: 'setValue',
          path: ['SecurityPolicyDatabases', 0, 'LocalCidrBlock'],
          value: '10.0.0.0/24',
          title: { en: 'Change to 10.0.0.0/24', zh: '改为 10.0.0.0/24' },
        },
        {
          kind: 'setValue',
          path: ['SecurityPolicyDatabases', 0, 'RemoteCidrBlock', 0],
          value: '192.168.0.0/16',
          title: { en: 'Change to 192.168.0.0/16', zh: '改为 192.168.0.0/16' },
        },
      ],
    );
  });

  it('cidr-host-bits stays quiet for network addresses and for malformed blocks', () => {
    assert.deepEqual(findingsOf('cidr-host-bits', exampleWith(spd('10.0.0.0/24', '192.168.0.0/16', 'nonsense'))), []);
  });
});
