/**
 * Validates a document's plain value (no positions) against its action's schema; the business rules are the
 * rules' own step, and features/findings.ts merges both. Findings from ajv get ruleId "schema.<keyword>" and an
 * API-style code (see schemaFindings.ts).
 */
import Ajv, { ValidateFunction } from 'ajv';
import { ANNOTATION_KEYWORDS } from './keywords';
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
