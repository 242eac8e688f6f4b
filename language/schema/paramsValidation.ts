/**
 * Validates a document's plain value (no positions) against its action's schema; the business rules are the
 * rules' own step, and features/findings.ts merges both. Findings from ajv get ruleId "schema.<keyword>" and an
 * API-style code (see schemaFindings.ts). The validators are ajv standalone code generated ahead of time
 * (generated/, by scripts/generate-schemas.ts): nothing is compiled at run time, and an action's module is loaded
 * on its first use only.
 */
import type { ValidateFunction } from 'ajv';
import type { RuleFinding } from '../types';
import { ACTION_SCHEMAS, DEFAULT_ACTION, actionOf } from './actionSchemas';
import { pathOf, schemaFindingsOf } from './schemaFindings';
import type { JsonSchema } from './schemaLookup';

export { ACTION_SCHEMAS, DEFAULT_ACTION, actionOf, pathOf };

/**
 * Loads one action's generated validator: a `require` per action, so a process (or a bundle, which keeps each
 * module behind its require) runs only the code of the actions it validates. `typeof import` holds each path to
 * a generated file.
 */
const VALIDATOR_LOADERS: Record<string, () => ValidateFunction> = {
  CreateVpnConnection: () =>
    require('./generated/CreateVpnConnection.validate') as typeof import('./generated/CreateVpnConnection.validate'),
  ModifyVpnConnectionAttribute: () =>
    require('./generated/ModifyVpnConnectionAttribute.validate') as typeof import('./generated/ModifyVpnConnectionAttribute.validate'),
  DeleteVpnConnection: () =>
    require('./generated/DeleteVpnConnection.validate') as typeof import('./generated/DeleteVpnConnection.validate'),
  ResetVpnConnection: () =>
    require('./generated/ResetVpnConnection.validate') as typeof import('./generated/ResetVpnConnection.validate'),
};

const validators = new Map<string, ValidateFunction>();

/** The generated validator of an action's schema, loaded once per process (on first use, not at start-up). */
export function validatorFor(action: string): ValidateFunction | undefined {
  if (!ACTION_SCHEMAS[action] || !Object.hasOwn(VALIDATOR_LOADERS, action)) return undefined;
  let validate = validators.get(action);
  if (!validate) {
    validate = VALIDATOR_LOADERS[action]();
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
