/**
 * The findings of one document value, with paths and no positions: its action's schema, then the business
 * rules, merged. This is the value-level step of the one pipeline (pipeline.ts): the editor, the CLI and the
 * submit planning reach it through the text pipeline, the emulator calls it on a request's parameters directly.
 */
import type { AccountResources } from '../account/snapshot';
import { accountContextOf } from '../rules/context';
import { runRules } from '../rules/engine';
import { actionOf } from '../schema/actionSchemas';
import { schemaFindings } from '../schema/paramsValidation';
import type { RuleFinding } from '../types';

const samePath = (a: RuleFinding, b: RuleFinding) =>
  a.path.length === b.path.length && a.path.every((segment, i) => segment === b.path[i]);

const RANK: Record<RuleFinding['severity'], number> = { hint: 0, information: 1, warning: 2, error: 3 };

/**
 * Schema and rule findings together. Where a rule speaks about the same path as the schema (the name-length rule
 * vs maxLength, the algorithm-family rule vs the enum), the rule knows more and its finding alone is kept — at the
 * schema's severity when that is the stronger one (a malformed id the schema refuses stays an error, with the
 * id rule's message and fix).
 */
export function mergeFindings(schema: RuleFinding[], rules: RuleFinding[]): RuleFinding[] {
  const merged = rules.map((rule) => {
    const strongest = schema
      .filter((finding) => samePath(rule, finding))
      .reduce(
        (severity, finding) => (RANK[finding.severity] > RANK[severity] ? finding.severity : severity),
        rule.severity,
      );
    return strongest === rule.severity ? rule : { ...rule, severity: strongest };
  });
  return [...schema.filter((finding) => !rules.some((rule) => samePath(rule, finding))), ...merged];
}

/**
 * Every schema and rule finding for one document value, as the API would see it; the account rules run when the
 * account is given. A rule that throws is logged by the engine and the others still run.
 */
export function checkParams(value: unknown, action = actionOf(value), account?: AccountResources): RuleFinding[] {
  return mergeFindings(schemaFindings(value, action), runRules(value, { action, ...accountContextOf(value, account) }));
}
