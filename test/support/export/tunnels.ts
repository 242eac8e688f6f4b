/**
 * The tunnels the export tests send through every target: the official example, a BGP tunnel (IKEv2, an FQDN
 * identity, the new IntegrityAlgorithm spelling, DPD), a policy tunnel with several SPD rules, a route-based tunnel
 * with a health check (the service refuses one on an SPD tunnel: VpnConnCidrNotSupportedHealthCheck), and a tunnel
 * with tags. Each is a valid file (test/unit/export/tunnels.test.ts checks it with the pipeline), so
 * the CLI tests can export them too.
 */
import { officialExample } from '../fixtures';

export type Params = Record<string, unknown>;

const base = (name: string): Params => ({
  VpnConnectionName: name,
  VpcId: 'vpc-gapcv96p',
  VpnGatewayId: 'vpngw-1w9tue3d',
  CustomerGatewayId: 'cgw-qa9sxpy7',
  PreShareKey: 'psk-Secret-9f3c',
});

export function bgpTunnel(): Params {
  return {
    ...base('bgp-idc-1'),
    RouteType: 'Bgp',
    NegotiationType: 'passive',
    BgpConfig: { TunnelCidr: '169.254.128.0/30', LocalBgpIp: '169.254.128.1', RemoteBgpIp: '169.254.128.2' },
    IKEOptionsSpecification: {
      IKEVersion: 'IKEV2',
      PropoEncryAlgorithm: 'AES-CBC-256',
      PropoAuthenAlgorithm: 'SHA-256',
      ExchangeMode: 'MAIN',
      LocalIdentity: 'FQDN',
      LocalFqdnName: 'vpc.example.com',
      RemoteIdentity: 'ADDRESS',
      RemoteAddress: '203.0.113.9',
      DhGroupName: 'GROUP14',
      IKESaLifetimeSeconds: 28800,
    },
    IPSECOptionsSpecification: {
      EncryptAlgorithm: 'AES-CBC-256',
      IntegrityAlgorithm: 'SHA-256',
      IPSECSaLifetimeSeconds: 3600,
      PfsDhGroup: 'DH-GROUP14',
      IPSECSaLifetimeTraffic: 2560000,
    },
    DpdEnable: 1,
    DpdTimeout: '30',
    DpdAction: 'restart',
  };
}

export function policyTunnel(): Params {
  return {
    ...base('policy-idc-2'),
    RouteType: 'Policy',
    SecurityPolicyDatabases: [
      { LocalCidrBlock: '10.8.4.0/24', RemoteCidrBlock: ['192.168.10.0/24', '192.168.11.0/24'] },
      { LocalCidrBlock: '10.8.5.0/24', RemoteCidrBlock: ['192.168.12.0/24'] },
      { LocalCidrBlock: '10.8.6.0/24', RemoteCidrBlock: ['192.168.13.0/24', '192.168.14.0/24', '192.168.15.0/24'] },
    ],
    EnableHealthCheck: false,
    IKEOptionsSpecification: {
      PropoEncryAlgorithm: 'AES-CBC-128',
      PropoAuthenAlgorithm: 'SHA',
      LocalIdentity: 'ADDRESS',
      LocalAddress: '198.51.100.7',
      RemoteIdentity: 'ADDRESS',
      RemoteAddress: '203.0.113.10',
    },
  };
}

/** The health check: on a route-based tunnel, as the service refuses one on an SPD tunnel. */
export function healthCheckedTunnel(): Params {
  return {
    ...base('static-hc-4'),
    RouteType: 'StaticRoute',
    EnableHealthCheck: true,
    HealthCheckLocalIp: '169.254.128.1',
    HealthCheckRemoteIp: '169.254.128.2',
    HealthCheckConfig: { ProbeType: 'NQA', ProbeInterval: 5000, ProbeThreshold: 3, ProbeTimeout: 5000 },
  };
}

export function taggedTunnel(): Params {
  return {
    ...base('tagged-3'),
    SecurityPolicyDatabases: [{ LocalCidrBlock: '10.9.0.0/16', RemoteCidrBlock: ['172.16.0.0/16'] }],
    Tags: [
      { Key: 'team', Value: 'network' },
      { Key: 'cost center', Value: 'IDC "north"' },
      { Key: '环境', Value: '生产' },
      { Key: 'owner', Value: '' },
    ],
  };
}

/** Every tunnel by name, the official example first. */
export function allTunnels(): [string, Params][] {
  return [
    ['the official example', officialExample()],
    ['a BGP tunnel', bgpTunnel()],
    ['a policy tunnel with several SPD rules', policyTunnel()],
    ['a StaticRoute tunnel with a health check', healthCheckedTunnel()],
    ['a tunnel with tags', taggedTunnel()],
  ];
}
