/**
 * The Tencent side of the lab tunnel: a swanctl.conf that behaves as Tencent's VPN gateway would for the file,
 * built from the same parameters the service receives (through tunnelSpec.ts) and written independently of
 * peer/, whose output configures the other end. Tencent offers exactly one proposal (the file's), so each
 * proposal list holds one entry and strongSwan's defaults are never appended; one CHILD SA per SPD pair
 * (IKEv1 carries one pair per Quick Mode), or 0.0.0.0/0 both ways for a route-based tunnel.
 */
import type { TunnelSpec } from './tunnelSpec';

/** The connection and child names the lab initiates on the cloud side. */
export const CLOUD_CONNECTION = 'tencent';

/** The public addresses of the two ends. */
export interface GatewayAddresses {
  cloudAddress: string;
  peerAddress: string;
}

/** The child names of the cloud's connection, one per selector pair. */
export function cloudChildNames(spec: TunnelSpec): string[] {
  return spec.selectors.map((_, index) => (spec.routeBased ? 'route' : `spd-${index + 1}`));
}

/** The IKE proposal: encryption-integrity(-prf for AEAD)-group. */
export function ikeProposal(spec: TunnelSpec): string {
  const { encryption, integrity, dh } = spec.ike;
  const aead = encryption.saName.includes('GCM');
  return [encryption.keyword, aead ? `prf${integrity.keyword}` : integrity.keyword, dh.keyword].join('-');
}

/** The ESP proposal: encryption(-integrity)(-PFS group). */
export function espProposal(spec: TunnelSpec): string {
  const { encryption, integrity, pfs } = spec.esp;
  return [encryption.keyword, integrity?.keyword, pfs.keyword].filter(Boolean).join('-');
}

/** The cloud gateway's swanctl.conf (it holds the pre-shared key: the lab writes it 0600 and removes it). */
export function cloudGatewayConfig(spec: TunnelSpec, addresses: GatewayAddresses): string {
  const lines = [
    '# The Tencent VPN gateway side of the tunnel, as the lab models it from the file (lab/cloudGateway.ts).',
    'connections {',
    `  ${CLOUD_CONNECTION} {`,
    `    version = ${spec.ikeVersion}`,
    ...(spec.ikeVersion === 1 ? [`    aggressive = ${spec.aggressive ? 'yes' : 'no'}`] : []),
    `    local_addrs = ${addresses.cloudAddress}`,
    `    remote_addrs = ${addresses.peerAddress}`,
    `    proposals = ${ikeProposal(spec)}`,
    `    rekey_time = ${spec.ike.lifetimeSeconds}s`,
    ...dpdLines(spec),
    '    local {',
    '      auth = psk',
    `      id = ${spec.localId}`,
    '    }',
    '    remote {',
    '      auth = psk',
    `      id = ${spec.remoteId}`,
    '    }',
    '    children {',
    ...spec.selectors.flatMap((pair, index) => childLines(spec, cloudChildNames(spec)[index], pair)),
    '    }',
    '  }',
    '}',
    ...secretLines(spec),
  ];
  return lines.join('\n') + '\n';
}

function dpdLines(spec: TunnelSpec): string[] {
  if (!spec.dpd.enabled) return [];
  // Tencent states only a timeout; the probe interval is the gateway's own (10 s here).
  return ['    dpd_delay = 10s', ...(spec.ikeVersion === 1 ? [`    dpd_timeout = ${spec.dpd.timeoutSeconds}s`] : [])];
}

function childLines(spec: TunnelSpec, name: string, pair: { local: string; remote: string }): string[] {
  return [
    `      ${name} {`,
    `        local_ts = ${pair.local}`,
    `        remote_ts = ${pair.remote}`,
    `        esp_proposals = ${espProposal(spec)}`,
    `        rekey_time = ${spec.esp.lifetimeSeconds}s`,
    `        life_bytes = ${spec.esp.lifetimeKilobytes * 1024}`,
    ...(spec.dpd.enabled ? [`        dpd_action = ${spec.dpd.action}`] : []),
    '      }',
  ];
}

/** The key in strongSwan's base64 form (`0s…`), so no character of it needs quoting. */
function secretLines(spec: TunnelSpec): string[] {
  return [
    'secrets {',
    '  ike-tencent {',
    `    id-local = ${spec.localId}`,
    `    id-remote = ${spec.remoteId}`,
    `    secret = 0s${Buffer.from(spec.psk, 'utf8').toString('base64')}`,
    '  }',
    '}',
  ];
}
