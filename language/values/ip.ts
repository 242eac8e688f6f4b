/**
 * IPv4 address and CIDR helpers over ipaddr.js. The API takes IPv4 only, in dotted four-part decimal form, so
 * shorthand such as "10.1" or octal-looking "010.0.0.1" (which ipaddr.js would otherwise accept) is rejected.
 */
import ipaddr from 'ipaddr.js';

export type IPv4 = ipaddr.IPv4;

/** A parsed CIDR block with its numeric first and last address, for cheap overlap tests. */
export interface Cidr {
  address: IPv4;
  prefix: number;
  first: number;
  last: number;
  /** True when the address part has bits set beyond the prefix (10.0.0.5/24). */
  hostBits: boolean;
}

/** The address as an unsigned 32-bit number. */
export function toNumber(address: IPv4): number {
  return address.toByteArray().reduce((sum, byte) => sum * 256 + byte, 0);
}

/** Parses a dotted-decimal IPv4 address; undefined for anything else (IPv6, shorthand, non-strings). */
export function parseIpv4(text: unknown): IPv4 | undefined {
  if (typeof text !== 'string' || !ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
  return ipaddr.IPv4.parse(text);
}

/**
 * ipaddr.js spends about 5 µs per block; a 500-entry SPD list parsed by several rules on every keystroke adds
 * up, so parsed blocks are cached by text (the same texts come back edit after edit). Cleared when it grows.
 */
const cidrCache = new Map<string, Cidr | null>();
const CACHE_LIMIT = 50_000;

/** Parses "a.b.c.d/n" (IPv4 only); undefined when malformed. */
export function parseCidr(text: unknown): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  let cidr = cidrCache.get(text);
  if (cidr === undefined) {
    if (cidrCache.size >= CACHE_LIMIT) cidrCache.clear();
    cidr = parseCidrUncached(text) ?? null;
    cidrCache.set(text, cidr);
  }
  return cidr ?? undefined;
}

function parseCidrUncached(text: string): Cidr | undefined {
  if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) return undefined;
  const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
  // Network and broadcast from ipaddr's own mask, as numbers: parsing the text again would double the cost.
  const mask = toNumber(ipaddr.IPv4.subnetMaskFromPrefixLength(prefix));
  const value = toNumber(address);
  const first = (value & mask) >>> 0;
  const last = (first | (~mask >>> 0)) >>> 0;
  return { address, prefix, first, last, hostBits: value !== first };
}

/** The block with its host bits cleared, e.g. "10.0.0.0/24" for "10.0.0.5/24". */
export function networkText(cidr: Cidr): string {
  return `${ipaddr.IPv4.networkAddressFromCIDR(`${cidr.address.toString()}/${cidr.prefix}`).toString()}/${cidr.prefix}`;
}

/** True when two blocks share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** True when the address lies inside the block. */
export function contains(cidr: Cidr, address: IPv4): boolean {
  return address.match(cidr.address, cidr.prefix);
}

/** The address `offset` places after `base`, as text (for picking free addresses). */
export function addressAfter(base: IPv4, offset: number): string {
  const value = toNumber(base) + offset;
  return new ipaddr.IPv4([24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256)).toString();
}
