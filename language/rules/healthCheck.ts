/**
 * Health-check addresses: distinct, usable, preferably inside 169.254.128.0/17, and only meaningful with
 * EnableHealthCheck. Sources: validation-rules.json `health-check-ips` (its suggested UX: block 0.0.0.0,
 * multicast and local == remote; warn outside the default range) and `health-check-config`; the spec's
 * CreateVpnConnection errors InvalidParameterValue.VpnConnHealthCheckIpConflict and
 * UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck (no health check on an SPD policy tunnel).
 */
import { defaultHealthCheckPair, HEALTH_CHECK_RANGE } from './healthCheckPair';
import { contains, parseIpv4, toNumber } from '../values/ip';
import type { Rule } from './rule';
import type { SemanticFix } from '../types';
import { arrayAt, has, stringAt, type Params } from '../values/values';

const IP_KEYS = ['HealthCheckLocalIp', 'HealthCheckRemoteIp'] as const;

/** The quick fix shared by the address rules: both addresses replaced by a free pair from the default range. */
function replacePairFix(doc: Params): SemanticFix {
  const [local, remote] = defaultHealthCheckPair(doc);
  return {
    kind: 'addProperties',
    path: [],
    properties: { HealthCheckLocalIp: local, HealthCheckRemoteIp: remote },
    title: { en: `Use ${local} / ${remote}`, zh: `改用 ${local} / ${remote}` },
  };
}

const ipConflict: Rule = {
  id: 'health-check-ip-conflict',
  code: 'InvalidParameterValue.VpnConnHealthCheckIpConflict',
  severity: 'error',
  summary: {
    en: 'HealthCheckLocalIp and HealthCheckRemoteIp are the same address.',
    zh: '健康检查本端与对端地址相同。',
  },
  source: 'validation-rules.json health-check-ips (local_ne_remote); spec errors (VpnConnHealthCheckIpConflict)',
  example: 'EnableHealthCheck: true\nHealthCheckLocalIp: 169.254.128.1\nHealthCheckRemoteIp: 169.254.128.1',
  fix: 'Replace both addresses by a free pair from 169.254.128.0/17 (169.254.128.1 / 169.254.128.2 unless taken).',
  check(doc, _context, report) {
    const [local, remote] = IP_KEYS.map((key) => parseIpv4(doc[key]));
    if (!local || !remote || toNumber(local) !== toNumber(remote)) return;
    report(
      ['HealthCheckRemoteIp'],
      'value',
      {
        en: `The local and remote health-check addresses cannot both be ${remote.toString()}.`,
        zh: `健康检查本端与对端地址不能都是 ${remote.toString()}。`,
      },
      [replacePairFix(doc)],
    );
  },
};

const ipUnusable: Rule = {
  id: 'health-check-ip-invalid',
  code: 'InvalidParameterValue',
  severity: 'error',
  summary: { en: 'A health-check address is 0.0.0.0 or multicast.', zh: '健康检查地址为 0.0.0.0 或组播地址。' },
  source: 'validation-rules.json health-check-ips (older intl doc: not 0.0.0.0 or 224.0.0.0-239.255.255.255)',
  example: 'EnableHealthCheck: true\nHealthCheckLocalIp: 0.0.0.0\nHealthCheckRemoteIp: 169.254.128.2',
  fix: 'Replace both addresses by a free pair from 169.254.128.0/17.',
  check(doc, _context, report) {
    for (const key of IP_KEYS) {
      const address = parseIpv4(doc[key]);
      const range = address?.range();
      if (range !== 'unspecified' && range !== 'multicast') continue;
      report(
        [key],
        'value',
        {
          en: `${key} ${address!.toString()} is ${range === 'multicast' ? 'a multicast' : 'the unspecified'} address and cannot be probed.`,
          zh: `${key} ${address!.toString()} 是${range === 'multicast' ? '组播' : '全零'}地址，无法用于探测。`,
        },
        [replacePairFix(doc)],
      );
    }
  },
};

const ipOutsideRange: Rule = {
  id: 'health-check-ip-range',
  // A warning without an API code: the doc revisions disagree on the allowed ranges and the API is not known to
  // refuse other addresses; only the default range is safe everywhere.
  severity: 'warning',
  summary: {
    en: 'A health-check address lies outside 169.254.128.0/17.',
    zh: '健康检查地址不在 169.254.128.0/17 内。',
  },
  source: 'validation-rules.json health-check-ips (default_range; sources conflict)',
  example: 'EnableHealthCheck: true\nHealthCheckLocalIp: 10.0.0.1\nHealthCheckRemoteIp: 169.254.128.2',
  fix: 'Replace both addresses by a free pair from 169.254.128.0/17.',
  check(doc, _context, report) {
    for (const key of IP_KEYS) {
      const address = parseIpv4(doc[key]);
      if (!address || contains(HEALTH_CHECK_RANGE, address)) continue;
      if (address.range() === 'unspecified' || address.range() === 'multicast') continue;
      report(
        [key],
        'value',
        {
          en: `${key} ${address.toString()} is outside 169.254.128.0/17, the range the API allocates from; it may clash with VPC or IDC blocks.`,
          zh: `${key} ${address.toString()} 不在 API 默认分配的 169.254.128.0/17 内，可能与 VPC 或 IDC 网段冲突。`,
        },
        [replacePairFix(doc)],
      );
    }
  },
};

const withoutEnable: Rule = {
  id: 'health-check-disabled',
  severity: 'warning',
  summary: {
    en: 'Health-check settings while EnableHealthCheck is not true (they are ignored).',
    zh: '未开启 EnableHealthCheck 时设置了健康检查参数（不会生效）。',
  },
  source: 'validation-rules.json health-check-ips, health-check-config',
  example: 'HealthCheckLocalIp: 169.254.128.1\nHealthCheckRemoteIp: 169.254.128.2',
  fix: 'Turn the health check on (EnableHealthCheck: true), or remove the setting.',
  check(doc, _context, report) {
    if (doc.EnableHealthCheck === true) return;
    for (const key of [...IP_KEYS, 'HealthCheckConfig']) {
      if (!has(doc, key)) continue;
      report(
        [key],
        'key',
        {
          en: `${key} has no effect while EnableHealthCheck is not true.`,
          zh: `EnableHealthCheck 未开启时，${key} 不会生效。`,
        },
        [
          {
            kind: 'addProperties',
            path: [],
            properties: { EnableHealthCheck: true },
            title: { en: 'Set EnableHealthCheck: true', zh: '设置 EnableHealthCheck: true' },
          },
          { kind: 'remove', path: [key], title: { en: `Remove ${key}`, zh: `删除 ${key}` } },
        ],
      );
    }
  },
};

/** True for a tunnel that routes by SPD policy: RouteType Policy, or policy rules under the legacy STATIC type. */
function routesByPolicy(doc: Params): boolean {
  const routeType = stringAt(doc, 'RouteType') ?? 'STATIC';
  if (routeType === 'Policy') return true;
  return routeType === 'STATIC' && (arrayAt(doc, 'SecurityPolicyDatabases')?.length ?? 0) > 0;
}

const onPolicyTunnel: Rule = {
  id: 'health-check-policy-route',
  code: 'UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck',
  severity: 'error',
  summary: { en: 'A health check on a tunnel that routes by SPD policy.', zh: '按 SPD 策略路由的通道开启了健康检查。' },
  source:
    'spec errors (UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck: "VPN SPD通道不支持配置健康检查"); validation-rules.json health-check-ips',
  example:
    'RouteType: Policy\nSecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/16\n    RemoteCidrBlock: [192.168.0.0/24]\nEnableHealthCheck: true',
  fix: 'Turn the health check off (EnableHealthCheck: false); a health check needs a route-based tunnel (StaticRoute or Bgp).',
  actions: ['CreateVpnConnection', 'ModifyVpnConnectionAttribute'],
  check(doc, _context, report) {
    if (doc.EnableHealthCheck !== true || !routesByPolicy(doc)) return;
    const routeType = stringAt(doc, 'RouteType') ?? 'STATIC';
    report(
      ['EnableHealthCheck'],
      'value',
      {
        en: `A tunnel that routes by SPD policy (RouteType ${routeType}${routeType === 'Policy' ? '' : ' with SecurityPolicyDatabases'}) cannot have a health check; use a route-based tunnel (StaticRoute or Bgp) for one.`,
        zh: `按 SPD 策略路由的通道（RouteType ${routeType}${routeType === 'Policy' ? '' : '，且设置了 SecurityPolicyDatabases'}）不支持健康检查；如需健康检查，请使用路由型通道（StaticRoute 或 Bgp）。`,
      },
      [
        {
          kind: 'setValue',
          path: ['EnableHealthCheck'],
          value: false,
          title: { en: 'Turn the health check off', zh: '关闭健康检查' },
        },
      ],
    );
  },
};

/** Health-check rules, in the order the docs list them. */
export const healthCheckRules: Rule[] = [onPolicyTunnel, ipConflict, ipUnusable, ipOutsideRange, withoutEnable];
