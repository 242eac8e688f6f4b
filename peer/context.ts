/**
 * Everything a vendor generator writes, resolved once from the tunnel and the options: the two public
 * addresses (the account, else the IKE identity, else the options, else a named placeholder), the identities
 * seen from the peer (Tencent's Local* is the peer's remote), the pre-shared key or its placeholder, the
 * mirrored traffic selectors, the BGP inside addresses and ASNs, and the health-check address.
 */
import { addressAfter, parseCidr, parseIpv4, toNumber } from '../language/values/ip';
import type { SelectorPair, Tunnel, TunnelIdentity } from '../language/peer/tunnel';
import type { VendorProfile } from '../language/peer/vendor';
import type { PeerOptions } from './types';

export const PLACEHOLDERS = {
  cloudAddress: '<TENCENT_VPN_GATEWAY_PUBLIC_IP>',
  peerAddress: '<CUSTOMER_GATEWAY_PUBLIC_IP>',
  psk: '<PRE_SHARED_KEY>',
  peerAsn: '<CUSTOMER_GATEWAY_BGP_ASN>',
  cloudAsn: '<TENCENT_VPN_GATEWAY_BGP_ASN>',
  cloudInside: '<TENCENT_BGP_INSIDE_IP>',
  peerInside: '<CUSTOMER_BGP_INSIDE_IP>',
  healthCheck: '<HEALTH_CHECK_REMOTE_IP>',
  vpcCidr: '<TENCENT_VPC_CIDR>',
  idcCidr: '<IDC_CIDR>',
  wanInterface: '<WAN_INTERFACE>',
  fqdn: '<FQDN>',
} as const;

/** An identity as the peer writes it: an address or a name. */
export interface PeerIdentity {
  type: 'ADDRESS' | 'FQDN';
  value: string;
}

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
  /** A name for the vendor's objects, from VpnConnectionName (ASCII letters, digits and dashes). */
  name: string;
  /** The peer's own public address and the cloud's. */
  peerAddress: string;
  cloudAddress: string;
  /** The peer's local identity (Tencent's Remote*) and remote identity (Tencent's Local*). */
  localId: PeerIdentity;
  remoteId: PeerIdentity;
  psk: string;
  /** The SPD as the peer sees it: `peer` blocks are its local side, `cloud` blocks its remote side. */
  selectors: SelectorPair[];
  /** The blocks behind the cloud the peer routes into a route-based tunnel (the SPD's, else a placeholder). */
  cloudBlocks: string[];
  bgp?: PeerBgp;
  /** The address Tencent's health check pings on the IDC side (HealthCheckRemoteIp), when it is enabled. */
  healthCheckAddress?: string;
  /** Sentences on lifetimes the file leaves out that the platform cannot take at the API's default (clamped). */
  lifetimeNotes?: string[];
}

/** The first usable address given, else the placeholder. */
function firstAddress(candidates: (string | undefined)[], placeholder: string): string {
  return candidates.find((candidate) => parseIpv4(candidate) !== undefined) ?? placeholder;
}

function peerIdentity(identity: TunnelIdentity, address: string): PeerIdentity {
  if (identity.type === 'FQDN') return { type: 'FQDN', value: identity.value ?? PLACEHOLDERS.fqdn };
  return { type: 'ADDRESS', value: identity.value ?? address };
}

/** A name for the vendor's objects: "tencent-" and the connection name's ASCII part, at most 24 characters. */
export function objectName(connectionName: string | undefined): string {
  const slug = (connectionName ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `tencent${slug ? `-${slug}` : ''}`.slice(0, 24).replace(/-+$/, '');
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

function bgpOf(tunnel: Tunnel, options: PeerOptions): PeerBgp | undefined {
  if (tunnel.routeType !== 'Bgp' && !tunnel.bgp) return undefined;
  const bgp = tunnel.bgp ?? {};
  const cloudInside = firstAddress([bgp.cloudAddress], PLACEHOLDERS.cloudInside);
  const peerInside = firstAddress(
    [bgp.peerAddress, otherHost(bgp.tunnelCidr, bgp.cloudAddress)],
    PLACEHOLDERS.peerInside,
  );
  const asn = (value: number | undefined, placeholder: string) =>
    value !== undefined && Number.isInteger(value) && value > 0 ? String(value) : placeholder;
  return {
    cloudInside,
    peerInside,
    prefix: parseCidr(bgp.tunnelCidr)?.prefix ?? 30,
    peerAsn: asn(options.account?.customerGatewayBgpAsn, PLACEHOLDERS.peerAsn),
    cloudAsn: asn(options.account?.vpnGatewayBgpAsn, PLACEHOLDERS.cloudAsn),
  };
}

/** Resolves what every generator needs; the PSK stays a placeholder unless `includePsk`. */
export function peerContext(tunnel: Tunnel, profile: VendorProfile, options: PeerOptions): PeerContext {
  const account = options.account ?? {};
  const identityAddress = (identity: TunnelIdentity) => (identity.type === 'ADDRESS' ? identity.value : undefined);
  const cloudAddress = firstAddress(
    [account.vpnGatewayPublicIp, identityAddress(tunnel.cloudIdentity), options.cloudAddress],
    PLACEHOLDERS.cloudAddress,
  );
  const peerAddress = firstAddress(
    [account.customerGatewayIp, identityAddress(tunnel.peerIdentity), options.peerAddress],
    PLACEHOLDERS.peerAddress,
  );
  const cloudBlocks = [...new Set(tunnel.selectors.map((pair) => pair.cloud))];
  return {
    tunnel,
    profile,
    name: objectName(tunnel.name),
    peerAddress,
    cloudAddress,
    localId: peerIdentity(tunnel.peerIdentity, peerAddress),
    remoteId: peerIdentity(tunnel.cloudIdentity, cloudAddress),
    psk: options.includePsk && tunnel.preSharedKey ? tunnel.preSharedKey : PLACEHOLDERS.psk,
    selectors: tunnel.selectors,
    cloudBlocks: cloudBlocks.length > 0 ? cloudBlocks : [PLACEHOLDERS.vpcCidr],
    bgp: bgpOf(tunnel, options),
    healthCheckAddress: tunnel.healthCheck ? (tunnel.healthCheck.peerAddress ?? PLACEHOLDERS.healthCheck) : undefined,
  };
}
