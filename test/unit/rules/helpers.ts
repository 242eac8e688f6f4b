/**
 * Shared fixtures for the rule tests: the official CreateVpnConnection request example (which must stay free
 * of findings) and helpers to run one rule over a variation of it, written as JSON or YAML.
 */
import { parse as parseYaml } from 'yaml';
import { runRules } from '../../../language/rules/engine';
import { ruleById } from '../../../language/rules/registry';
import { seedRuleContext } from '../account/fixtures';
import type { RuleFinding } from '../../../language/types';
import { officialExample } from '../../support/fixtures';

/** The body of the official request example from the spec (actions.CreateVpnConnection.examples[0]). */
export const OFFICIAL_EXAMPLE = officialExample();

/** The official example with top-level keys replaced (undefined removes a key). */
export function exampleWith(overrides: Record<string, unknown>): Record<string, unknown> {
  const doc: Record<string, unknown> = { ...structuredClone(OFFICIAL_EXAMPLE), ...overrides };
  for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
  return doc;
}

/**
 * Findings of one rule for a plain value (CreateVpnConnection unless told). An account rule runs with the
 * emulator seed's account (test/unit/account/fixtures.ts), which its docs example names.
 */
export function findingsOf(
  ruleId: string,
  value: unknown,
  action = 'CreateVpnConnection',
  gatewayVersion?: string,
): RuleFinding[] {
  const context = ruleById(ruleId)?.needsAccount ? seedRuleContext(value, action) : { action, gatewayVersion };
  return runRules(value, context).filter((finding) => finding.ruleId === ruleId);
}

/** Findings of one rule for a YAML text, as the language service would pass its plain value. */
export function findingsOfYaml(ruleId: string, yamlText: string): RuleFinding[] {
  return findingsOf(ruleId, parseYaml(yamlText));
}

/** The comparable part of findings: where, what part, which code. */
export function locations(findings: RuleFinding[]): Array<{ path: (string | number)[]; target: string; code: string }> {
  return findings.map(({ path, target, code }) => ({ path, target, code }));
}
