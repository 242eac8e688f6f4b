/**
 * Runs every business rule over a document's plain value. The language service, the CLI and the emulator call
 * this with the same value they validate against the schema; the service maps each finding's path to a range.
 * It runs on every keystroke, so each rule is linear or capped (see spd.ts). The account rules run only when the
 * context carries the account (they read a snapshot the client fetched earlier, never the network).
 */
import { RULES } from './registry';
import { runRule } from './rule';
import type { RuleFinding } from '../types';
import type { RuleContext } from './context';
import { isRecord } from '../values/values';

/** Every rule finding for one document value; a non-object value (the schema's concern) yields none. */
export function runRules(value: unknown, context: RuleContext): RuleFinding[] {
  if (!isRecord(value)) return [];
  const findings: RuleFinding[] = [];
  for (const rule of RULES) {
    if (rule.actions && !rule.actions.includes(context.action)) continue;
    if (rule.needsAccount && !context.account) continue;
    try {
      findings.push(...runRule(rule, value, context));
    } catch (error) {
      // A rule that trips over an unexpected shape must not take the other diagnostics down with it, and it must
      // not go unseen either: the log line names the rule.
      console.error(
        `rule ${rule.id} failed (${context.action}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  return findings;
}
