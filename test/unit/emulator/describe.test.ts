/**
 * The read actions and the synchronous changes: per-region resources (issue 8 needs two regions), ids or Filters
 * with their limits, paging with TotalCount, DescribeVpcs, a free health-check pair, and ModifyVpnConnectionAttribute.
 */
import { strict as assert } from 'node:assert';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { failureOf, sdkClient } from './helpers';

describe('emulator: read actions and modify', () => {
  let emulator: RunningEmulator;
  const gz = () => sdkClient(emulator);
  const sh = () => sdkClient(emulator, { region: 'ap-shanghai' });

  before(async () => {
    emulator = await startEmulator({ taskDelayMs: 60_000 });
  });
  beforeEach(() => emulator.reset());
  after(() => emulator.close());

  it("lists each region's own gateways: IPSEC and CCN types, versions 2.0 and 4.0, some with a BGP ASN", async () => {
    const guangzhou = await gz().request('DescribeVpnGateways', {});
    const shanghai = await sh().request('DescribeVpnGateways', {});
    const summary = (set: { Type: string; Version: string; BgpAsn: number }[]) =>
      set.map((gw) => `${gw.Type}/${gw.Version}/${gw.BgpAsn > 0}`);
    assert.deepEqual(summary(guangzhou.VpnGatewaySet), [
      'IPSEC/2.0/false',
      'IPSEC/4.0/true',
      'CCN/4.0/true',
      'SSL/4.0/false',
    ]);
    assert.deepEqual(summary(shanghai.VpnGatewaySet), ['IPSEC/4.0/true', 'CCN/2.0/false']);
    assert.equal(guangzhou.VpnGatewaySet[0].Region, undefined, "the emulator's bookkeeping field is not answered");
  });

  it('answers InvalidVpnGatewayId.NotFound for a gateway id of another region, and .Malformed for a non-gateway id', async () => {
    assert.equal(
      (await failureOf(sh().request('DescribeVpnGateways', { VpnGatewayIds: ['vpngw-1w9tue3d'] }))).code,
      'InvalidVpnGatewayId.NotFound',
    );
    assert.equal(
      (await failureOf(gz().request('DescribeVpnGateways', { VpnGatewayIds: ['cgw-qa9sxpy7'] }))).code,
      'InvalidVpnGatewayId.Malformed',
    );
  });

  it('filters gateways by type and customer gateways by name', async () => {
    const ccn = await gz().request('DescribeVpnGateways', { Filters: [{ Name: 'type', Values: ['CCN'] }] });
    assert.deepEqual(
      ccn.VpnGatewaySet.map((gw: { VpnGatewayId: string }) => gw.VpnGatewayId),
      ['vpngw-c3cn7m1q'],
    );
    const named = await gz().request('DescribeCustomerGateways', {
      Filters: [{ Name: 'customer-gateway-name', Values: ['bgp-cgw-gz', 'demo-cgw-gz'] }],
    });
    assert.equal(named.TotalCount, 2);
  });

  it('answers InvalidParameter.Coexist for ids with Filters, and FilterInvalidKey for an unknown filter', async () => {
    const both = { VpnConnectionIds: ['vpnx-5eed01gz'], Filters: [{ Name: 'vpc-id', Values: ['vpc-gapcv96p'] }] };
    assert.equal((await failureOf(gz().request('DescribeVpnConnections', both))).code, 'InvalidParameter.Coexist');
    const unknown = { Filters: [{ Name: 'state', Values: ['AVAILABLE'] }] };
    assert.equal(
      (await failureOf(gz().request('DescribeVpnConnections', unknown))).code,
      'InvalidParameter.FilterInvalidKey',
    );
  });

  it('enforces the list limits: 5 values per filter, Limit at most 100', async () => {
    const sixValues = { Filters: [{ Name: 'vpc-id', Values: ['vpc-a', 'vpc-b', 'vpc-c', 'vpc-d', 'vpc-e', 'vpc-f'] }] };
    assert.equal(
      (await failureOf(gz().request('DescribeVpnConnections', sixValues))).code,
      'InvalidParameterValue.LimitExceeded',
    );
    assert.equal(
      (await failureOf(gz().request('DescribeVpnConnections', { Limit: 101 }))).code,
      'InvalidParameterValue.LimitExceeded',
    );
  });

  it('pages with Offset and Limit while TotalCount counts every match', async () => {
    const page = await gz().request('DescribeVpnGateways', { Offset: 1, Limit: 2 });
    assert.equal(page.TotalCount, 4);
    assert.deepEqual(
      page.VpnGatewaySet.map((gw: { VpnGatewayId: string }) => gw.VpnGatewayId),
      ['vpngw-8bgp4k2d', 'vpngw-c3cn7m1q'],
    );
  });

  it('describes VPCs with their CIDR, by id, by fuzzy name and by is-default (string Offset/Limit as the spec has them)', async () => {
    const byId = await gz().request('DescribeVpcs', { VpcIds: ['vpc-gapcv96p'] });
    assert.equal(byId.VpcSet[0].CidrBlock, '10.8.0.0/16');
    const byName = await sh().request('DescribeVpcs', {
      Filters: [{ Name: 'vpc-name', Values: ['demo'] }],
      Offset: '0',
      Limit: '20',
    });
    assert.deepEqual(
      byName.VpcSet.map((vpc: { VpcId: string }) => vpc.VpcId),
      ['vpc-s7d2q8wn'],
    );
    const defaults = await gz().request('DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] });
    assert.deepEqual(
      defaults.VpcSet.map((vpc: { VpcId: string }) => vpc.VpcId),
      ['vpc-k3m9p2xa'],
    );
  });

  it('generates a health-check pair in 169.254.128.0/17 that no tunnel of the gateway uses', async () => {
    const pair = await gz().request('GenerateVpnConnectionDefaultHealthCheckIp', { VpnGatewayId: 'vpngw-1w9tue3d' });
    assert.deepEqual([pair.HealthCheckLocalIp, pair.HealthCheckRemoteIp], ['169.254.128.5', '169.254.128.6']);
    const missing = await failureOf(
      sh().request('GenerateVpnConnectionDefaultHealthCheckIp', { VpnGatewayId: 'vpngw-1w9tue3d' }),
    );
    assert.equal(missing.code, 'ResourceNotFound');
  });

  it("modifies a tunnel's name and IKE options, keeping the rest", async () => {
    await gz().request('ModifyVpnConnectionAttribute', {
      VpnConnectionId: 'vpnx-5eed01gz',
      VpnConnectionName: 'renamed',
      IKEOptionsSpecification: { DhGroupName: 'GROUP14' },
    });
    const [tunnel] = (await gz().request('DescribeVpnConnections', { VpnConnectionIds: ['vpnx-5eed01gz'] }))
      .VpnConnectionSet;
    assert.deepEqual(
      [
        tunnel.VpnConnectionName,
        tunnel.IKEOptionsSpecification.DhGroupName,
        tunnel.IKEOptionsSpecification.ExchangeMode,
      ],
      ['renamed', 'GROUP14', 'MAIN'],
    );
  });

  it('refuses to move a tunnel of a 2.0 gateway to another customer gateway', async () => {
    const moved = await failureOf(
      gz().request('ModifyVpnConnectionAttribute', {
        VpnConnectionId: 'vpnx-5eed01gz',
        CustomerGatewayId: 'cgw-b6gp1n4z',
      }),
    );
    assert.equal(moved.code, 'UnsupportedOperation');
  });
});
