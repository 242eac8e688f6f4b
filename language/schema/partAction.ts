/**
 * Which API action a document describes: its "Action" key, else the schema it names, else CreateVpnConnection.
 */
import { ACTION_SCHEMAS, DEFAULT_ACTION } from './actionSchemas';
import { actionOfSchemaRef, declaredSchema } from '../parsing/documentKind';
import type { ParsedPart } from '../parsing/tree';

/** The action of one document of a file (each YAML document may name its own). */
export function actionOfPart(part: ParsedPart, text: string, kind: 'json' | 'yaml'): string {
  const value = part.value as Record<string, unknown> | undefined;
  const named = value && typeof value === 'object' && !Array.isArray(value) ? value.Action : undefined;
  if (typeof named === 'string' && ACTION_SCHEMAS[named]) return named;
  const schemaRef = value && typeof value === 'object' ? value.$schema : undefined;
  const fromSchema = actionOfSchemaRef(
    typeof schemaRef === 'string' ? schemaRef : part.index === 0 ? declaredSchema(text, kind) : undefined,
  );
  return fromSchema ?? DEFAULT_ACTION;
}
