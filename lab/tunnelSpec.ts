/**
 * What the cloud side of a tunnel is, read from a file's CreateVpnConnection parameters as the service would
 * read them: the IKE and IPsec proposals (Tencent names resolved through strongswanNames.ts, the zh spec's
 * defaults for what the file leaves out), the identities, the key, route-based or policy-based selectors, DPD and
 * who initiates. The lab's cloud gateway (cloudGateway.ts), its addresses (insideAddresses.ts) and its checks
 * of the negotiated SAs all read this one value.
 */
import {
  ESP_ENCRYPTION,
  ESP_INTEGRITY,
  IKE_DH_GROUPS,
  IKE_ENCRYPTION,
  IKE_INTEGRITY,
  PFS_GROUPS,
  byTencentName,
  type Algorithm,
  type EncryptionAlgorithm,
  type IntegrityAlgorithm,
} from './strongswanNames';

/** One pair of traffic selectors, from the cloud's side (local = the VPC's block). */
export interface SelectorPair {
  local: string;
  remote: string;
}

/** The cloud side of the tunnel, in strongSwan's terms. */
export interface TunnelSpec {
  ikeVersion: 1 | 2;
  aggressive: boolean;
  ike: { encryption: EncryptionAlgorithm; integrity: IntegrityAlgorithm; dh: Algorithm; lifetimeSeconds: number };
  esp: {
    encryption: EncryptionAlgorithm;
    /** Undefined for an AEAD cipher (GCM), which has no separate integrity. */
    integrity: IntegrityAlgorithm | undefined;
    /** The file's spelling of the integrity field (`IntegrityAlgorith` or `IntegrityAlgorithm`). */
    integrityField: string;
    pfs: Algorithm;
    lifetimeSeconds: number;
    lifetimeKilobytes: number;
  };
  /** strongSwan identities: `192.0.2.1` for ADDRESS, `fqdn:name` for FQDN. */
  localId: string;
  remoteId: string;
  psk: string;
  routeBased: boolean;
  bgp: boolean;
  /** Policy-based: one pair per SPD local block and remote block; route-based: 0.0.0.0/0 both ways. */
  selectors: SelectorPair[];
  /** `active` and `flowTrigger`: the cloud initiates; `passive`: it waits for the peer. */
  initiator: 'cloud' | 'peer';
  dpd: { enabled: boolean; timeoutSeconds: number; action: 'clear' | 'restart' };
}

/** A spec, or the parameters strongSwan (and so the lab) cannot express. */
export type SpecResult = { spec: TunnelSpec; problems: [] } | { spec: undefined; problems: string[] };

type Params = Record<string, unknown>;

const objectAt = (params: Params, key: string): Params =>
  typeof params[key] === 'object' && params[key] !== null ? (params[key] as Params) : {};
const stringAt = (object: Params, key: string, fallback: string): string =>
  typeof object[key] === 'string' && object[key] !== '' ? (object[key] as string) : fallback;
const numberAt = (object: Params, key: string, fallback: number): number =>
  typeof object[key] === 'number' ? (object[key] as number) : Number(object[key] ?? fallback) || fallback;

/** Reads the cloud side of the tunnel from the request parameters. */
export function tunnelSpecOf(params: Params): SpecResult {
  const problems: string[] = [];
  const ike = objectAt(params, 'IKEOptionsSpecification');
  const ipsec = objectAt(params, 'IPSECOptionsSpecification');
  const pick = <T extends Algorithm>(
    table: readonly T[],
    object: Params,
    path: string,
    key: string,
    fallback: string,
  ) => {
    const name = stringAt(object, key, fallback);
    const entry = byTencentName(table, name);
    if (!entry || entry.keyword === undefined)
      problems.push(`${path}.${key} = ${name}: strongSwan has no such algorithm`);
    return entry;
  };
  const integrityField = 'IntegrityAlgorithm' in ipsec ? 'IntegrityAlgorithm' : 'IntegrityAlgorith';
  const espEncryption = pick(ESP_ENCRYPTION, ipsec, 'IPSECOptionsSpecification', 'EncryptAlgorithm', 'AES-CBC-128');
  const aead = espEncryption?.saName.includes('GCM') ?? false;
  const parts = {
    ikeEncryption: pick(IKE_ENCRYPTION, ike, 'IKEOptionsSpecification', 'PropoEncryAlgorithm', '3DES-CBC'),
    ikeIntegrity: pick(IKE_INTEGRITY, ike, 'IKEOptionsSpecification', 'PropoAuthenAlgorithm', 'SHA'),
    dh: pick(IKE_DH_GROUPS, ike, 'IKEOptionsSpecification', 'DhGroupName', 'GROUP1'),
    espIntegrity: aead ? undefined : pick(ESP_INTEGRITY, ipsec, 'IPSECOptionsSpecification', integrityField, 'SHA1'),
    pfs: pick(PFS_GROUPS, ipsec, 'IPSECOptionsSpecification', 'PfsDhGroup', 'NULL'),
  };
  const identities = identitiesOf(ike, problems);
  if (problems.length || !parts.ikeEncryption || !parts.ikeIntegrity || !parts.dh || !parts.pfs || !espEncryption)
    return { spec: undefined, problems };
  const routeType = stringAt(params, 'RouteType', 'STATIC');
  const routeBased = routeType === 'StaticRoute' || routeType === 'Bgp';
  return {
    spec: {
      ikeVersion: stringAt(ike, 'IKEVersion', 'IKEV1') === 'IKEV2' ? 2 : 1,
      aggressive: stringAt(ike, 'ExchangeMode', 'MAIN') === 'AGGRESSIVE',
      ike: {
        encryption: parts.ikeEncryption,
        integrity: parts.ikeIntegrity,
        dh: parts.dh,
        lifetimeSeconds: numberAt(ike, 'IKESaLifetimeSeconds', 86400),
      },
      esp: {
        encryption: espEncryption,
        integrity: parts.espIntegrity,
        integrityField,
        pfs: parts.pfs,
        lifetimeSeconds: numberAt(ipsec, 'IPSECSaLifetimeSeconds', 14400),
        lifetimeKilobytes: numberAt(ipsec, 'IPSECSaLifetimeTraffic', 4096000000),
      },
      ...identities,
      psk: stringAt(params, 'PreShareKey', ''),
      routeBased,
      bgp: routeType === 'Bgp',
      selectors: routeBased ? [{ local: '0.0.0.0/0', remote: '0.0.0.0/0' }] : spdSelectors(params),
      initiator: stringAt(params, 'NegotiationType', 'active') === 'passive' ? 'peer' : 'cloud',
      dpd: dpdOf(params),
    },
    problems: [],
  };
}

/** Tencent's Local* is the cloud's own identity, Remote* the customer gateway's. */
function identitiesOf(ike: Params, problems: string[]): { localId: string; remoteId: string } {
  const identity = (side: 'Local' | 'Remote') => {
    const type = stringAt(ike, `${side}Identity`, 'ADDRESS');
    const value = stringAt(ike, type === 'FQDN' ? `${side}FqdnName` : `${side}Address`, '');
    if (!value) problems.push(`IKEOptionsSpecification.${side}${type === 'FQDN' ? 'FqdnName' : 'Address'} is missing`);
    return type === 'FQDN' ? `fqdn:${value}` : value;
  };
  return { localId: identity('Local'), remoteId: identity('Remote') };
}

/** Every (local block, remote block) pair of the SPD rules: one CHILD SA each, as IKEv1 needs. */
function spdSelectors(params: Params): SelectorPair[] {
  const rules = Array.isArray(params.SecurityPolicyDatabases) ? (params.SecurityPolicyDatabases as Params[]) : [];
  return rules.flatMap((rule) => {
    const remotes = Array.isArray(rule.RemoteCidrBlock) ? (rule.RemoteCidrBlock as unknown[]) : [];
    return remotes
      .filter((remote): remote is string => typeof remote === 'string')
      .map((remote) => ({ local: String(rule.LocalCidrBlock), remote }));
  });
}

function dpdOf(params: Params): TunnelSpec['dpd'] {
  return {
    enabled: params.DpdEnable === 1,
    timeoutSeconds: numberAt(params, 'DpdTimeout', 30),
    action: params.DpdAction === 'clear' ? 'clear' : 'restart',
  };
}
