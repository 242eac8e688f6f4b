/**
 * Address syntax: every CIDR and IP field must be IPv4 in dotted decimal, and a CIDR should name a network
 * (no host bits). Sources: validation-rules.json `spd`, `bgp-config`, `health-check-ips`, `ike-identity-values`;
 * the spec's error list for CreateVpnConnection (InvalidParameterValue.Malformed).
 */
import { networkText, parseCidr, parseIpv4 } from '../values/ip';
import { cidrFields, ipFields } from './locations';
import type { Rule } from './rule';
import { arrayAt, recordAt, type Params } from '../values/values';

/**
 * What the CIDR rules' findings depend on: the policy list, when the document has no BGP tunnel block (the one
 * CIDR field outside it); else nothing, and they run on every value (rule.ts).
 */
const byPolicyList = (doc: Params): object | undefined =>
  recordAt(doc, 'BgpConfig') && 'TunnelCidr' in recordAt(doc, 'BgpConfig')!
    ? undefined
    : arrayAt(doc, 'SecurityPolicyDatabases');

const cidrSyntax: Rule = {
  id: 'cidr-syntax',
  keyedBy: byPolicyList,
  code: 'InvalidParameterValue.Malformed',
  severity: 'error',
  summary: { en: 'A CIDR field is not an IPv4 block "a.b.c.d/n".', zh: 'CIDR 字段不是 IPv4 网段“a.b.c.d/n”。' },
  source: 'validation-rules.json spd, bgp-config; spec errors (Malformed)',
  example: 'SecurityPolicyDatabases:\n  - LocalCidrBlock: 10.0.0.0/33\n    RemoteCidrBlock: [192.168.0.0/16]',
  check(doc, _context, report) {
    for (const field of cidrFields(doc)) {
      if (typeof field.value !== 'string' || parseCidr(field.value)) continue;
      report(field.path, 'value', {
        en: `"${field.value}" is not an IPv4 CIDR block such as 10.0.0.0/16.`,
        zh: `“${field.value}”不是合法的 IPv4 网段（例如 10.0.0.0/16）。`,
      });
    }
  },
};

const ipSyntax: Rule = {
  id: 'ip-syntax',
  code: 'InvalidParameterValue.Malformed',
  severity: 'error',
  summary: { en: 'An IP field is not a dotted-decimal IPv4 address.', zh: 'IP 字段不是点分十进制的 IPv4 地址。' },
  source: 'validation-rules.json bgp-config, health-check-ips, ike-identity-values; spec errors (Malformed)',
  example: 'HealthCheckLocalIp: 169.254.128.300',
  check(doc, _context, report) {
    for (const field of ipFields(doc)) {
      if (typeof field.value !== 'string' || parseIpv4(field.value)) continue;
      if (field.optional && field.value === '') continue;
      report(field.path, 'value', {
        en: `"${field.value}" is not an IPv4 address such as 169.254.128.1.`,
        zh: `“${field.value}”不是合法的 IPv4 地址（例如 169.254.128.1）。`,
      });
    }
  },
};

const cidrHostBits: Rule = {
  id: 'cidr-host-bits',
  keyedBy: byPolicyList,
  code: 'InvalidParameterValue.Malformed',
  // A warning: the spec's own illustration ("10.0.0.5/24") has host bits set, so the API may normalise them.
  severity: 'warning',
  summary: {
    en: 'A CIDR block has host bits set (10.0.0.5/24 instead of 10.0.0.0/24).',
    zh: 'CIDR 网段的主机位不为零。',
  },
  source: 'validation-rules.json spd, bgp-config',
  example: 'BgpConfig:\n  TunnelCidr: 169.254.128.1/30\n  LocalBgpIp: 169.254.128.1\n  RemoteBgpIp: 169.254.128.2',
  fix: 'Replace the block by its network address.',
  check(doc, _context, report) {
    for (const field of cidrFields(doc)) {
      const cidr = parseCidr(field.value);
      if (!cidr?.hostBits) continue;
      const network = networkText(cidr);
      report(
        field.path,
        'value',
        {
          en: `"${String(field.value)}" has host bits set; the network is ${network}.`,
          zh: `“${String(field.value)}”的主机位不为零，网段应为 ${network}。`,
        },
        [
          {
            kind: 'setValue',
            path: field.path,
            value: network,
            title: { en: `Change to ${network}`, zh: `改为 ${network}` },
          },
        ],
      );
    }
  },
};

/** Address syntax rules, in the order the docs list them. */
export const cidrRules: Rule[] = [cidrSyntax, ipSyntax, cidrHostBits];
