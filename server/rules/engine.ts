/**
 * Runs every business rule over a document's plain value. PLACEHOLDER until the rules issue lands:
 * it finds nothing. The signature is the contract the language service, CLI and emulator call.
 */
import type { RuleContext, RuleFinding } from './types';

export function runRules(_value: unknown, _context: RuleContext): RuleFinding[] {
  return [];
}
