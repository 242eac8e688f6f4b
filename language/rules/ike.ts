/**
 * IKE identities: an ADDRESS identity needs its address, an FQDN identity its name, and a side never carries
 * both. Sources: validation-rules.json `ike-identity-values` (mutually_exclusive; terraform's create-time
 * checks, without its bug of testing LocalIdentity for the remote side); the spec's errors
 * InvalidParameter.Coexist and InvalidParameterValue.Empty.
 */
import type { Rule } from './rule';
import type { Localized } from '../types';
import { recordAt, stringAt, type Params } from '../values/values';

const IKE = 'IKEOptionsSpecification';
const SIDES = ['Local', 'Remote'] as const;
type Side = (typeof SIDES)[number];

/** The identity keys of one side of the tunnel. */
function keysOf(side: Side): { identity: string; address: string; fqdn: string } {
  return { identity: `${side}Identity`, address: `${side}Address`, fqdn: `${side}FqdnName` };
}

/** True when the key holds a non-empty string (an empty string is how the API's responses say "unset"). */
function isSet(ike: Params, key: string): boolean {
  return (stringAt(ike, key) ?? '') !== '';
}

const identityValueMissing: Rule = {
  id: 'ike-identity-value-missing',
  code: 'InvalidParameterValue.Empty',
  severity: 'error',
  summary: {
    en: 'An ADDRESS identity without its address, or an FQDN identity without its name.',
    zh: 'ADDRESS 身份缺少地址，或 FQDN 身份缺少域名。',
  },
  source: 'validation-rules.json ike-identity-values; spec errors (InvalidParameterValue.Empty)',
  example: 'IKEOptionsSpecification:\n  RemoteIdentity: FQDN\n  RemoteAddress: 203.0.113.10',
  check(doc, _context, report) {
    const ike = recordAt(doc, IKE);
    if (!ike) return;
    for (const side of SIDES) {
      const keys = keysOf(side);
      const identity = stringAt(ike, keys.identity);
      const needed = identity === 'ADDRESS' ? keys.address : identity === 'FQDN' ? keys.fqdn : undefined;
      if (!needed || isSet(ike, needed)) continue;
      // The zh spec says the local address defaults to the gateway's public IP, so that case is only a warning.
      const defaulted = needed === 'LocalAddress';
      const message: Localized = {
        en: `${keys.identity} is ${identity}, so ${needed} is required${defaulted ? ' (the zh doc says it defaults to the gateway public IP)' : ''}.`,
        zh: `${keys.identity} 为 ${identity}，需要填写 ${needed}${defaulted ? '（中文文档称缺省为网关公网 IP）' : ''}。`,
      };
      report([IKE, keys.identity], 'value', message, undefined, defaulted ? 'warning' : undefined);
    }
  },
};

const identityCoexist: Rule = {
  id: 'ike-identity-coexist',
  code: 'InvalidParameter.Coexist',
  severity: 'error',
  summary: { en: 'One side sets both an address and an FQDN identity.', zh: '同一侧同时设置了地址与 FQDN 身份。' },
  source: 'validation-rules.json ike-identity-values (mutually_exclusive); spec errors (InvalidParameter.Coexist)',
  example:
    'IKEOptionsSpecification:\n  LocalIdentity: ADDRESS\n  LocalAddress: 198.51.100.1\n  LocalFqdnName: vpn.example.com',
  fix: 'Remove the value the identity type does not use.',
  check(doc, _context, report) {
    const ike = recordAt(doc, IKE);
    if (!ike) return;
    for (const side of SIDES) {
      const keys = keysOf(side);
      if (!isSet(ike, keys.address) || !isSet(ike, keys.fqdn)) continue;
      // The identity defaults to ADDRESS, so without one the FQDN name is the extra value.
      const extra = stringAt(ike, keys.identity) === 'FQDN' ? keys.address : keys.fqdn;
      report(
        [IKE, extra],
        'key',
        {
          en: `${keys.address} and ${keys.fqdn} cannot both be set; ${keys.identity} uses only one.`,
          zh: `${keys.address} 与 ${keys.fqdn} 不能同时设置；${keys.identity} 只使用其中一个。`,
        },
        [{ kind: 'remove', path: [IKE, extra], title: { en: `Remove ${extra}`, zh: `删除 ${extra}` } }],
      );
    }
  },
};

/** IKE identity rules, in the order the docs list them. */
export const ikeRules: Rule[] = [identityValueMissing, identityCoexist];
