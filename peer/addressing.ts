/**
 * Address forms the vendors write: a block as address and netmask (ASA, routes) or wildcard (IOS and VRP ACLs),
 * the DPD probe timing derived from the cloud's DpdTimeout, and lifetimes in RouterOS's time notation.
 */
import { parseCidr, toNumber } from '../language/values/ip';
import { PLACEHOLDERS, type PeerContext } from './context';

export interface BlockParts {
  address: string;
  prefix: string;
  netmask: string;
  wildcard: string;
}

function dotted(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/** A placeholder block's parts as placeholders too: <X_CIDR> → <X_NETWORK>, <X_NETMASK>, <X_WILDCARD>, <X_PREFIX_LENGTH>. */
function placeholderParts(block: string): BlockParts {
  const stem = /^<([A-Z0-9_]+?)(_CIDR)?>$/.exec(block)?.[1] ?? 'BLOCK';
  return {
    address: `<${stem}_NETWORK>`,
    prefix: `<${stem}_PREFIX_LENGTH>`,
    netmask: `<${stem}_NETMASK>`,
    wildcard: `<${stem}_WILDCARD>`,
  };
}

/** A block's parts; a placeholder (or any text that is not a block) gives placeholders. */
export function blockParts(block: string): BlockParts {
  const cidr = parseCidr(block);
  if (!cidr) return placeholderParts(block);
  const mask = cidr.prefix === 0 ? 0 : (0xffffffff << (32 - cidr.prefix)) >>> 0;
  return {
    address: dotted((toNumber(cidr.address) & mask) >>> 0),
    prefix: String(cidr.prefix),
    netmask: dotted(mask),
    wildcard: dotted(~mask >>> 0),
  };
}

/** The netmask of a prefix length ("255.255.255.252" for 30). */
export function netmaskOf(prefix: number): string {
  return dotted(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
}

/** DPD as a probe interval and a retry count: three probes within the cloud's DpdTimeout. */
export function dpdProbe(context: PeerContext): { interval: number; retries: number } {
  return { interval: Math.max(1, Math.round(context.tunnel.dpd.timeoutSeconds / 3)), retries: 3 };
}

/** Seconds in RouterOS time notation ("1d", "4h", "1h30m", "90s"). */
export function routerOsTime(seconds: number): string {
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  let rest = seconds;
  let text = '';
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text || '0s';
}

/** The SPD as pairs the peer writes (its block first), or one pair of placeholders when the file has none. */
export function selectorPairs(context: PeerContext): { local: string; remote: string }[] {
  if (context.selectors.length === 0) return [{ local: PLACEHOLDERS.idcCidr, remote: context.cloudBlocks[0] }];
  return context.selectors.map((pair) => ({ local: pair.peer, remote: pair.cloud }));
}
