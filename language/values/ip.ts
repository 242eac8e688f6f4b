/**
 * IPv4 address and CIDR helpers over ipaddr.js. The API takes IPv4 only, in dotted four-part decimal form, so
 * shorthand such as "10.1" or octal-looking "010.0.0.1" (which ipaddr.js would otherwise accept) is rejected.
 */
import ipaddr from 'ipaddr.js';

export type IPv4 = ipaddr.IPv4;

/** A parsed CIDR block with its numeric first and last address, for cheap overlap tests. */
export interface Cidr {
  readonly address: IPv4;
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

/**
 * "a.b.c.d/n" exactly as ipaddr.js's isValidCIDRFourPartDecimal accepts it: four decimal parts without leading
 * zeros (each ≤ 255), then a prefix of digits (≤ 32, leading zeros allowed), read in one pass over the
 * characters. ipaddr.js's own path (isValidCIDRFourPartDecimal, then parseCIDR) parses the text three times and
 * allocated about 3.5 KB per block: 73 of the 134 MB a first validation of the 1 MB JSON fixture allocated (21,000
 * blocks), which is what set the server's peak memory. The block's IPv4 object is made when it is first read.
 */
function parseCidrUncached(text: string): Cidr | undefined {
  const length = text.length;
  let at = 0;
  let value = 0;
  for (let part = 0; part < 4; part++) {
    const start = at;
    let octet = 0;
    for (let code = text.charCodeAt(at); code >= 48 && code <= 57; code = text.charCodeAt(++at))
      octet = octet * 10 + (code - 48);
    if (at === start || octet > 255 || (at - start > 1 && text.charCodeAt(start) === 48)) return undefined;
    value = value * 256 + octet;
    if (at >= length || text.charCodeAt(at) !== (part < 3 ? 46 : 47)) return undefined;
    at++;
  }
  const start = at;
  let prefix = 0;
  for (let code = text.charCodeAt(at); code >= 48 && code <= 57; code = text.charCodeAt(++at))
    prefix = Math.min(prefix * 10 + (code - 48), 100);
  if (at === start || at !== length || prefix > 32) return undefined;
  return new ParsedCidr(value, prefix);
}

class ParsedCidr implements Cidr {
  readonly first: number;
  readonly last: number;
  readonly hostBits: boolean;
  private ipv4: IPv4 | undefined;

  constructor(
    private readonly value: number,
    readonly prefix: number,
  ) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    this.first = (value & mask) >>> 0;
    this.last = (this.first | (~mask >>> 0)) >>> 0;
    this.hostBits = value !== this.first;
  }

  get address(): IPv4 {
    const value = this.value;
    return (this.ipv4 ??= new ipaddr.IPv4([value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255]));
  }
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
