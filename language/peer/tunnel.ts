/**
 * A CreateVpnConnection file read as a tunnel, from the cloud's side, with the API's defaults filled in: what
 * the peer-device configuration and its capability check work from. Every value keeps the parameter it came
 * from, so a problem can name it. A value of the wrong type or outside its enum is left to the schema: the
 * tunnel carries the default instead and lists the parameter in `invalid`, and no peer problem is reported on it.
 */
import { arrayAt, isRecord, recordAt, stringAt, type Params } from '../values/values';
import {
  DH_GROUPS,
  DPD_ACTIONS,
  ESP_CIPHERS,
  ESP_INTEGRITIES,
  EXCHANGE_MODES,
  IDENTITY_TYPES,
  IKE_CIPHERS,
  IKE_INTEGRITIES,
  IKE_VERSIONS,
  NEGOTIATION_TYPES,
  PFS_GROUPS,
  ROUTE_TYPES,
  TENCENT_DEFAULTS as D,
  type DhGroupName,
  type DpdAction,
  type EspCipher,
  type EspIntegrity,
  type ExchangeMode,
  type IdentityType,
  type IkeCipher,
  type IkeIntegrity,
  type IkeVersion,
  type NegotiationType,
  type PfsGroupName,
  type RouteType,
} from './tencentNames';

export const IKE = 'IKEOptionsSpecification';
export const IPSEC = 'IPSECOptionsSpecification';

/** One end's IKE identity: its type and the address or name the file gives (absent: the end's public address). */
export interface TunnelIdentity {
  type: IdentityType;
  value?: string;
}

/** One SPD mapping: a cloud-side block and one IDC-side block (each local × remote pair is one mapping). */
export interface SelectorPair {
  cloud: string;
  peer: string;
}

export interface Tunnel {
  name?: string;
  preSharedKey?: string;
  ikeVersion: IkeVersion;
  exchangeMode: ExchangeMode;
  ike: { cipher: IkeCipher; integrity: IkeIntegrity; dhGroup: DhGroupName; lifetimeSeconds: number };
  esp: {
    cipher: EspCipher;
    integrity: EspIntegrity;
    /** The parameter the integrity came from (the file's spelling, IntegrityAlgorith or IntegrityAlgorithm). */
    integrityParameter: string;
    pfs: PfsGroupName;
    lifetimeSeconds: number;
    lifetimeKilobytes: number;
  };
  /** Tencent's Local* identity: the cloud end (the peer's remote). */
  cloudIdentity: TunnelIdentity;
  /** Tencent's Remote* identity: the customer gateway (the peer's local). */
  peerIdentity: TunnelIdentity;
  routeType: RouteType;
  /** StaticRoute and Bgp tunnels are route-based (a tunnel interface, 0.0.0.0/0 selectors); STATIC and Policy use the SPD. */
  routeBased: boolean;
  selectors: SelectorPair[];
  bgp?: { tunnelCidr?: string; cloudAddress?: string; peerAddress?: string };
  /** The health check: Tencent probes `peerAddress` (HealthCheckRemoteIp, on the IDC side) from `cloudAddress`. */
  healthCheck?: { cloudAddress?: string; peerAddress?: string };
  negotiation: NegotiationType;
  dpd: { enabled: boolean; timeoutSeconds: number; action: DpdAction };
  /** Parameters present with a value the schema refuses (their defaults are used). */
  invalid: string[];
  /** The lifetime parameters the file leaves out (the API's defaults apply: a peer may clamp them to its range). */
  defaultedLifetimes: string[];
}

const LIFETIME_PATHS: [string, string][] = [
  [IKE, 'IKESaLifetimeSeconds'],
  [IPSEC, 'IPSECSaLifetimeSeconds'],
  [IPSEC, 'IPSECSaLifetimeTraffic'],
];

/** Reads the enum member at `parent[key]`, or the default; a present value outside the enum is noted. */
function pick<T extends string>(
  parent: Params | undefined,
  key: string,
  allowed: readonly T[],
  fallback: T,
  path: string,
  invalid: string[],
): T {
  const value = parent?.[key];
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  invalid.push(path);
  return fallback;
}

/** Reads a positive integer (or an integer string, as DpdTimeout is on the wire), or the default. */
function integer(parent: Params | undefined, key: string, fallback: number, path: string, invalid: string[]): number {
  const value = parent?.[key];
  if (value === undefined) return fallback;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number) && number >= 0) return number;
  invalid.push(path);
  return fallback;
}

function identity(ike: Params | undefined, side: 'Local' | 'Remote', invalid: string[]): TunnelIdentity {
  const type = pick(ike, `${side}Identity`, IDENTITY_TYPES, D.identityType, `${IKE}.${side}Identity`, invalid);
  const value = stringAt(ike, type === 'ADDRESS' ? `${side}Address` : `${side}FqdnName`);
  return value ? { type, value } : { type };
}

function selectorsOf(params: Params): SelectorPair[] {
  const pairs: SelectorPair[] = [];
  for (const rule of arrayAt(params, 'SecurityPolicyDatabases') ?? []) {
    if (!isRecord(rule)) continue;
    const cloud = stringAt(rule, 'LocalCidrBlock');
    const remotes = arrayAt(rule, 'RemoteCidrBlock') ?? [];
    if (!cloud) continue;
    for (const peer of remotes) if (typeof peer === 'string') pairs.push({ cloud, peer });
  }
  return pairs;
}

function ikeOf(ike: Params | undefined, invalid: string[]): Tunnel['ike'] {
  return {
    cipher: pick(ike, 'PropoEncryAlgorithm', IKE_CIPHERS, D.ikeCipher, `${IKE}.PropoEncryAlgorithm`, invalid),
    integrity: pick(
      ike,
      'PropoAuthenAlgorithm',
      IKE_INTEGRITIES,
      D.ikeIntegrity,
      `${IKE}.PropoAuthenAlgorithm`,
      invalid,
    ),
    dhGroup: pick(ike, 'DhGroupName', DH_GROUPS, D.dhGroup, `${IKE}.DhGroupName`, invalid),
    lifetimeSeconds: integer(ike, 'IKESaLifetimeSeconds', D.ikeLifetimeSeconds, `${IKE}.IKESaLifetimeSeconds`, invalid),
  };
}

function espOf(ipsec: Params | undefined, invalid: string[]): Tunnel['esp'] {
  // Both spellings are valid input (NOTES.md); the file names one of them.
  const integrityKey = ipsec && 'IntegrityAlgorithm' in ipsec ? 'IntegrityAlgorithm' : 'IntegrityAlgorith';
  const integrityParameter = `${IPSEC}.${integrityKey}`;
  return {
    cipher: pick(ipsec, 'EncryptAlgorithm', ESP_CIPHERS, D.espCipher, `${IPSEC}.EncryptAlgorithm`, invalid),
    integrity: pick(ipsec, integrityKey, ESP_INTEGRITIES, D.espIntegrity, integrityParameter, invalid),
    integrityParameter,
    pfs: pick(ipsec, 'PfsDhGroup', PFS_GROUPS, D.pfsGroup, `${IPSEC}.PfsDhGroup`, invalid),
    lifetimeSeconds: integer(
      ipsec,
      'IPSECSaLifetimeSeconds',
      D.ipsecLifetimeSeconds,
      `${IPSEC}.IPSECSaLifetimeSeconds`,
      invalid,
    ),
    lifetimeKilobytes: integer(
      ipsec,
      'IPSECSaLifetimeTraffic',
      D.ipsecLifetimeKilobytes,
      `${IPSEC}.IPSECSaLifetimeTraffic`,
      invalid,
    ),
  };
}

function bgpOf(params: Params): Tunnel['bgp'] {
  const bgp = recordAt(params, 'BgpConfig');
  if (!bgp) return undefined;
  return {
    tunnelCidr: stringAt(bgp, 'TunnelCidr'),
    cloudAddress: stringAt(bgp, 'LocalBgpIp'),
    peerAddress: stringAt(bgp, 'RemoteBgpIp'),
  };
}

function healthCheckOf(params: Params): Tunnel['healthCheck'] {
  if (params.EnableHealthCheck !== true) return undefined;
  return { cloudAddress: stringAt(params, 'HealthCheckLocalIp'), peerAddress: stringAt(params, 'HealthCheckRemoteIp') };
}

function dpdOf(params: Params, invalid: string[]): Tunnel['dpd'] {
  return {
    enabled: integer(params, 'DpdEnable', D.dpdEnabled ? 1 : 0, 'DpdEnable', invalid) === 1,
    timeoutSeconds: integer(params, 'DpdTimeout', D.dpdTimeoutSeconds, 'DpdTimeout', invalid),
    action: pick(params, 'DpdAction', DPD_ACTIONS, D.dpdAction, 'DpdAction', invalid),
  };
}

/** The file's tunnel with the API's defaults; never throws, whatever the value holds. */
export function readTunnel(value: unknown): Tunnel {
  // Never throws, whatever the value holds: anything but an object reads as an empty file (the API's defaults).
  const params: Params = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : {};
  const invalid: string[] = [];
  const ike = recordAt(params, IKE);
  const routeType = pick(params, 'RouteType', ROUTE_TYPES, D.routeType, 'RouteType', invalid);
  return {
    name: stringAt(params, 'VpnConnectionName'),
    preSharedKey: stringAt(params, 'PreShareKey'),
    ikeVersion: pick(ike, 'IKEVersion', IKE_VERSIONS, D.ikeVersion, `${IKE}.IKEVersion`, invalid),
    exchangeMode: pick(ike, 'ExchangeMode', EXCHANGE_MODES, D.exchangeMode, `${IKE}.ExchangeMode`, invalid),
    ike: ikeOf(ike, invalid),
    esp: espOf(recordAt(params, IPSEC), invalid),
    cloudIdentity: identity(ike, 'Local', invalid),
    peerIdentity: identity(ike, 'Remote', invalid),
    routeType,
    routeBased: routeType === 'StaticRoute' || routeType === 'Bgp',
    selectors: selectorsOf(params),
    bgp: bgpOf(params),
    healthCheck: healthCheckOf(params),
    negotiation: pick(params, 'NegotiationType', NEGOTIATION_TYPES, D.negotiationType, 'NegotiationType', invalid),
    dpd: dpdOf(params, invalid),
    invalid,
    defaultedLifetimes: LIFETIME_PATHS.filter(([object, key]) => recordAt(params, object)?.[key] === undefined).map(
      ([object, key]) => `${object}.${key}`,
    ),
  };
}
