/**
 * The plan's comparison (cloud/tunnel/diff.ts, tunnelPlan.ts): what a file leaves out means its default or the
 * service's choice, values compare as the API reads them, each change says how it is made, and a Modify sends a
 * changed object whole. The pre-shared key never shows in a plan.
 */
import assert from 'node:assert/strict';
import {
  changesBetween,
  CREATE_FIELDS,
  inputFormOf,
  modifyParamsOf,
  planLines,
  planTunnel,
  valueToSend,
} from '../../../cloud/tunnel';
import type { LiveTunnel } from '../../../cloud/tunnel';

const LIVE = inputFormOf({
  VpnConnectionId: 'vpnx-abcd1234',
  VpnConnectionName: 'a',
  VpnGatewayId: 'vpngw-1w9tue3d',
  CustomerGatewayId: 'cgw-qa9sxpy7',
  VpcId: 'vpc-gapcv96p',
  PreShareKey: 'live-secret-key',
  RouteType: 'STATIC',
  State: 'AVAILABLE',
  SecurityPolicyDatabaseSet: [
    { LocalCidrBlock: '10.0.1.0/24', RemoteCidrBlock: ['192.168.2.0/24', '192.168.1.0/24'] },
    { LocalCidrBlock: '10.0.0.0/24', RemoteCidrBlock: ['192.168.0.0/24'] },
  ],
  IKEOptionsSpecification: { PropoEncryAlgorithm: '3DES-CBC', DhGroupName: 'GROUP2', LocalAddress: '203.0.113.10' },
  IPSECOptionsSpecification: { IntegrityAlgorith: 'SHA1', EncryptAlgorithm: 'AES-CBC-256' },
  DpdEnable: 1,
  DpdTimeout: '30',
  HealthCheckLocalIp: '169.254.128.1',
});
const live: LiveTunnel = {
  region: 'ap-guangzhou',
  tunnel: {
    VpnConnectionId: 'vpnx-abcd1234',
    VpnConnectionName: 'a',
    VpnGatewayId: 'vpngw-1w9tue3d',
    CustomerGatewayId: 'cgw-qa9sxpy7',
    State: 'AVAILABLE',
  },
  form: LIVE,
  gatewayVersion: '2.0',
};
const fields = (file: Record<string, unknown>) =>
  changesBetween(CREATE_FIELDS, file, LIVE.params).map((change) => change.field);

describe('planning a file against its live tunnel', () => {
  it("finds nothing to change in the live tunnel's own input form", () => {
    assert.deepEqual(fields(LIVE.params), []);
  });

  it('compares SPD rules as sets, "30" and 30 alike, and the integrity algorithm under either name', () => {
    const reordered = {
      ...LIVE.params,
      SecurityPolicyDatabases: [
        { LocalCidrBlock: '10.0.0.0/24', RemoteCidrBlock: ['192.168.0.0/24'] },
        { LocalCidrBlock: '10.0.1.0/24', RemoteCidrBlock: ['192.168.1.0/24', '192.168.2.0/24'] },
      ],
      DpdTimeout: 30,
      IPSECOptionsSpecification: { IntegrityAlgorith: 'SHA1', EncryptAlgorithm: 'AES-CBC-256' },
    };
    assert.deepEqual(fields(reordered), []);
  });

  it("reads a left-out field as its default, and one without a default as the service's choice", () => {
    const { DpdTimeout: _timeout, HealthCheckLocalIp: _ip, ...rest } = LIVE.params;
    assert.deepEqual(fields(rest), []);
    const { DpdEnable: _dpd, ...withoutDpd } = LIVE.params;
    assert.deepEqual(fields(withoutDpd), ['DpdEnable']);
  });

  it("names the changed members of an object, and a Modify sends the object whole with the file's spelling", () => {
    const file = {
      ...LIVE.params,
      IKEOptionsSpecification: { LocalAddress: '203.0.113.10', DhGroupName: 'GROUP14' },
      IPSECOptionsSpecification: { IntegrityAlgorith: 'SHA-256', EncryptAlgorithm: 'AES-CBC-256' },
    };
    const changes = changesBetween(CREATE_FIELDS, file, LIVE.params);
    assert.deepEqual(
      changes.map((change) => [change.field, change.members]),
      [
        ['IKEOptionsSpecification', ['DhGroupName']],
        ['IPSECOptionsSpecification', ['IntegrityAlgorithm']],
      ],
    );
    const ike = valueToSend('IKEOptionsSpecification', file) as Record<string, unknown>;
    assert.equal(ike.DhGroupName, 'GROUP14');
    assert.equal(ike.PropoEncryAlgorithm, '3DES-CBC');
    assert.equal(ike.IKESaLifetimeSeconds, 86400);
    const ipsec = valueToSend('IPSECOptionsSpecification', file) as Record<string, unknown>;
    assert.equal(ipsec.IntegrityAlgorith, 'SHA-256');
    assert.ok(!('IntegrityAlgorithm' in ipsec), 'never both spellings');
  });

  it('says which changes need a new tunnel, and the Modify carries only the in-place ones', () => {
    const file = {
      ...LIVE.params,
      VpnGatewayId: 'vpngw-8bgp4k2d',
      RouteType: 'Policy',
      Tags: [{ Key: 'a', Value: 'b' }],
      VpnConnectionName: 'b',
    };
    const plan = planTunnel(file, live);
    assert.deepEqual(plan.needsNewTunnel, ['VpnGatewayId', 'Tags', 'RouteType']);
    assert.deepEqual(plan.inPlace, ['VpnConnectionName']);
    assert.deepEqual(modifyParamsOf(plan, file), { VpnConnectionId: 'vpnx-abcd1234', VpnConnectionName: 'b' });
    assert.match(
      planLines(plan).join('\n'),
      /! VpnGatewayId: "vpngw-1w9tue3d" -> "vpngw-8bgp4k2d"  \[needs a new tunnel\]/,
    );
    assert.match(
      planLines(plan).join('\n'),
      /! Tags: .*\[not by ModifyVpnConnectionAttribute: tags change through the Tag API\]/,
    );
    assert.match(planLines(plan, 'zh').join('\n'), /! RouteType: "STATIC" \(默认值\) -> "Policy"  \[需要新建通道\]/);
  });

  it('on a gateway older than 4.0, a new customer gateway needs a new tunnel; on 4.0 it changes in place', () => {
    const file = { ...LIVE.params, CustomerGatewayId: 'cgw-e9qa5s3m' };
    assert.deepEqual(planTunnel(file, live).needsNewTunnel, ['CustomerGatewayId']);
    assert.deepEqual(planTunnel(file, { ...live, gatewayVersion: '4.0' }).inPlace, ['CustomerGatewayId']);
  });

  it("keeps the service's pre-shared key when the file has none, and never shows a key", () => {
    const { PreShareKey: _psk, ...withoutKey } = LIVE.params;
    const kept = planTunnel(withoutKey, live);
    assert.equal(kept.inSync, true);
    assert.equal(kept.pskKeptOnService, true);
    const rotated = planTunnel({ ...LIVE.params, PreShareKey: 'new-secret-key' }, live);
    assert.deepEqual(rotated.inPlace, ['PreShareKey']);
    const shown = JSON.stringify(rotated) + planLines(rotated).join('\n') + planLines(rotated, 'zh').join('\n');
    assert.ok(!shown.includes('new-secret-key') && !shown.includes('live-secret-key'), shown);
  });
});
