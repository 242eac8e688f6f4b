/**
 * Validates a document's plain value (no positions) against its action's schema and the business rules.
 * Used by the emulator and anything else that has parameters but no text; the editor maps the same findings
 * to ranges. Findings from ajv get ruleId "schema.<keyword>" and an API-style code.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { ANNOTATION_KEYWORDS } from '../schema/keywords';
import { runRules } from '../rules/engine';
import type { JsonPath, RuleFinding } from '../rules/types';
import createSchema from '../../schemas/CreateVpnConnection.schema.json';
import modifySchema from '../../schemas/ModifyVpnConnectionAttribute.schema.json';
import deleteSchema from '../../schemas/DeleteVpnConnection.schema.json';
import resetSchema from '../../schemas/ResetVpnConnection.schema.json';

export const ACTION_SCHEMAS: Record<string, object> = {
  CreateVpnConnection: createSchema,
  ModifyVpnConnectionAttribute: modifySchema,
  DeleteVpnConnection: deleteSchema,
  ResetVpnConnection: resetSchema,
};
export const DEFAULT_ACTION = 'CreateVpnConnection';

const validators = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

/** The compiled validator of an action's schema, compiled once per process. */
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

/** The action a document value names with its "Action" key, else CreateVpnConnection. */
export function actionOf(value: unknown): string {
  const action = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).Action : undefined;
  return typeof action === 'string' && ACTION_SCHEMAS[action] ? action : DEFAULT_ACTION;
}

/** Splits an ajv instancePath ("/Tags/0/Key") into a JSON path, array indexes as numbers. */
export function pathOf(instancePath: string): JsonPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const CODE_BY_KEYWORD: Record<string, string> = {
  required: 'MissingParameter',
  additionalProperties: 'UnknownParameter',
  type: 'InvalidParameter',
  maxLength: 'InvalidParameterValue.TooLong',
};

function schemaFinding(error: ErrorObject): RuleFinding {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') path.push(String(params.additionalProperty));
  if (error.keyword === 'required') path.push(String(params.missingProperty));
  const target = error.keyword === 'additionalProperties' ? 'key' : error.keyword === 'required' ? 'object' : 'value';
  const where = path.join('.') || '(document)';
  return {
    ruleId: `schema.${error.keyword}`,
    code: CODE_BY_KEYWORD[error.keyword] ?? 'InvalidParameterValue',
    severity: 'error',
    message: { en: `${where}: ${error.message ?? error.keyword}`, zh: `${where}：${error.message ?? error.keyword}` },
    path,
    target,
  };
}

/** Every schema and rule finding for one document value, as the API would see it. */
export function validateParams(value: unknown, action = actionOf(value)): RuleFinding[] {
  const validate = validatorFor(action);
  if (!validate) return [];
  const findings = validate(value) ? [] : (validate.errors ?? []).map(schemaFinding);
  return [...findings, ...runRules(value, { action })];
}
