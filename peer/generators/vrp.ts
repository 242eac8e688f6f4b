/**
 * What Huawei VRP and H3C Comware share (Comware grew out of VRP): the shape of the tunnel interface with its
 * static routes or BGP (route-based), the advanced ACL with one rule per SPD mapping and the IPsec policy applied
 * to the WAN interface (policy-based), and the whole text around the vendor's own IKE and IPsec sections. Where
 * the two write the same thing otherwise, the vendor's `VrpDialect` says how (huawei.ts, h3c.ts).
 */
import { blockParts, netmaskOf, selectorPairs, type BlockParts } from '../addressing';
import { PLACEHOLDERS, type PeerContext } from '../context';
import { summaryLines } from '../summary';

const WAN = PLACEHOLDERS.wanInterface;

/**
 * The IPsec policy group applied to the WAN interface. An interface takes one policy group, so every Tencent
 * tunnel on the device joins the same group, each with its own sequence number (the tunnel's slot).
 */
export const POLICY_GROUP = 'tencent';

/** The advanced ACL of a policy-based tunnel (3000–3999 are the advanced ACLs on both). */
export function aclNumber(context: PeerContext): number {
  return 3000 + context.slot;
}

/** How one of the two vendors writes what the other writes otherwise. */
export interface VrpDialect {
  /** The tunnel interface's name (Huawei Tunnel0/0/N, H3C TunnelN). */
  tunnelInterface(slot: number): string;
  /** The line that creates it (H3C names the mode on it). */
  tunnelInterfaceHeader(slot: number): string;
  /** Lines inside the interface before its addresses' source (Huawei: tunnel-protocol ipsec). */
  tunnelProtocol: string[];
  /** The IPsec profile's opening line and the interface's line that applies it. */
  ipsecProfileHeader(name: string): string;
  protection(name: string): string;
  /** The BGP address family line. */
  bgpFamily: string;
  /** A static route into the tunnel interface. */
  route(parts: BlockParts, tunnelInterface: string): string;
  /** The advanced ACL's opening line and the number of the rule at `index`. */
  aclHeader(number: number): string;
  ruleNumber(index: number): number;
  /** Lines of the policy entry before its SA lines (H3C names the remote address there, Huawei in the IKE peer). */
  policyPeerLines(context: PeerContext): string[];
  /** The SA lines of an IPsec profile or policy entry: proposal or transform set, IKE peer or profile, lifetimes. */
  saLines(context: PeerContext): string[];
  /** The WAN interface's line that applies the policy group. */
  applyPolicy: string;
}

function bgpLines(context: PeerContext, dialect: VrpDialect): string[] {
  const { bgp } = context;
  if (!bgp) return [];
  return [
    `bgp ${bgp.peerAsn}`,
    ` peer ${bgp.cloudInside} as-number ${bgp.cloudAsn}`,
    dialect.bgpFamily,
    `  peer ${bgp.cloudInside} enable`,
    '#',
  ];
}

/** The IPsec profile, the tunnel interface it protects, and BGP or the static routes into it. */
export function routeBasedLines(context: PeerContext, dialect: VrpDialect): string[] {
  const { bgp, name, slot } = context;
  const tunnelInterface = dialect.tunnelInterface(slot);
  const lines = [
    dialect.ipsecProfileHeader(name),
    ...dialect.saLines(context),
    '#',
    dialect.tunnelInterfaceHeader(slot),
    bgp ? ` ip address ${bgp.peerInside} ${netmaskOf(bgp.prefix)}` : ` ip address unnumbered interface ${WAN}`,
    ...dialect.tunnelProtocol,
    ` source ${WAN}`,
    ` destination ${context.cloudAddress}`,
    dialect.protection(name),
    '#',
  ];
  if (bgp) return [...lines, ...bgpLines(context, dialect)];
  const routes = context.cloudBlocks.map((block) => dialect.route(blockParts(block), tunnelInterface));
  return [...lines, ...routes, '#'];
}

/** The ACL (one rule per SPD mapping), this tunnel's entry in the policy group, and the group on the WAN. */
export function policyBasedLines(context: PeerContext, dialect: VrpDialect): string[] {
  const acl = aclNumber(context);
  const rules = selectorPairs(context).map(({ local, remote }, index) => {
    const [l, r] = [blockParts(local), blockParts(remote)];
    return ` rule ${dialect.ruleNumber(index)} permit ip source ${l.address} ${l.wildcard} destination ${r.address} ${r.wildcard}`;
  });
  return [
    dialect.aclHeader(acl),
    ...rules,
    '#',
    `ipsec policy ${POLICY_GROUP} ${context.slot} isakmp`,
    ` security acl ${acl}`,
    ...dialect.policyPeerLines(context),
    ...dialect.saLines(context),
    '#',
    `interface ${WAN}`,
    dialect.applyPolicy,
    '#',
  ];
}

/** The whole text: the opening comment, the vendor's IKE and IPsec sections, the tunnel, "return". */
export function vrpConfig(context: PeerContext, dialect: VrpDialect, sections: string[], numbered: string): string {
  return [
    ...summaryLines(context, numbered).map((line) => `# ${line}`),
    '#',
    ...sections,
    ...(context.tunnel.routeBased ? routeBasedLines(context, dialect) : policyBasedLines(context, dialect)),
    'return',
    '',
  ].join('\n');
}

/** The numbered objects of a VRP-family text, for the opening comment. */
export function vrpNumbered(context: PeerContext, dialect: VrpDialect, ikeProposal: boolean): string {
  const objects = [
    ...(ikeProposal ? [`IKE proposal ${context.slot}`] : []),
    context.tunnel.routeBased ? dialect.tunnelInterface(context.slot) : `ACL ${aclNumber(context)}`,
    ...(context.tunnel.routeBased ? [] : [`policy ${POLICY_GROUP} ${context.slot}`]),
  ];
  return objects.join(', ');
}
