/**
 * Validates a document's plain value (no positions) against its action's schema and the business rules.
 * Used by the editor, the CLI and the emulator alike; only the editor maps the findings to ranges afterwards.
 * Findings from ajv get ruleId "schema.<keyword>" and an API-style code (see schemaFindings.ts).
 */
import Ajv, { ValidateFunction } from 'ajv';
import { ANNOTATION_KEYWORDS } from './keywords';
import { runRules } from '../rules/engine';
import type { RuleFinding } from '../types';
import { ACTION_SCHEMAS, DEFAULT_ACTION, actionOf } from './actionSchemas';
import { pathOf, schemaFindingsOf } from './schemaFindings';
import type { JsonSchema } from './schemaLookup';

export { ACTION_SCHEMAS, DEFAULT_ACTION, actionOf, pathOf };

const validators = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

/** The compiled validator of an action's schema, compiled once per process (on first use, not at start-up). */
export function validatorFor(action: string): ValidateFunction | undefined {
  const schema = ACTION_SCHEMAS[action];
  if (!schema) return undefined;
  let validate = validators.get(action);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, strict: true }).addVocabulary([...ANNOTATION_KEYWORDS]);
    validate = ajv.compile(schema);
    validators.set(action, validate);
  }
  return validate;
}

/** The schema findings alone, with messages and certain fixes. */
export function schemaFindings(value: unknown, action = actionOf(value)): RuleFinding[] {
  const validate = validatorFor(action);
  if (!validate || validate(value)) return [];
  return schemaFindingsOf(validate.errors ?? [], value, ACTION_SCHEMAS[action] as JsonSchema);
}

const samePath = (a: RuleFinding, b: RuleFinding) => a.path.length === b.path.length && a.path.every((segment, i) => segment === b.path[i]);

/**
 * Schema and rule findings together. Where a rule speaks about the same path as the schema (the
 * IntegrityAlgorithm spelling rule vs the unknown key, the name-length rule vs maxLength), the rule knows more
 * and its finding alone is kept.
 */
export function mergeFindings(schema: RuleFinding[], rules: RuleFinding[]): RuleFinding[] {
  return [...schema.filter((finding) => !rules.some((rule) => samePath(rule, finding))), ...rules];
}

/** Every schema and rule finding for one document value, as the API would see it. */
export function validateParams(value: unknown, action = actionOf(value)): RuleFinding[] {
  return mergeFindings(schemaFindings(value, action), runRules(value, { action }));
}
