/**
 * Resource ids: each kind has a prefix and lower-case alphanumerics after it. Only a warning, since the shape
 * is not documented as a rule (the API answers Malformed or ResourceNotFound). Whether VpcId must be present
 * depends on the gateway type, which only the account knows; that check belongs to the account-aware code.
 * Source: validation-rules.json `id-prefixes`.
 */
import type { Rule } from './rule';
import { stringAt } from '../values/values';

/** Prefix per id field, from validation-rules.json id-prefixes. */
export const ID_PREFIXES: Record<string, string> = {
  VpcId: 'vpc-',
  VpnGatewayId: 'vpngw-',
  CustomerGatewayId: 'cgw-',
  VpnConnectionId: 'vpnx-',
};

function isWellFormed(id: string, prefix: string): boolean {
  return id.startsWith(prefix) && /^[0-9a-z]+$/.test(id.slice(prefix.length));
}

const idFormat: Rule = {
  id: 'id-format',
  code: 'InvalidParameterValue.Malformed',
  severity: 'warning',
  summary: {
    en: 'A resource id does not look like vpc-…, vpngw-…, cgw-… or vpnx-….',
    zh: '资源 ID 的格式不像 vpc-…、vpngw-…、cgw-… 或 vpnx-…。',
  },
  source: 'validation-rules.json id-prefixes',
  example: 'VpcId: vpngw-1w9tue3d',
  fix: 'When only case or surrounding spaces are wrong: the lower-case, trimmed id.',
  check(doc, _context, report) {
    for (const [key, prefix] of Object.entries(ID_PREFIXES)) {
      const id = stringAt(doc, key);
      // An empty VpcId is how a CCN-type gateway's tunnel says "no VPC".
      if (id === undefined || (key === 'VpcId' && id === '') || isWellFormed(id, prefix)) continue;
      const normalized = id.trim().toLowerCase();
      const fixes = isWellFormed(normalized, prefix)
        ? [
            {
              kind: 'setValue' as const,
              path: [key],
              value: normalized,
              title: { en: `Change to ${normalized}`, zh: `改为 ${normalized}` },
            },
          ]
        : undefined;
      report(
        [key],
        'value',
        {
          en: `${key} "${id}" does not look like an id of the form ${prefix}xxxxxxxx.`,
          zh: `${key}“${id}”不符合 ${prefix}xxxxxxxx 的格式。`,
        },
        fixes,
      );
    }
  },
};

/** Id rules. */
export const idRules: Rule[] = [idFormat];
