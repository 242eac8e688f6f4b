/**
 * IPv4 range arithmetic for the account-dependent checks (SPD and BGP overlaps with a gateway's other tunnels)
 * and for handing out health-check addresses from 169.254.128.0/17 as the service does.
 */
import ipaddr from 'ipaddr.js';

/** An IPv4 range as [first, last] 32-bit numbers; undefined when the text is not an IPv4 CIDR or address. */
export function rangeOf(text: unknown): [number, number] | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const [address, bits] = text.includes('/') ? ipaddr.IPv4.parseCIDR(text) : [ipaddr.IPv4.parse(text), 32];
    const start = toNumber(address.toByteArray()) & maskOf(bits);
    return [start >>> 0, (start | ~maskOf(bits)) >>> 0];
  } catch {
    return undefined;
  }
}

const maskOf = (bits: number): number => (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0);
const toNumber = (bytes: number[]): number => bytes.reduce((sum, byte) => sum * 256 + byte, 0);
const toAddress = (value: number): string => [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');

/** True when two CIDRs share at least one address (an unparsable one never overlaps). */
export function overlaps(a: unknown, b: unknown): boolean {
  const first = rangeOf(a);
  const second = rangeOf(b);
  return !!first && !!second && first[0] <= second[1] && second[0] <= first[1];
}

/** One SPD mapping: a local CIDR and one remote CIDR. */
export type SpdPair = [string, string];

/** Flattens SecurityPolicyDatabases into (local, remote) pairs. */
export function spdPairs(databases: unknown): SpdPair[] {
  if (!Array.isArray(databases)) return [];
  return databases.flatMap((rule: { LocalCidrBlock?: unknown; RemoteCidrBlock?: unknown }) =>
    Array.isArray(rule?.RemoteCidrBlock)
      ? rule.RemoteCidrBlock.map((remote): SpdPair => [String(rule.LocalCidrBlock), String(remote)])
      : [],
  );
}

/** The first pair of `candidate` that overlaps an `existing` pair on BOTH sides, the service's conflict rule. */
export function spdConflict(candidate: SpdPair[], existing: SpdPair[]): [SpdPair, SpdPair] | undefined {
  for (const pair of candidate) {
    const clash = existing.find((other) => overlaps(pair[0], other[0]) && overlaps(pair[1], other[1]));
    if (clash) return [pair, clash];
  }
  return undefined;
}

const HEALTH_CHECK_BASE = toNumber([169, 254, 128, 0]);
const HEALTH_CHECK_SIZE = 1 << 15; // 169.254.128.0/17

/** A free (local, remote) pair in 169.254.128.0/17: .1 and .2 of the first /30 whose addresses are all unused. */
export function freeHealthCheckPair(used: Set<string>): { local: string; remote: string } {
  for (let block = 0; block < HEALTH_CHECK_SIZE; block += 4) {
    const local = toAddress(HEALTH_CHECK_BASE + block + 1);
    const remote = toAddress(HEALTH_CHECK_BASE + block + 2);
    if (!used.has(local) && !used.has(remote)) return { local, remote };
  }
  throw new Error('169.254.128.0/17 has no free health-check pair left');
}
