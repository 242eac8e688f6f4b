/**
 * The tunnel lab's scenarios: which fixture configures the peer (through the generator), which one the cloud
 * side, and what must happen, with the negotiated algorithms written out in charon's names here (not derived
 * from lab/strongswanNames.ts, so a wrong entry in that table fails the test instead of agreeing with itself).
 */
import * as path from 'node:path';
import type { Algorithms } from '../../lab';

export const LAB_FIXTURES = path.join(__dirname, '..', 'fixtures', 'lab');

/** A scenario whose tunnel must come up. */
export interface UpScenario {
  title: string;
  file: string;
  ikeVersion: 1 | 2;
  initiator: 'cloud' | 'peer';
  ike: Algorithms;
  child: Algorithms;
  /** The cloud's CHILD SAs' selectors, local === remote. */
  selectors: string[];
  /** The identities the cloud's IKE SA shows (local, remote). */
  identities: [string, string];
  /** Whether a ping outside the selectors is part of the proof (policy-based tunnels). */
  refusedProbe: boolean;
}

/** A scenario whose handshake must fail, and the parameter the diagnosis must name. */
export interface MismatchScenario {
  title: string;
  peerFile: string;
  cloudFile: string;
  cause: string;
  parameter: string;
}

export const UP_SCENARIOS: UpScenario[] = [
  {
    title: 'route-based IKEv2, AES-CBC-128/SHA-256/GROUP14',
    file: 'route-ikev2.vpnconn.yaml',
    ikeVersion: 2,
    initiator: 'cloud',
    ike: { encryption: 'AES_CBC_128', integrity: 'HMAC_SHA2_256_128', prf: 'PRF_HMAC_SHA2_256', dh: 'MODP_2048' },
    child: { encryption: 'AES_CBC_128', integrity: 'HMAC_SHA2_256_128', dh: undefined },
    selectors: ['0.0.0.0/0 === 0.0.0.0/0'],
    identities: ['192.0.2.1', '192.0.2.2'],
    refusedProbe: false,
  },
  {
    title: 'policy-based IKEv1 main mode, two SPD rules, PFS, the peer initiating',
    file: 'policy-ikev1-main.vpnconn.yaml',
    ikeVersion: 1,
    initiator: 'peer',
    ike: { encryption: 'AES_CBC_256', integrity: 'HMAC_SHA1_96', prf: 'PRF_HMAC_SHA1', dh: 'MODP_2048' },
    child: { encryption: 'AES_CBC_128', integrity: 'HMAC_SHA1_96', dh: 'MODP_2048' },
    selectors: ['10.8.4.0/24 === 172.16.10.0/24', '10.8.5.0/24 === 172.16.20.0/24'],
    identities: ['192.0.2.1', '192.0.2.2'],
    refusedProbe: true,
  },
  {
    title: 'IKEv1 aggressive mode with FQDN identities',
    file: 'aggressive-fqdn.vpnconn.yaml',
    ikeVersion: 1,
    initiator: 'cloud',
    ike: { encryption: 'AES_CBC_128', integrity: 'HMAC_SHA2_256_128', prf: 'PRF_HMAC_SHA2_256', dh: 'MODP_2048' },
    child: { encryption: 'AES_CBC_256', integrity: 'HMAC_SHA2_256_128', dh: undefined },
    selectors: ['10.20.0.0/16 === 192.168.50.0/24'],
    identities: ['vpn.cloud.example', 'gw.idc.example'],
    refusedProbe: true,
  },
  {
    title: 'BGP inside addresses over IKEv2 (169.254.128.1 ⇄ .2), PFS GROUP19 proven by a rekey',
    file: 'bgp-ikev2.vpnconn.yaml',
    ikeVersion: 2,
    initiator: 'cloud',
    ike: { encryption: 'AES_CBC_256', integrity: 'HMAC_SHA2_256_128', prf: 'PRF_HMAC_SHA2_256', dh: 'ECP_256' },
    child: { encryption: 'AES_CBC_256', integrity: 'HMAC_SHA2_256_128', dh: 'ECP_256' },
    selectors: ['0.0.0.0/0 === 0.0.0.0/0'],
    identities: ['192.0.2.1', '192.0.2.2'],
    refusedProbe: false,
  },
];

export const MISMATCH_SCENARIOS: MismatchScenario[] = [
  {
    title: 'a different DH group (cloud GROUP15, peer GROUP14)',
    peerFile: 'route-ikev2.vpnconn.yaml',
    cloudFile: 'mismatch-dh.vpnconn.yaml',
    cause: 'proposal',
    parameter: 'IKEOptionsSpecification.DhGroupName',
  },
  {
    title: 'a wrong pre-shared key',
    peerFile: 'route-ikev2.vpnconn.yaml',
    cloudFile: 'mismatch-psk.vpnconn.yaml',
    cause: 'pre-shared-key',
    parameter: 'PreShareKey',
  },
  {
    title: 'swapped identities (LocalFqdnName ⇄ RemoteFqdnName)',
    peerFile: 'aggressive-fqdn.vpnconn.yaml',
    cloudFile: 'mismatch-identity.vpnconn.yaml',
    cause: 'identity',
    parameter: 'IKEOptionsSpecification.RemoteIdentity',
  },
  {
    title: "traffic selectors that differ (one SPD rule's remote block)",
    peerFile: 'policy-ikev1-main.vpnconn.yaml',
    cloudFile: 'mismatch-spd.vpnconn.yaml',
    cause: 'selectors',
    parameter: 'SecurityPolicyDatabases',
  },
];
