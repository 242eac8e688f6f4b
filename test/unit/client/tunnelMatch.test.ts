/**
 * Whether an existing tunnel is the file's (cloud/tunnelMatch.ts): a submit follows a tunnel with the file's key
 * only when nothing the create sent differs, and otherwise names what differs. The tunnel here is written as
 * DescribeVpnConnections returns it (the legacy integrity spelling, StaticRoute, SecurityPolicyDatabaseSet).
 */
import * as assert from 'node:assert/strict';
import { differencesFrom } from '../../../cloud/tunnelMatch';
import type { VpnConnectionSummary } from '../../../cloud/tunnelLookup';
import { officialExample } from '../../support/fixtures';

function liveTunnelOf(params: Record<string, unknown>): VpnConnectionSummary {
  return {
    VpnConnectionId: 'vpnx-1',
    VpcId: params.VpcId,
    RouteType: 'StaticRoute',
    SecurityPolicyDatabaseSet: params.SecurityPolicyDatabases,
    IKEOptionsSpecification: { ...(params.IKEOptionsSpecification as object), IKESaLifetimeSeconds: 86400 },
    IPSECOptionsSpecification: { ...(params.IPSECOptionsSpecification as object), IPSECSaLifetimeSeconds: 3600 },
  };
}

describe('does an existing tunnel match the file', () => {
  it('the tunnel the file made matches it, whatever defaults the service added', () => {
    const params = officialExample();
    assert.deepEqual(differencesFrom(params, liveTunnelOf(params)), []);
  });

  it('IntegrityAlgorithm in the file is compared with the IntegrityAlgorith the service returns', () => {
    const params = officialExample();
    const { IntegrityAlgorith, ...rest } = params.IPSECOptionsSpecification;
    const tunnel = liveTunnelOf(params);
    const file = { ...params, IPSECOptionsSpecification: { ...rest, IntegrityAlgorithm: IntegrityAlgorith } };
    assert.deepEqual(differencesFrom(file, tunnel), []);
    const other = { ...params, IPSECOptionsSpecification: { ...rest, IntegrityAlgorithm: 'SHA256' } };
    assert.deepEqual(differencesFrom(other, tunnel), ['IPSECOptionsSpecification.IntegrityAlgorithm']);
  });

  it('names each field that differs: VPC, route type, SPD rules (as sets), IKE options', () => {
    const params = officialExample();
    const tunnel = liveTunnelOf(params);
    const changed = {
      ...params,
      VpcId: 'vpc-other',
      RouteType: 'Bgp',
      SecurityPolicyDatabases: [{ LocalCidrBlock: '10.8.4.0/24', RemoteCidrBlock: ['58.211.9.0/24'] }],
      IKEOptionsSpecification: { ...params.IKEOptionsSpecification, DhGroupName: 'GROUP14' },
    };
    assert.deepEqual(differencesFrom(changed, tunnel), [
      'VpcId',
      'RouteType',
      'SecurityPolicyDatabases',
      'IKEOptionsSpecification.DhGroupName',
    ]);
  });

  it('SPD rules in another order are the same rules', () => {
    const params = {
      ...officialExample(),
      SecurityPolicyDatabases: [
        { LocalCidrBlock: '10.0.0.0/24', RemoteCidrBlock: ['192.168.1.0/24', '192.168.0.0/24'] },
        { LocalCidrBlock: '10.0.1.0/24', RemoteCidrBlock: ['192.168.2.0/24'] },
      ],
    };
    const tunnel = {
      ...liveTunnelOf(params),
      SecurityPolicyDatabaseSet: [
        { LocalCidrBlock: '10.0.1.0/24', RemoteCidrBlock: ['192.168.2.0/24'] },
        { LocalCidrBlock: '10.0.0.0/24', RemoteCidrBlock: ['192.168.0.0/24', '192.168.1.0/24'] },
      ],
    };
    assert.deepEqual(differencesFrom(params, tunnel), []);
  });
});
