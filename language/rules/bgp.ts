/**
 * BGP tunnels: the tunnel block is a /30 and both BGP addresses are distinct usable hosts inside it; BgpConfig
 * goes with RouteType Bgp. Sources: validation-rules.json `bgp-config`; the spec's CreateVpnConnection errors
 * VpnConnBgpTunnelCidrMask and VpnConnBgpTunnelCidrNotSupported.
 */
import {
  addressAfter,
  contains,
  networkText,
  parseCidr,
  parseIpv4,
  toNumber,
  type Cidr,
  type IPv4,
} from '../values/ip';
import type { Rule } from './rule';
import { has, recordAt, stringAt } from '../values/values';

const BGP_IPS = ['LocalBgpIp', 'RemoteBgpIp'] as const;
/** The pair every official example uses; a placeholder the user is expected to adjust. */
const EXAMPLE_BGP = { TunnelCidr: '169.254.128.0/30', LocalBgpIp: '169.254.128.1', RemoteBgpIp: '169.254.128.2' };

const tunnelCidrMask: Rule = {
  id: 'bgp-tunnel-cidr-mask',
  code: 'InvalidParameterValue.VpnConnBgpTunnelCidrMask',
  severity: 'error',
  summary: { en: 'BgpConfig.TunnelCidr must be a /30 block.', zh: 'BgpConfig.TunnelCidr 必须是掩码为 30 的网段。' },
  source: 'validation-rules.json bgp-config; spec errors (VpnConnBgpTunnelCidrMask)',
  example:
    'RouteType: Bgp\nBgpConfig:\n  TunnelCidr: 169.254.128.0/29\n  LocalBgpIp: 169.254.128.1\n  RemoteBgpIp: 169.254.128.2',
  fix: "Use the /30 that holds LocalBgpIp (else the block's own address).",
  check(doc, _context, report) {
    const bgp = recordAt(doc, 'BgpConfig');
    const tunnel = parseCidr(bgp?.TunnelCidr);
    if (!tunnel || tunnel.prefix === 30) return;
    const anchor = parseIpv4(bgp?.LocalBgpIp) ?? tunnel.address;
    const block = networkText(parseCidr(`${anchor.toString()}/30`)!);
    report(
      ['BgpConfig', 'TunnelCidr'],
      'value',
      {
        en: `The BGP tunnel block must be a /30, not /${tunnel.prefix}.`,
        zh: `BGP 隧道网段的掩码必须为 30，而不是 /${tunnel.prefix}。`,
      },
      [
        {
          kind: 'setValue',
          path: ['BgpConfig', 'TunnelCidr'],
          value: block,
          title: { en: `Change to ${block}`, zh: `改为 ${block}` },
        },
      ],
    );
  },
};

const ipOutsideTunnel: Rule = {
  id: 'bgp-ip-outside-tunnel',
  code: 'InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported',
  severity: 'error',
  summary: { en: 'A BGP address lies outside BgpConfig.TunnelCidr.', zh: 'BGP 地址不在 BgpConfig.TunnelCidr 网段内。' },
  source: 'validation-rules.json bgp-config; spec errors (VpnConnBgpTunnelCidrNotSupported)',
  example:
    'RouteType: Bgp\nBgpConfig:\n  TunnelCidr: 169.254.128.0/30\n  LocalBgpIp: 169.254.128.1\n  RemoteBgpIp: 169.254.129.2',
  check(doc, _context, report) {
    const bgp = recordAt(doc, 'BgpConfig');
    const tunnel = parseCidr(bgp?.TunnelCidr);
    if (!tunnel) return;
    for (const key of BGP_IPS) {
      const address = parseIpv4(bgp?.[key]);
      if (!address || contains(tunnel, address)) continue;
      report(['BgpConfig', key], 'value', {
        en: `${key} ${address.toString()} must lie inside the BGP tunnel block ${String(bgp?.TunnelCidr)}.`,
        zh: `${key} ${address.toString()} 必须在 BGP 隧道网段 ${String(bgp?.TunnelCidr)} 内。`,
      });
    }
  },
};

const ipReserved: Rule = {
  id: 'bgp-ip-network-broadcast',
  code: 'InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported',
  // An error: the /30 has two host addresses, and a BGP session on its network or broadcast address never comes up.
  severity: 'error',
  summary: {
    en: 'A BGP address is the network or broadcast address of the /30.',
    zh: 'BGP 地址是隧道网段的网络地址或广播地址。',
  },
  source: 'validation-rules.json bgp-config (suggested_extra_checks)',
  example:
    'RouteType: Bgp\nBgpConfig:\n  TunnelCidr: 169.254.128.0/30\n  LocalBgpIp: 169.254.128.0\n  RemoteBgpIp: 169.254.128.2',
  fix: 'Use the host address of the /30 the other side does not use.',
  check(doc, _context, report) {
    const bgp = recordAt(doc, 'BgpConfig');
    const tunnel = parseCidr(bgp?.TunnelCidr);
    if (!tunnel || tunnel.prefix > 30) return;
    for (const key of BGP_IPS) {
      const address = parseIpv4(bgp?.[key]);
      const which = address && contains(tunnel, address) ? edgeName(tunnel, toNumber(address)) : undefined;
      if (!which) continue;
      const host = freeHostAddress(tunnel, parseIpv4(bgp?.[key === 'LocalBgpIp' ? 'RemoteBgpIp' : 'LocalBgpIp']));
      report(
        ['BgpConfig', key],
        'value',
        {
          en: `${key} ${address!.toString()} is the ${which.en} address of ${String(bgp?.TunnelCidr)}; no BGP session comes up there. Use a host address.`,
          zh: `${key} ${address!.toString()} 是 ${String(bgp?.TunnelCidr)} 的${which.zh}地址，BGP 会话无法在该地址建立，请使用主机地址。`,
        },
        host
          ? [
              {
                kind: 'setValue',
                path: ['BgpConfig', key],
                value: host,
                title: { en: `Change to ${host}`, zh: `改为 ${host}` },
              },
            ]
          : undefined,
      );
    }
  },
};

/** The first host address of a /30 that the other side does not use; undefined for wider blocks. */
function freeHostAddress(tunnel: Cidr, other: IPv4 | undefined): string | undefined {
  if (tunnel.prefix !== 30) return undefined;
  const taken = other ? toNumber(other) : undefined;
  const offset = [1, 2].find((candidate) => tunnel.first + candidate !== taken);
  return offset === undefined ? undefined : addressAfter(parseIpv4(networkText(tunnel).split('/')[0])!, offset);
}

function edgeName(tunnel: Cidr, address: number): { en: string; zh: string } | undefined {
  if (address === tunnel.first) return { en: 'network', zh: '网络' };
  if (address === tunnel.last) return { en: 'broadcast', zh: '广播' };
  return undefined;
}

const ipsEqual: Rule = {
  id: 'bgp-ips-equal',
  code: 'InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported',
  severity: 'error',
  summary: { en: 'LocalBgpIp and RemoteBgpIp are the same address.', zh: 'LocalBgpIp 与 RemoteBgpIp 相同。' },
  source: 'validation-rules.json bgp-config (suggested_extra_checks: LocalBgpIp != RemoteBgpIp)',
  example:
    'RouteType: Bgp\nBgpConfig:\n  TunnelCidr: 169.254.128.0/30\n  LocalBgpIp: 169.254.128.1\n  RemoteBgpIp: 169.254.128.1',
  check(doc, _context, report) {
    const bgp = recordAt(doc, 'BgpConfig');
    const [local, remote] = BGP_IPS.map((key) => parseIpv4(bgp?.[key]));
    if (!local || !remote || toNumber(local) !== toNumber(remote)) return;
    report(['BgpConfig', 'RemoteBgpIp'], 'value', {
      en: `The cloud side and the customer side cannot both use ${remote.toString()}.`,
      zh: `云端与用户端 BGP 地址不能都是 ${remote.toString()}。`,
    });
  },
};

const configWithoutBgp: Rule = {
  id: 'bgp-route-type',
  code: 'UnsupportedOperation',
  // A warning: that BgpConfig needs RouteType Bgp is inferred (validation-rules.json bgp-config "requires").
  severity: 'warning',
  summary: { en: 'BgpConfig is set but RouteType is not Bgp.', zh: '设置了 BgpConfig，但 RouteType 不是 Bgp。' },
  source: 'validation-rules.json bgp-config (requires RouteType = Bgp, inferred)',
  example:
    'RouteType: StaticRoute\nBgpConfig:\n  TunnelCidr: 169.254.128.0/30\n  LocalBgpIp: 169.254.128.1\n  RemoteBgpIp: 169.254.128.2',
  actions: ['CreateVpnConnection'],
  check(doc, _context, report) {
    const routeType = stringAt(doc, 'RouteType') ?? 'STATIC';
    if (!has(doc, 'BgpConfig') || routeType === 'Bgp') return;
    report(['BgpConfig'], 'key', {
      en: `BgpConfig only applies to BGP tunnels; RouteType is ${routeType}.`,
      zh: `BgpConfig 仅用于 BGP 通道；当前 RouteType 为 ${routeType}。`,
    });
  },
};

const bgpWithoutConfig: Rule = {
  id: 'bgp-config-missing',
  code: 'MissingParameter',
  // A warning: whether the API fills in a tunnel block by itself is not documented.
  severity: 'warning',
  summary: { en: 'RouteType is Bgp but BgpConfig is missing.', zh: 'RouteType 为 Bgp，但缺少 BgpConfig。' },
  source: 'validation-rules.json bgp-config (all_required)',
  example: 'RouteType: Bgp',
  fix: 'Add BgpConfig with the example tunnel 169.254.128.0/30 (.1 cloud side, .2 customer side).',
  actions: ['CreateVpnConnection'],
  check(doc, _context, report) {
    if (stringAt(doc, 'RouteType') !== 'Bgp' || has(doc, 'BgpConfig')) return;
    const fix = { kind: 'addProperties' as const, path: [], properties: { BgpConfig: EXAMPLE_BGP } };
    report(
      ['RouteType'],
      'value',
      {
        en: 'A BGP tunnel needs BgpConfig (TunnelCidr, LocalBgpIp, RemoteBgpIp).',
        zh: 'BGP 通道需要 BgpConfig（TunnelCidr、LocalBgpIp、RemoteBgpIp）。',
      },
      [{ ...fix, title: { en: 'Add BgpConfig (169.254.128.0/30)', zh: '添加 BgpConfig（169.254.128.0/30）' } }],
    );
  },
};

/** BGP rules, in the order the docs list them. */
export const bgpRules: Rule[] = [
  tunnelCidrMask,
  ipOutsideTunnel,
  ipReserved,
  ipsEqual,
  configWithoutBgp,
  bgpWithoutConfig,
];
