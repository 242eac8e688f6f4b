/**
 * Every business rule, in the order the docs list them. Adding a rule means adding it to its family file; the
 * docs page (scripts/generate-rules-doc.ts) and the suppression ids follow from this list.
 */
import { existenceRules } from './account/existenceRules';
import { tunnelRules } from './account/tunnelRules';
import { algorithmRules } from './algorithms';
import { bgpRules } from './bgp';
import { cidrRules } from './cidr';
import { dpdRules } from './dpd';
import { healthCheckRules } from './healthCheck';
import { idRules } from './ids';
import { ikeRules } from './ike';
import { nameRules } from './name';
import type { Rule } from './rule';
import { spdRules } from './spd';
import { spellingRules } from './spelling';
import { tagRules } from './tags';
import { weakCryptoRules } from './weakCrypto';

/** Rule families with a heading for the docs. */
export const RULE_FAMILIES: Array<{ title: string; rules: Rule[] }> = [
  { title: 'Addresses', rules: cidrRules },
  { title: 'SPD policy rules', rules: spdRules },
  { title: 'BGP', rules: bgpRules },
  { title: 'Health check', rules: healthCheckRules },
  { title: 'IKE identities', rules: ikeRules },
  { title: 'Algorithms', rules: [...algorithmRules, ...weakCryptoRules] },
  { title: 'Dead-peer detection', rules: dpdRules },
  { title: 'Name', rules: nameRules },
  { title: 'Tags', rules: tagRules },
  { title: 'Resource ids', rules: idRules },
  { title: 'Spelling', rules: spellingRules },
  // These run only when the account's resources are known (the editor with credentials, `tcvpn validate --live`).
  { title: 'Account (live checks)', rules: [...existenceRules, ...tunnelRules] },
];

/** All rules, flat. */
export const RULES: Rule[] = RULE_FAMILIES.flatMap((family) => family.rules);

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id, if any. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
