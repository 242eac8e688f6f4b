/**
 * Everything a vendor generator writes, resolved once from the file's parameters, its tunnel, the vendor and the
 * options: the two public addresses (the account, else the IKE identity, else the options, else a named
 * placeholder), the identities seen from the peer (Tencent's Local* is the peer's remote) and the pre-shared key
 * as the device writes them (writtenValues.ts), the names and slot of the device's objects (naming.ts), the
 * checked and mirrored selectors (spd.ts), the BGP inside addresses and ASNs, and the health-check address —
 * with the problems met on the way (a value the device cannot take, an address that is none).
 */
import type { PeerProblem } from '../language/peer/problems';
import type { SelectorPair, Tunnel, TunnelIdentity } from '../language/peer/tunnel';
import type { VendorProfile } from '../language/peer/vendor';
import { addressAfter, parseCidr, parseIpv4, toNumber } from '../language/values/ip';
import { deviceName, nameSource, tunnelSlot } from './naming';
import { PLACEHOLDERS } from './placeholders';
import { checkedSpd, malformed } from './spd';
import type { PeerOptions } from './types';
import type { VendorSyntax } from './vendorSyntax';
import { writtenIdentity, writtenPsk, type PeerIdentity } from './writtenValues';

export { PLACEHOLDERS } from './placeholders';
export type { PeerIdentity } from './writtenValues';

export interface PeerBgp {
  /** The peer's own inside address and the cloud's (its neighbour), and the /30's prefix length. */
  peerInside: string;
  cloudInside: string;
  prefix: number;
  peerAsn: string;
  cloudAsn: string;
}

export interface PeerContext {
  tunnel: Tunnel;
  profile: VendorProfile;
  /** The name of this tunnel's objects on the device (naming.ts: from VpnConnectionName, in the vendor's rule). */
  name: string;
  /** This tunnel's number for the objects the vendor numbers (IKE proposal, ACL, tunnel interface): 1–99. */
  slot: number;
  /** The peer's own public address and the cloud's. */
  peerAddress: string;
  cloudAddress: string;
  /** The peer's local identity (Tencent's Remote*) and remote identity (Tencent's Local*), as the vendor writes them. */
  localId: PeerIdentity;
  remoteId: PeerIdentity;
  /** The key as the vendor writes it (quoted, escaped or hexadecimal), or its placeholder as the vendor writes it. */
  psk: string;
  /** True when `psk` holds the file's key. */
  pskIncluded: boolean;
  /** The SPD as the peer sees it: `peer` blocks are its local side, `cloud` blocks its remote side. */
  selectors: SelectorPair[];
  /** The blocks behind the cloud the peer routes into a route-based tunnel (the SPD's, else a placeholder). */
  cloudBlocks: string[];
  bgp?: PeerBgp;
  /** The address Tencent's health check pings on the IDC side (HealthCheckRemoteIp), when it is enabled. */
  healthCheckAddress?: string;
  /** Sentences for the opening comment: lifetimes clamped to the platform, blocks written as their network. */
  notes: string[];
}

export interface ResolvedContext {
  context: PeerContext;
  problems: PeerProblem[];
}

/** The first usable address given, else the placeholder. */
function firstAddress(candidates: (string | undefined)[], placeholder: string): string {
  return candidates.find((candidate) => parseIpv4(candidate) !== undefined) ?? placeholder;
}

/** The other usable host of a /30 (the peer's inside address when RemoteBgpIp is absent). */
function otherHost(tunnelCidr: string | undefined, host: string | undefined): string | undefined {
  const cidr = parseCidr(tunnelCidr);
  const address = parseIpv4(host);
  if (!cidr || cidr.prefix !== 30 || !address) return undefined;
  const offset = cidr.first - toNumber(cidr.address);
  const [a, b] = [addressAfter(cidr.address, offset + 1), addressAfter(cidr.address, offset + 2)];
  return address.toString() === a ? b : address.toString() === b ? a : undefined;
}

const ADDRESS = { en: 'an IPv4 address', zh: ' IPv4 地址' };

/** The BGP side, with a problem for each of its addresses that is present but none (a placeholder stands in). */
function bgpOf(tunnel: Tunnel, options: PeerOptions, problems: PeerProblem[]): PeerBgp | undefined {
  if (tunnel.routeType !== 'Bgp' && !tunnel.bgp) return undefined;
  const bgp = tunnel.bgp ?? {};
  const checks: [string, string | undefined, boolean, { en: string; zh: string }, string][] = [
    [
      'TunnelCidr',
      bgp.tunnelCidr,
      parseCidr(bgp.tunnelCidr) !== undefined,
      { en: 'an IPv4 CIDR block', zh: ' IPv4 网段' },
      'a /30 prefix',
    ],
    ['LocalBgpIp', bgp.cloudAddress, parseIpv4(bgp.cloudAddress) !== undefined, ADDRESS, PLACEHOLDERS.cloudInside],
    ['RemoteBgpIp', bgp.peerAddress, parseIpv4(bgp.peerAddress) !== undefined, ADDRESS, PLACEHOLDERS.peerInside],
  ];
  for (const [key, value, valid, what, instead] of checks) {
    if (value !== undefined && !valid) problems.push(malformed(`BgpConfig.${key}`, value, what, instead));
  }
  const asn = (value: number | undefined, placeholder: string) =>
    value !== undefined && Number.isInteger(value) && value > 0 ? String(value) : placeholder;
  return {
    cloudInside: firstAddress([bgp.cloudAddress], PLACEHOLDERS.cloudInside),
    peerInside: firstAddress([bgp.peerAddress, otherHost(bgp.tunnelCidr, bgp.cloudAddress)], PLACEHOLDERS.peerInside),
    prefix: parseCidr(bgp.tunnelCidr)?.prefix ?? 30,
    peerAsn: asn(options.account?.customerGatewayBgpAsn, PLACEHOLDERS.peerAsn),
    cloudAsn: asn(options.account?.vpnGatewayBgpAsn, PLACEHOLDERS.cloudAsn),
  };
}

/** The health-check address the peer answers on; one that is no address is a problem, the placeholder stands in. */
function healthCheckOf(tunnel: Tunnel, problems: PeerProblem[]): string | undefined {
  if (!tunnel.healthCheck) return undefined;
  const address = tunnel.healthCheck.peerAddress;
  if (address === undefined || parseIpv4(address)) return address ?? PLACEHOLDERS.healthCheck;
  problems.push(malformed('HealthCheckRemoteIp', address, ADDRESS, PLACEHOLDERS.healthCheck));
  return PLACEHOLDERS.healthCheck;
}

/** The two public addresses: the account, else the IKE identity, else the options, else the placeholders. */
function publicAddresses(tunnel: Tunnel, options: PeerOptions): { cloudAddress: string; peerAddress: string } {
  const account = options.account ?? {};
  const identityAddress = (identity: TunnelIdentity) => (identity.type === 'ADDRESS' ? identity.value : undefined);
  return {
    cloudAddress: firstAddress(
      [account.vpnGatewayPublicIp, identityAddress(tunnel.cloudIdentity), options.cloudAddress],
      PLACEHOLDERS.cloudAddress,
    ),
    peerAddress: firstAddress(
      [account.customerGatewayIp, identityAddress(tunnel.peerIdentity), options.peerAddress],
      PLACEHOLDERS.peerAddress,
    ),
  };
}

export interface ContextInput {
  params: Record<string, unknown>;
  tunnel: Tunnel;
  profile: VendorProfile;
  syntax: VendorSyntax;
  options: PeerOptions;
}

/** Resolves what every generator needs; the PSK stays a placeholder unless `includePsk`. */
export function peerContext({ params, tunnel, profile, syntax, options }: ContextInput): ResolvedContext {
  const { cloudAddress, peerAddress } = publicAddresses(tunnel, options);
  const local = writtenIdentity(tunnel.peerIdentity, 'Remote', peerAddress, profile, syntax);
  const remote = writtenIdentity(tunnel.cloudIdentity, 'Local', cloudAddress, profile, syntax);
  const key = writtenPsk(tunnel, profile, syntax, options.includePsk === true);
  const spd = checkedSpd(params);
  const problems = [...spd.problems, ...local.problems, ...remote.problems, ...key.problems];
  const cloudBlocks = [...new Set(spd.selectors.map((pair) => pair.cloud))];
  const source = nameSource(params);
  const context: PeerContext = {
    tunnel,
    profile,
    name: deviceName(source, syntax.names),
    slot: tunnelSlot(source),
    peerAddress,
    cloudAddress,
    localId: local.id,
    remoteId: remote.id,
    psk: key.psk,
    pskIncluded: key.included,
    selectors: spd.selectors,
    cloudBlocks: cloudBlocks.length > 0 ? cloudBlocks : [PLACEHOLDERS.vpcCidr],
    bgp: bgpOf(tunnel, options, problems),
    healthCheckAddress: healthCheckOf(tunnel, problems),
    notes: spd.notes,
  };
  return { context, problems };
}
