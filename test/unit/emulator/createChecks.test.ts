/**
 * CreateVpnConnection's refusals, each with the API code the service answers: parameter findings from
 * checkParams, resources missing in the request's region, VpcId against the gateway type, BGP ASNs, route
 * types mixed on one gateway, overlaps with the gateway's existing tunnels, and the frequency limit.
 */
import { strict as assert } from 'node:assert';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { RateLimiter } from '../../../emulator/rateLimit';
import { OFFICIAL_EXAMPLE, failureOf, sdkClient } from './helpers';

const BGP_TUNNEL = {
  VpnGatewayId: 'vpngw-8bgp4k2d',
  CustomerGatewayId: 'cgw-b6gp1n4z',
  VpcId: 'vpc-k3m9p2xa',
  VpnConnectionName: 'bgp-2',
  PreShareKey: 'k3y',
  RouteType: 'Bgp',
  BgpConfig: { TunnelCidr: '169.254.130.0/30', LocalBgpIp: '169.254.130.1', RemoteBgpIp: '169.254.130.2' },
};

describe('emulator: CreateVpnConnection checks', () => {
  let emulator: RunningEmulator;
  const codeOf = async (params: object, region = 'ap-guangzhou'): Promise<string | undefined> =>
    (await failureOf(sdkClient(emulator, { region }).request('CreateVpnConnection', params))).code;

  before(async () => {
    emulator = await startEmulator({ taskDelayMs: 60_000 });
  });
  beforeEach(() => emulator.reset());
  after(() => emulator.close());

  it('turns the first schema finding into its API code (MissingParameter, UnknownParameter, InvalidParameterValue)', async () => {
    const { PreShareKey: _psk, ...withoutKey } = OFFICIAL_EXAMPLE;
    assert.equal(await codeOf(withoutKey), 'MissingParameter');
    assert.equal(await codeOf({ ...OFFICIAL_EXAMPLE, RoutType: 'STATIC' }), 'UnknownParameter');
    assert.equal(await codeOf({ ...OFFICIAL_EXAMPLE, NegotiationType: 'ACTIVE' }), 'InvalidParameterValue');
  });

  it("refuses a file's own keys the API does not take (VpnConnectionId, Region), even without a pre-shared key", async () => {
    const { PreShareKey: _psk, ...withoutKey } = OFFICIAL_EXAMPLE;
    assert.equal(await codeOf({ ...withoutKey, VpnConnectionId: 'vpnx-5eed01gz' }), 'UnknownParameter');
    assert.equal(await codeOf({ ...OFFICIAL_EXAMPLE, VpnConnectionId: 'vpnx-5eed01gz' }), 'UnknownParameter');
    assert.equal(await codeOf({ ...OFFICIAL_EXAMPLE, Region: 'ap-guangzhou' }), 'UnknownParameter');
  });

  it('turns a business-rule finding into its API code (a /29 BGP tunnel CIDR -> VpnConnBgpTunnelCidrMask)', async () => {
    const wide = { ...BGP_TUNNEL, BgpConfig: { ...BGP_TUNNEL.BgpConfig, TunnelCidr: '169.254.130.0/29' } };
    assert.equal(await codeOf(wide), 'InvalidParameterValue.VpnConnBgpTunnelCidrMask');
  });

  it('answers ResourceNotFound for a gateway, customer gateway or VPC of another region', async () => {
    assert.equal(await codeOf(OFFICIAL_EXAMPLE, 'ap-shanghai'), 'ResourceNotFound');
    assert.equal(await codeOf({ ...OFFICIAL_EXAMPLE, CustomerGatewayId: 'cgw-sh7b2k5x' }), 'ResourceNotFound');
    assert.equal(await codeOf({ ...OFFICIAL_EXAMPLE, VpcId: 'vpc-s7d2q8wn' }), 'ResourceNotFound');
  });

  it("requires the gateway's own VpcId on an IPSEC gateway and refuses one on a CCN gateway", async () => {
    const { VpcId: _vpc, ...withoutVpc } = OFFICIAL_EXAMPLE;
    assert.equal(await codeOf(withoutVpc), 'MissingParameter');
    assert.equal(await codeOf({ ...OFFICIAL_EXAMPLE, VpcId: 'vpc-k3m9p2xa' }), 'InvalidParameterValue');
    assert.equal(await codeOf({ ...OFFICIAL_EXAMPLE, VpnGatewayId: 'vpngw-c3cn7m1q' }), 'InvalidParameterValue');
    const ccn = await sdkClient(emulator).request('CreateVpnConnection', {
      ...withoutVpc,
      VpnGatewayId: 'vpngw-c3cn7m1q',
    });
    assert.equal(ccn.VpnConnection.VpcId, '');
  });

  it('refuses a tunnel on an SSL gateway and GCM ciphers on a 2.0 gateway', async () => {
    assert.equal(await codeOf({ ...OFFICIAL_EXAMPLE, VpnGatewayId: 'vpngw-s5sl2v8e' }), 'UnsupportedOperation');
    const gcm = { ...OFFICIAL_EXAMPLE.IPSECOptionsSpecification, EncryptAlgorithm: 'AES128GCM128' };
    assert.equal(await codeOf({ ...OFFICIAL_EXAMPLE, IPSECOptionsSpecification: gcm }), 'InvalidParameterValue');
  });

  it('answers UnsupportedOperation.VpnUnsupportedNotExistBgpAsn when a gateway lacks an ASN', async () => {
    const onPlainGateway = {
      ...BGP_TUNNEL,
      VpnGatewayId: 'vpngw-1w9tue3d',
      VpcId: 'vpc-gapcv96p',
      CustomerGatewayId: 'cgw-b6gp1n4z',
    };
    assert.equal(await codeOf(onPlainGateway), 'UnsupportedOperation.VpnUnsupportedNotExistBgpAsn');
    assert.equal(
      await codeOf({ ...BGP_TUNNEL, CustomerGatewayId: 'cgw-qa9sxpy7' }),
      'UnsupportedOperation.VpnUnsupportedNotExistBgpAsn',
    );
  });

  it('answers UnsupportedOperation.VpnUnsupportedBgpAsnEqual when both ASNs are the same', async () => {
    assert.equal(
      await codeOf({ ...BGP_TUNNEL, CustomerGatewayId: 'cgw-e9qa5s3m' }),
      'UnsupportedOperation.VpnUnsupportedBgpAsnEqual',
    );
  });

  it('answers UnsupportedOperation.VpnConnRouteTypeMixed for a static tunnel on a gateway with a BGP one', async () => {
    const staticTunnel = {
      ...OFFICIAL_EXAMPLE,
      VpnGatewayId: 'vpngw-8bgp4k2d',
      VpcId: 'vpc-k3m9p2xa',
      CustomerGatewayId: 'cgw-b6gp1n4z',
    };
    assert.equal(await codeOf(staticTunnel), 'UnsupportedOperation.VpnConnRouteTypeMixed');
  });

  it('accepts a second BGP tunnel, and refuses one whose tunnel CIDR overlaps (VpnConnBgpTunnelCidrConflict)', async () => {
    const created = await sdkClient(emulator).request('CreateVpnConnection', BGP_TUNNEL);
    assert.deepEqual(created.VpnConnection.BgpConfig, {
      ...BGP_TUNNEL.BgpConfig,
      LocalBgpAsn: '64551',
      RemoteBgpAsn: '65010',
    });
    const overlapping = {
      ...BGP_TUNNEL,
      BgpConfig: { TunnelCidr: '169.254.128.0/30', LocalBgpIp: '169.254.128.1', RemoteBgpIp: '169.254.128.2' },
    };
    assert.equal(await codeOf(overlapping), 'InvalidParameterValue.VpnConnBgpTunnelCidrConflict');
  });

  it('answers InvalidParameterValue.VpnConnCidrConflict when SPD rules overlap an existing tunnel on both sides', async () => {
    const overlapping = [{ LocalCidrBlock: '10.8.1.128/25', RemoteCidrBlock: ['192.168.0.0/16'] }];
    assert.equal(
      await codeOf({ ...OFFICIAL_EXAMPLE, SecurityPolicyDatabases: overlapping }),
      'InvalidParameterValue.VpnConnCidrConflict',
    );
    const localOnly = [{ LocalCidrBlock: '10.8.1.0/24', RemoteCidrBlock: ['192.168.2.0/24'] }];
    const created = await sdkClient(emulator).request('CreateVpnConnection', {
      ...OFFICIAL_EXAMPLE,
      SecurityPolicyDatabases: localOnly,
    });
    assert.match(created.VpnConnection.VpnConnectionId, /^vpnx-/);
  });

  it('answers VpnConnHealthCheckIpConflict for health-check IPs another tunnel of the gateway uses', async () => {
    const taken = { ...OFFICIAL_EXAMPLE, HealthCheckLocalIp: '169.254.128.1', HealthCheckRemoteIp: '169.254.129.2' };
    assert.equal(await codeOf(taken), 'InvalidParameterValue.VpnConnHealthCheckIpConflict');
  });

  it('answers RequestLimitExceeded once CreateVpnConnection is over its per-second limit', async () => {
    const limited = await startEmulator({ createRateLimitPerSecond: 0 });
    try {
      assert.equal(
        (await failureOf(sdkClient(limited).request('CreateVpnConnection', OFFICIAL_EXAMPLE))).code,
        'RequestLimitExceeded',
      );
      assert.equal(
        (await sdkClient(limited).request('DescribeVpnGateways', {})).TotalCount,
        4,
        'other actions are not limited',
      );
    } finally {
      await limited.close();
    }
  });

  it('limits to 100 per second per key: the 101st within a second is refused, one a second later passes', () => {
    const limiter = new RateLimiter(100);
    for (let index = 0; index < 100; index++) assert.equal(limiter.tryAcquire('AKID1', 5_000 + index), true);
    assert.equal(limiter.tryAcquire('AKID1', 5_500), false);
    assert.equal(limiter.tryAcquire('AKID2', 5_500), true, 'another key has its own window');
    assert.equal(limiter.tryAcquire('AKID1', 6_000), true);
  });
});
