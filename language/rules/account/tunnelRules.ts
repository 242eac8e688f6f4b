/**
 * The account checks about the gateway's other tunnels and the two gateways' BGP: BGP needs an ASN on both
 * gateways and different ones, one gateway's tunnels are all BGP or none is, and the new tunnel's SPD rules do
 * not overlap those of the gateway's existing tunnels on both sides. The document's own tunnel (the one it names
 * by VpnConnectionId, else the one a submit of it created: see isOwnTunnel) is never a conflict: every check skips
 * it, and a hint says that it exists.
 */
import { overlaps, parseCidr, type Cidr } from '../../values/ip';
import type { Rule } from '../rule';
import { arrayAt, has, isRecord, stringAt, type Params } from '../../values/values';
import { accountRule } from './accountRule';
import { carriesSpd, isBgpRoute, routeTypeOf, type AccountView } from '../../account/documentFacts';
import { asnText, tunnelStatusText } from '../../account/resourceText';
import type { VpnConnectionInfo } from '../../account/snapshot';
import { namedTunnelRules } from './namedTunnelRules';

const CREATE = ['CreateVpnConnection'];
/** Pairs of SPD rules compared at most, so a huge file stays fast on every keystroke. */
const MAX_SPD_COMPARISONS = 20_000;

const bgpAsnMissing = accountRule(
  {
    id: 'account-bgp-asn-missing',
    code: 'UnsupportedOperation.VpnUnsupportedNotExistBgpAsn',
    summary: {
      en: 'A BGP tunnel needs a BGP ASN on both the VPN gateway and the customer gateway.',
      zh: 'BGP 通道要求 VPN 网关和对端网关都配置了 BGP ASN。',
    },
    example: 'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-b6gp1n4z\nVpcId: vpc-gapcv96p\nRouteType: Bgp',
    actions: CREATE,
  },
  (doc, { view }, report) => {
    const { gateway, customerGateway } = view;
    if (
      !isBgpRoute(stringAt(doc, 'RouteType')) ||
      !gateway ||
      !customerGateway ||
      (gateway.bgpAsn && customerGateway.bgpAsn)
    )
      return;
    report(['RouteType'], 'value', {
      en: `BGP needs an ASN on both gateways: ${gateway.id} has ${asnText(gateway.bgpAsn, 'en')}, ${customerGateway.id} has ${asnText(customerGateway.bgpAsn, 'en')}.`,
      zh: `BGP 要求两端网关都有 ASN：${gateway.id} 为 ${asnText(gateway.bgpAsn, 'zh')}，${customerGateway.id} 为 ${asnText(customerGateway.bgpAsn, 'zh')}。`,
    });
  },
);

const bgpAsnEqual = accountRule(
  {
    id: 'account-bgp-asn-equal',
    code: 'UnsupportedOperation.VpnUnsupportedBgpAsnEqual',
    summary: {
      en: 'The VPN gateway and the customer gateway have the same BGP ASN.',
      zh: 'VPN 网关与对端网关的 BGP ASN 相同。',
    },
    example: 'VpnGatewayId: vpngw-8bgp4k2d\nCustomerGatewayId: cgw-e9qa5s3m\nVpcId: vpc-k3m9p2xa\nRouteType: Bgp',
    actions: CREATE,
  },
  (doc, { view }, report) => {
    const { gateway, customerGateway } = view;
    if (!isBgpRoute(stringAt(doc, 'RouteType')) || !gateway?.bgpAsn || gateway.bgpAsn !== customerGateway?.bgpAsn)
      return;
    report(['CustomerGatewayId'], 'value', {
      en: `${gateway.id} and ${customerGateway.id} both have ASN ${gateway.bgpAsn}; BGP needs two different ASNs.`,
      zh: `${gateway.id} 与 ${customerGateway.id} 的 ASN 都是 ${gateway.bgpAsn}；BGP 需要两个不同的 ASN。`,
    });
  },
);

/** The gateway's other tunnels in the snapshot: all of them but the document's own, which conflict with nothing. */
function tunnelsOf(view: AccountView): VpnConnectionInfo[] {
  const gatewayId = view.gateway?.id;
  if (!gatewayId) return [];
  return view.snapshot.connections.filter(
    (tunnel) => tunnel.vpnGatewayId === gatewayId && !view.ownTunnels.includes(tunnel),
  );
}

const routeTypeMixed = accountRule(
  {
    id: 'account-route-type-mixed',
    code: 'UnsupportedOperation.VpnConnRouteTypeMixed',
    summary: {
      en: "The gateway's existing tunnels route the other way: one gateway's tunnels are all BGP or none is.",
      zh: '该网关已有通道的路由方式不同：同一网关的通道要么都用 BGP，要么都不用。',
    },
    example:
      'VpnGatewayId: vpngw-8bgp4k2d\nCustomerGatewayId: cgw-b6gp1n4z\nVpcId: vpc-k3m9p2xa\nRouteType: StaticRoute',
    actions: CREATE,
  },
  (doc, { view }, report) => {
    const bgp = isBgpRoute(routeTypeOf(doc));
    const other = tunnelsOf(view).find((tunnel) => isBgpRoute(tunnel.routeType) !== bgp);
    if (!other) return;
    const path = stringAt(doc, 'RouteType') === undefined ? ['VpnGatewayId'] : ['RouteType'];
    report(path, 'value', {
      en: `Tunnel ${other.id} (${other.name}) on ${view.gateway!.id} routes by ${other.routeType}; this one would route by ${routeTypeOf(doc)}, and a gateway cannot mix BGP and non-BGP tunnels.`,
      zh: `${view.gateway!.id} 上的通道 ${other.id}（${other.name}）路由方式为 ${other.routeType}，本通道为 ${routeTypeOf(doc)}；同一网关不能混用 BGP 与非 BGP 通道。`,
    });
  },
);

interface SpdPair {
  local: Cidr;
  remote: Cidr[];
  text: string;
}

function pairOf(local: unknown, remote: unknown): SpdPair | undefined {
  const localCidr = parseCidr(local);
  const remotes = (Array.isArray(remote) ? remote : []).map(parseCidr).filter((cidr): cidr is Cidr => !!cidr);
  return localCidr && remotes.length
    ? { local: localCidr, remote: remotes, text: `${String(local)} → ${(remote as unknown[]).join(', ')}` }
    : undefined;
}

const clashes = (a: SpdPair, b: SpdPair): boolean =>
  overlaps(a.local, b.local) && a.remote.some((x) => b.remote.some((y) => overlaps(x, y)));

const spdConflict = accountRule(
  {
    id: 'account-spd-conflict',
    code: 'InvalidParameterValue.VpnConnCidrConflict',
    summary: {
      en: 'An SPD rule overlaps, on both sides, a rule of another tunnel of the same gateway.',
      zh: 'SPD 策略与同一网关上其他通道的策略在本端和对端都重叠。',
    },
    example:
      'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpcId: vpc-gapcv96p\nSecurityPolicyDatabases:\n  - LocalCidrBlock: 10.8.1.0/24\n    RemoteCidrBlock: [192.168.1.0/25]',
    actions: CREATE,
  },
  (doc, { view }, report) => {
    if (!carriesSpd(routeTypeOf(doc))) return;
    const existing = tunnelsOf(view)
      .filter((tunnel) => carriesSpd(tunnel.routeType))
      .flatMap((tunnel) => tunnel.spd.map((rule) => ({ tunnel, pair: pairOf(rule.local, rule.remote) })));
    let budget = MAX_SPD_COMPARISONS;
    (arrayAt(doc, 'SecurityPolicyDatabases') ?? []).forEach((entry, index) => {
      const pair = isRecord(entry) ? pairOf(entry.LocalCidrBlock, entry.RemoteCidrBlock) : undefined;
      if (!pair || budget <= 0) return;
      budget -= existing.length;
      const hit = existing.find((other) => other.pair && clashes(pair, other.pair));
      if (!hit) return;
      report(['SecurityPolicyDatabases', index, 'LocalCidrBlock'], 'value', {
        en: `${pair.text} overlaps ${hit.pair!.text} of tunnel ${hit.tunnel.id} (${hit.tunnel.name}) on the same gateway.`,
        zh: `${pair.text} 与同一网关上通道 ${hit.tunnel.id}（${hit.tunnel.name}）的 ${hit.pair!.text} 重叠。`,
      });
    });
  },
);

/** The key a tunnel-exists hint underlines: the name, else (a document without one) the id that matched. */
function ownTunnelPath(doc: Params): string[] {
  return has(doc, 'VpnConnectionName') ? ['VpnConnectionName'] : ['VpnConnectionId'];
}

const tunnelExists = accountRule(
  {
    id: 'tunnel-exists',
    severity: 'hint',
    summary: {
      en: "This file's tunnel already exists (same VPN gateway, customer gateway and name, or named by VpnConnectionId); the other account checks skip it.",
      zh: '本文件的通道已存在（VPN 网关、对端网关和名称都相同，或由 VpnConnectionId 指明）；其他账号检查不把它当作冲突。',
    },
    example:
      'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpcId: vpc-gapcv96p\nVpnConnectionName: existing-static-gz',
    actions: CREATE,
  },
  (doc, { view }, report) => {
    const own = view.ownTunnels;
    if (own.length === 0) return;
    const [en, zh] = [
      own.map((tunnel) => tunnelStatusText(tunnel, 'en')).join(', '),
      own.map((tunnel) => tunnelStatusText(tunnel, 'zh')).join('、'),
    ];
    report(ownTunnelPath(doc), 'value', {
      en: own.length === 1 ? `This file's tunnel already exists: ${en}.` : `This file's tunnels already exist: ${en}.`,
      zh: `本文件的通道已存在：${zh}。`,
    });
  },
);

/**
 * The BGP, route-type and SPD rules, the own-tunnel hint, then the checks of a file that names its tunnel, in the
 * order the docs list them.
 */
export const tunnelRules: Rule[] = [
  bgpAsnMissing,
  bgpAsnEqual,
  routeTypeMixed,
  spdConflict,
  tunnelExists,
  ...namedTunnelRules,
];
