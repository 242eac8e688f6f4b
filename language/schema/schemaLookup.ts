/**
 * Reads the generated JSON Schemas: which schema applies at a path, and the annotations (docs in two languages,
 * enum meanings, examples) that completion, hover and the diagnostics' messages show.
 */
import type { JsonPath, Lang } from '../types';
import { ACTION_SCHEMAS, DEFAULT_ACTION } from './actionSchemas';

/** The subset of JSON Schema (plus our x-* annotations) the generated schemas use. */
export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  /** A create file's conditional requirement: `else.required` applies when the file names no tunnel. */
  if?: { required?: string[] };
  else?: { required?: string[] };
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: unknown[];
  enumDescriptions?: string[];
  'x-enum-descriptions-zh'?: string[];
  'x-doc-zh'?: string;
  'x-doc-en'?: string | null;
  'x-doc-url'?: { zh: string; en: string };
  'x-en-fallback'?: boolean;
  examples?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/**
 * The properties a new value of this schema must have: `required`, plus what the create file requires when it
 * names no existing tunnel (the pre-shared key: see the `if`/`else` of CreateVpnConnection.schema.json).
 */
export function requiredOf(schema: JsonSchema | undefined): string[] {
  return [...(schema?.required ?? []), ...(schema?.else?.required ?? [])];
}

/** Properties the API hides (CreateVpnConnection's Route); never offered, even if a schema still listed them. */
export const HIDDEN_PROPERTIES = new Set(['Route']);

/**
 * Parameters with two valid spellings: the spelling completion leaves out, mapped to the one it offers. Both are
 * valid input (schemas/source/NOTES.md, "Gotchas in the spec"), and one object may hold only one of them.
 * `IntegrityAlgorith` (sic) is the one offered rather than the corrected `IntegrityAlgorithm` that the current SDK
 * and tccli document: it is the spelling the API returns in DescribeVpnConnections and that terraform and every
 * official example send, so a file stays consistent with what import/plan round-trips and with what the service
 * is known to read. The corrected spelling stays valid; it is just not offered.
 */
export const UNOFFERED_SPELLINGS: ReadonlyMap<string, string> = new Map([['IntegrityAlgorithm', 'IntegrityAlgorith']]);

/** Every valid spelling of a parameter name: the name itself and, for a spelling pair, the other one. */
export function spellingsOf(name: string): string[] {
  const offered = UNOFFERED_SPELLINGS.get(name) ?? name;
  const others = [...UNOFFERED_SPELLINGS].filter(([, to]) => to === offered).map(([from]) => from);
  return [offered, ...others];
}

/** The root schema of an action (CreateVpnConnection when unknown). */
export function rootSchemaOf(action: string): JsonSchema {
  return (ACTION_SCHEMAS[action] ?? ACTION_SCHEMAS[DEFAULT_ACTION]) as JsonSchema;
}

/** The schema that describes the value at `path`, or undefined when the path leaves the schema. */
export function schemaAtPath(root: JsonSchema, path: JsonPath): JsonSchema | undefined {
  let schema: JsonSchema | undefined = root;
  for (const segment of path) {
    if (!schema) return undefined;
    schema = typeof segment === 'number' ? schema.items : schema.properties?.[segment];
  }
  return schema;
}

/** The parameter's documentation in the wanted language (English falls back to the description). */
export function docOf(schema: JsonSchema, lang: Lang): string {
  if (lang === 'zh') return schema['x-doc-zh'] ?? schema.description ?? '';
  return schema['x-doc-en'] ?? schema.description ?? schema['x-doc-zh'] ?? '';
}

/** What an enum value means, in the wanted language, or undefined. */
export function enumMeaning(schema: JsonSchema, value: unknown, lang: Lang): string | undefined {
  const index = schema.enum?.indexOf(value) ?? -1;
  if (index < 0) return undefined;
  return (lang === 'zh' ? schema['x-enum-descriptions-zh'] : schema.enumDescriptions)?.[index];
}

/** A value that fits the schema, for placeholders: the first example, else the default, else an empty value. */
export function sampleValue(schema: JsonSchema | undefined): unknown {
  if (!schema) return '';
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  return emptyValueOf(schema.type);
}

/** The empty value of a JSON type: "" for strings, 0, false, {} or []. */
export function emptyValueOf(type: string | undefined): unknown {
  switch (type) {
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'object':
      return {};
    case 'array':
      return [];
    default:
      return '';
  }
}

/** The property names of an object schema that are offered: without the hidden ones and unoffered spellings. */
export function visibleProperties(schema: JsonSchema | undefined): string[] {
  return Object.keys(schema?.properties ?? {}).filter(
    (name) => !HIDDEN_PROPERTIES.has(name) && !UNOFFERED_SPELLINGS.has(name),
  );
}

/**
 * A complete sample of a value for snippets: the schema's example, else for an object its required properties
 * (all of them when there are three or fewer) filled in the same way, else a scalar sample.
 */
export function structuredSample(schema: JsonSchema | undefined): unknown {
  if (!schema || schema.examples?.length || schema.type !== 'object') return sampleValue(schema);
  const names = visibleProperties(schema);
  const chosen = names.length <= 3 ? names : names.filter((name) => requiredOf(schema).includes(name));
  return Object.fromEntries(chosen.map((name) => [name, structuredSample(schema.properties![name])]));
}
