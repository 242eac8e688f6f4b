/**
 * What a business rule is: its metadata (id, severity, the API error code it prevents, where it comes from, how
 * the docs show it) and a check over a document's plain value. Every family file (cidr.ts, spd.ts, ...) exports
 * a list of these; registry.ts collects them and engine.ts runs them.
 */
import type { JsonPath, Localized, RuleFinding, SemanticFix, Severity, Target } from '../types';
import type { RuleContext } from './context';
import type { Params } from '../values/values';

/** Where the rules page lives; findings link to `<RULES_DOC>#<rule id>`. */
export const RULES_DOC = 'docs/rules.md';

/** The documentation link of one rule. */
export function ruleDocUrl(ruleId: string): string {
  return `${RULES_DOC}#${ruleId}`;
}

/** Static facts about a rule: what the registry, the docs and suppression need without running it. */
export interface RuleMeta {
  /** Stable id, also the anchor in docs/rules.md and what users silence. */
  id: string;
  /** The API error code the rule prevents; absent for advisory rules the API accepts silently. */
  code?: string;
  severity: Severity;
  /** One sentence for the docs table. */
  summary: Localized;
  /** Where the rule comes from: a validation-rules.json id, the spec's error list, or "this project". */
  source: string;
  /** A YAML document that triggers the rule (tests run it, the docs show it). */
  example: string;
  /** What the quick fix does, if the rule offers one. */
  fix?: string;
  /** Actions the rule applies to; all of them when absent. */
  actions?: string[];
  /** True for the account rules: they run only when the caller knows the account's resources. */
  needsAccount?: boolean;
}

/** Reports one finding of the running rule; severity defaults to the rule's own. */
export type Report = (
  path: JsonPath,
  target: Target,
  message: Localized,
  fixes?: SemanticFix[],
  severity?: Severity,
) => void;

export interface Rule extends RuleMeta {
  check(doc: Params, context: RuleContext, report: Report): void;
  /**
   * The one part of the document the rule's findings depend on, when there is one: an object of the parsed value
   * (the policy list). The findings are kept by that object's identity and returned again while it is the same
   * object, which it stays while its text is unchanged (jsonBlocks.ts, yamlBlocks.ts): an edit elsewhere in a
   * 7,000-entry file does not run the rule again. Undefined: the rule runs on every value.
   */
  keyedBy?(doc: Params): object | undefined;
}

/** Findings of the keyed rules, by the object they depend on, then by rule id. Parsed values are never modified. */
const keptFindings = new WeakMap<object, Map<string, RuleFinding[]>>();

/** The code a rule's findings carry: its API error code, else the rule id (advisory rules). */
export function codeOf(rule: RuleMeta): string {
  return rule.code ?? rule.id;
}

/** Runs one rule and collects its findings with the rule's id, code and link filled in (kept: see `keyedBy`). */
export function runRule(rule: Rule, doc: Params, context: RuleContext): RuleFinding[] {
  const key = rule.keyedBy?.(doc);
  if (!key) return findingsOf(rule, doc, context);
  let byRule = keptFindings.get(key);
  if (!byRule) keptFindings.set(key, (byRule = new Map()));
  let findings = byRule.get(rule.id);
  if (!findings) byRule.set(rule.id, (findings = findingsOf(rule, doc, context)));
  return findings;
}

function findingsOf(rule: Rule, doc: Params, context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  rule.check(doc, context, (path, target, message, fixes, severity) => {
    findings.push({
      ruleId: rule.id,
      code: codeOf(rule),
      severity: severity ?? rule.severity,
      message,
      path,
      target,
      docUrl: ruleDocUrl(rule.id),
      ...(fixes && fixes.length > 0 ? { fixes } : {}),
    });
  });
  return findings;
}
