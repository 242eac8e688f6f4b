import assert from 'node:assert/strict';
import { defaultHealthCheckPair } from '../../../language/rules/healthCheckPair';
import { exampleWith, findingsOf, locations } from './helpers';

const check = (local: string, remote: string, enabled = true) =>
  exampleWith({ EnableHealthCheck: enabled, HealthCheckLocalIp: local, HealthCheckRemoteIp: remote });
const pairFixOf = (findings: ReturnType<typeof findingsOf>) => findings[0]?.fixes?.[0];

describe('rules: health check', () => {
  it('accepts a distinct pair inside 169.254.128.0/17 with EnableHealthCheck', () => {
    for (const id of [
      'health-check-ip-conflict',
      'health-check-ip-invalid',
      'health-check-ip-range',
      'health-check-disabled',
    ]) {
      assert.deepEqual(findingsOf(id, check('169.254.128.1', '169.254.200.9')), [], id);
    }
  });

  it('health-check-policy-route refuses a health check on a policy tunnel (RouteType Policy, or SPD rules under STATIC)', () => {
    const policy = findingsOf(
      'health-check-policy-route',
      exampleWith({ RouteType: 'Policy', EnableHealthCheck: true }),
    );
    assert.deepEqual(locations(policy), [
      { path: ['EnableHealthCheck'], target: 'value', code: 'UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck' },
    ]);
    assert.deepEqual(
      policy[0].fixes?.map((fix) => fix.kind === 'setValue' && fix.value),
      [false],
    );
    // The official example has SPD rules and no RouteType (STATIC, the legacy default): a policy tunnel too.
    assert.equal(findingsOf('health-check-policy-route', exampleWith({ EnableHealthCheck: true })).length, 1);
    assert.match(
      findingsOf('health-check-policy-route', exampleWith({ EnableHealthCheck: true }))[0].message.en,
      /SecurityPolicyDatabases/,
    );
    for (const routeType of ['StaticRoute', 'Bgp']) {
      assert.deepEqual(
        findingsOf('health-check-policy-route', exampleWith({ RouteType: routeType, EnableHealthCheck: true })),
        [],
        routeType,
      );
    }
    assert.deepEqual(
      findingsOf(
        'health-check-policy-route',
        exampleWith({ RouteType: 'STATIC', SecurityPolicyDatabases: undefined, EnableHealthCheck: true }),
      ),
      [],
    );
    assert.deepEqual(
      findingsOf('health-check-policy-route', exampleWith({ RouteType: 'Policy', EnableHealthCheck: false })),
      [],
    );
  });

  it('health-check-ip-conflict flags equal addresses and proposes the default pair', () => {
    const findings = findingsOf('health-check-ip-conflict', check('169.254.130.1', '169.254.130.1'));
    assert.deepEqual(locations(findings), [
      { path: ['HealthCheckRemoteIp'], target: 'value', code: 'InvalidParameterValue.VpnConnHealthCheckIpConflict' },
    ]);
    assert.deepEqual(pairFixOf(findings), {
      kind: 'addProperties',
      path: [],
      properties: { HealthCheckLocalIp: '169.254.128.1', HealthCheckRemoteIp: '169.254.128.2' },
      title: { en: 'Use 169.254.128.1 / 169.254.128.2', zh: '改用 169.254.128.1 / 169.254.128.2' },
    });
  });

  it('health-check-ip-invalid flags 0.0.0.0 and a multicast address as errors', () => {
    const findings = findingsOf('health-check-ip-invalid', check('0.0.0.0', '224.0.0.5'));
    assert.deepEqual(
      findings.map((f) => [f.path[0], f.severity]),
      [
        ['HealthCheckLocalIp', 'error'],
        ['HealthCheckRemoteIp', 'error'],
      ],
    );
    assert.equal(pairFixOf(findings)?.kind, 'addProperties');
  });

  it('health-check-ip-range warns outside 169.254.128.0/17 without an API code (the API does not refuse it), but not for 0.0.0.0 (already an error)', () => {
    const findings = findingsOf('health-check-ip-range', check('10.0.0.1', '169.254.0.9'));
    assert.deepEqual(
      findings.map((f) => [f.path[0], f.severity, f.code]),
      [
        ['HealthCheckLocalIp', 'warning', 'health-check-ip-range'],
        ['HealthCheckRemoteIp', 'warning', 'health-check-ip-range'],
      ],
    );
    assert.deepEqual(findingsOf('health-check-ip-range', check('0.0.0.0', '169.254.128.2')), []);
  });

  it('health-check-disabled warns on each health-check key while EnableHealthCheck is not true', () => {
    const doc = exampleWith({ HealthCheckLocalIp: '169.254.128.1', HealthCheckConfig: { ProbeInterval: 2000 } });
    const findings = findingsOf('health-check-disabled', doc);
    assert.deepEqual(locations(findings), [
      { path: ['HealthCheckLocalIp'], target: 'key', code: 'health-check-disabled' },
      { path: ['HealthCheckConfig'], target: 'key', code: 'health-check-disabled' },
    ]);
    assert.deepEqual(
      findings[0].fixes?.map((fix) => fix.kind),
      ['addProperties', 'remove'],
    );
    assert.equal(findingsOf('health-check-disabled', { ...doc, EnableHealthCheck: false }).length, 2);
  });

  it('the default pair skips addresses taken by the BGP tunnel and by SPD blocks', () => {
    const doc = exampleWith({
      BgpConfig: { TunnelCidr: '169.254.128.0/30', LocalBgpIp: '169.254.128.1', RemoteBgpIp: '169.254.128.2' },
      SecurityPolicyDatabases: [{ LocalCidrBlock: '169.254.128.4/32', RemoteCidrBlock: ['0.0.0.0/0'] }],
    });
    assert.deepEqual(defaultHealthCheckPair(doc), ['169.254.128.5', '169.254.128.6']);
    assert.deepEqual(defaultHealthCheckPair({}), ['169.254.128.1', '169.254.128.2']);
  });
});
