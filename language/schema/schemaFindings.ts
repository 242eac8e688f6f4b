/**
 * Turns ajv errors into findings users can act on: one per problem (ajv repeats itself with allErrors), a stable
 * code per kind, a message in Chinese and English, and a fix when the intent is certain.
 */
import type { ErrorObject } from 'ajv';
import type { JsonPath, RuleFinding, Target } from '../types';
import type { ErrorContext } from './errorContext';
import { schemaAtPath, type JsonSchema } from './schemaLookup';
import { schemaMessage, pathLabel } from './schemaMessages';
import { schemaFixes } from './schemaFixes';

/** The API-style code of each kind of schema problem; stable, users may silence them. */
export const CODE_BY_KEYWORD: Record<string, string> = {
  required: 'MissingParameter',
  additionalProperties: 'UnknownParameter',
  type: 'InvalidParameter',
  enum: 'InvalidParameterValue',
  maxLength: 'InvalidParameterValue.TooLong',
  minLength: 'InvalidParameterValue.Empty',
  minimum: 'InvalidParameterValue.Range',
  maximum: 'InvalidParameterValue.Range',
  pattern: 'InvalidParameterValue.Malformed',
};

const TARGET_BY_KEYWORD: Record<string, Target> = { additionalProperties: 'key', required: 'object' };

/** Splits an ajv instancePath ("/Tags/0/Key") into a JSON path, array indexes as numbers. */
export function pathOf(instancePath: string): JsonPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The path an error is about: the offending key itself for unknown and missing properties. */
function findingPath(error: ErrorObject): JsonPath {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') path.push(String(params.additionalProperty));
  if (error.keyword === 'required') path.push(String(params.missingProperty));
  return path;
}

/** Findings for one document's ajv errors, deduplicated, with messages and certain fixes. */
export function schemaFindingsOf(errors: readonly ErrorObject[], value: unknown, root: JsonSchema): RuleFinding[] {
  const findings = new Map<string, RuleFinding>();
  const typeErrors = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const error of errors) {
    // A value of the wrong type also fails its enum; the type error alone says what is wrong.
    if (error.keyword === 'enum' && typeErrors.has(error.instancePath)) continue;
    // `if` only says its branch failed; the branch's own error (a missing PreShareKey) says what.
    if (error.keyword === 'if') continue;
    const path = findingPath(error);
    const id = `${error.keyword}:${JSON.stringify(path)}`;
    if (!findings.has(id)) findings.set(id, findingOf(error, path, value, root));
  }
  return [...findings.values()];
}

function findingOf(error: ErrorObject, path: JsonPath, value: unknown, root: JsonSchema): RuleFinding {
  const parentPath = path.slice(0, -1);
  const keyPath = error.keyword === 'additionalProperties' || error.keyword === 'required' ? parentPath : path;
  const context: ErrorContext = {
    keyword: error.keyword,
    params: error.params as Record<string, unknown>,
    path,
    value: valueAt(value, keyPath),
    schema: schemaAtPath(root, keyPath),
    root,
  };
  const fixes = schemaFixes(context);
  return {
    ruleId: `schema.${error.keyword}`,
    code: CODE_BY_KEYWORD[error.keyword] ?? 'InvalidParameterValue',
    severity: 'error',
    message: schemaMessage(context, fixes, error.message ?? error.keyword, pathLabel(path)),
    path,
    target: TARGET_BY_KEYWORD[error.keyword] ?? 'value',
    docUrl: root['x-doc-url']?.en,
    ...(fixes.length ? { fixes } : {}),
  };
}

/** The plain value at a path, or undefined. */
export function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
