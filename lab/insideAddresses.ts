/**
 * The inside addresses of a lab tunnel and the pings that prove it: for a policy-based tunnel one host of each
 * SPD block (the first usable address) on the side that owns it, a ping across each selector pair, and a ping
 * the selectors must refuse (a local block to another rule's remote block, or to an address outside every
 * remote block, TEST-NET-2's 198.51.100.1, routed into the tunnel so only the selectors can stop it); for a
 * route-based tunnel the BGP inside addresses (BgpConfig) or the health-check addresses, routed into ipsec0.
 */
import ipaddr from 'ipaddr.js';
import type { TunnelSpec } from './tunnelSpec';

/** One ping from the cloud namespace, and whether the tunnel must carry it. */
export interface Probe {
  from: string;
  to: string;
  expect: 'through-tunnel' | 'refused';
}

/** Where the addresses go and what to ping. */
export interface InsidePlan {
  cloud: string[];
  peer: string[];
  /** Routes into ipsec0 the lab adds itself, per side (`to` is routed with source `from`). */
  routes: { cloud: Array<{ to: string; from?: string }>; peer: Array<{ to: string; from?: string }> };
  probes: Probe[];
  /** Why a probe could not be planned (a route-based file without inside addresses). */
  problems: string[];
}

/** An address outside every block the lab uses (TEST-NET-2, RFC 5737). */
export const OUTSIDE_ADDRESS = '198.51.100.1';

/** The first usable host of a block ("10.8.4.0/24" → "10.8.4.1"; a /32 is its own address). */
export function firstHost(cidr: string): string {
  const [address, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  if (prefix >= 31) return address.toString();
  const bytes = ipaddr.IPv4.networkAddressFromCIDR(cidr).toByteArray();
  const value = bytes.reduce((sum, byte) => sum * 256 + byte, 0) + 1;
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

function inBlock(address: string, cidr: string): boolean {
  return ipaddr.IPv4.parse(address).match(ipaddr.IPv4.parseCIDR(cidr));
}

const unique = (values: string[]) => [...new Set(values)];

/** The plan for a tunnel, from its spec and the file's route-based addresses. */
export function insidePlan(spec: TunnelSpec, params: Record<string, unknown>): InsidePlan {
  return spec.routeBased ? routeBasedPlan(spec, params) : policyPlan(spec);
}

function policyPlan(spec: TunnelSpec): InsidePlan {
  const pairs = spec.selectors.map((pair) => ({ from: firstHost(pair.local), to: firstHost(pair.remote), pair }));
  const probes: Probe[] = pairs.map(({ from, to }) => ({ from, to, expect: 'through-tunnel' }));
  const covered = (from: string, to: string) =>
    spec.selectors.some((pair) => inBlock(from, pair.local) && inBlock(to, pair.remote));
  const cross = pairs
    .flatMap((a) => pairs.map((b) => ({ from: a.from, to: b.to })))
    .find((p) => !covered(p.from, p.to));
  const outsideUsable = !spec.selectors.some((pair) => inBlock(OUTSIDE_ADDRESS, pair.remote));
  const refused = cross ?? (outsideUsable ? { from: pairs[0]?.from, to: OUTSIDE_ADDRESS } : undefined);
  const peer = unique(pairs.map((p) => p.to));
  const routes: InsidePlan['routes'] = { cloud: [], peer: [] };
  if (refused?.from && !cross) {
    peer.push(OUTSIDE_ADDRESS);
    routes.cloud.push({ to: OUTSIDE_ADDRESS });
  }
  if (refused?.from) probes.push({ from: refused.from, to: refused.to, expect: 'refused' });
  return { cloud: unique(pairs.map((p) => p.from)), peer, routes, probes, problems: [] };
}

function routeBasedPlan(spec: TunnelSpec, params: Record<string, unknown>): InsidePlan {
  const bgp = (params.BgpConfig ?? {}) as Record<string, unknown>;
  const [cloud, peer] = spec.bgp
    ? [bgp.LocalBgpIp, bgp.RemoteBgpIp]
    : [params.HealthCheckLocalIp, params.HealthCheckRemoteIp];
  if (typeof cloud !== 'string' || typeof peer !== 'string') {
    const needs = spec.bgp ? 'BgpConfig.LocalBgpIp and RemoteBgpIp' : 'HealthCheckLocalIp and HealthCheckRemoteIp';
    return { cloud: [], peer: [], routes: { cloud: [], peer: [] }, probes: [], problems: [`the lab needs ${needs}`] };
  }
  return {
    cloud: [cloud],
    peer: [peer],
    routes: { cloud: [{ to: peer, from: cloud }], peer: [{ to: cloud, from: peer }] },
    probes: [{ from: cloud, to: peer, expect: 'through-tunnel' }],
    problems: [],
  };
}
