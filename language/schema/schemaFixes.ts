/**
 * Fixes for schema problems whose intent is certain: a known value in the wrong case, one typo away or written
 * the way another vendor spells the algorithm (similarity.ts), a key one typo away from a known one, a missing
 * required key (added with the schema's example), and a number written as a string or the other way round (the
 * DpdTimeout / DpdEnable trap). Suggested values are always values the schema allows.
 */
import type { SemanticFix } from '../types';
import type { ErrorContext } from './errorContext';
import { closestMatch, closestValue } from './similarity';
import { sampleValue, visibleProperties, type JsonSchema } from './schemaLookup';

/** The fixes for one ajv error, possibly none. */
export function schemaFixes(context: ErrorContext): SemanticFix[] {
  switch (context.keyword) {
    case 'enum':
      return enumFix(context);
    case 'additionalProperties':
      return renameFix(context);
    case 'required':
      return requiredFix(context);
    case 'type':
      return typeFix(context);
    default:
      return [];
  }
}

function enumFix({ path, value, schema }: ErrorContext): SemanticFix[] {
  const match = typeof value === 'string' ? allowedValueFor(value, schema) : undefined;
  if (!match) return [];
  return [{ kind: 'setValue', path, value: match, title: { en: `Change to "${match}"`, zh: `改为 "${match}"` } }];
}

/** The allowed string value of an enum schema that `text` most likely meant, or undefined. */
function allowedValueFor(text: string, schema: JsonSchema | undefined): string | undefined {
  return closestValue(
    text,
    (schema?.enum ?? []).filter((v): v is string => typeof v === 'string'),
  );
}

function renameFix({ path, value, schema }: ErrorContext): SemanticFix[] {
  const key = String(path[path.length - 1]);
  // Ask the object about each known name rather than listing its keys: an object with 100,000 unknown keys gets
  // 100,000 of these errors, and listing its keys for each would be quadratic.
  const present = (name: string) =>
    !!value && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, name);
  const match = closestMatch(
    key,
    visibleProperties(schema).filter((name) => !present(name)),
  );
  if (!match) return [];
  return [
    {
      kind: 'renameKey',
      path,
      newKey: match,
      title: { en: `Rename "${key}" to "${match}"`, zh: `将 "${key}" 改名为 "${match}"` },
    },
  ];
}

function requiredFix({ path, schema }: ErrorContext): SemanticFix[] {
  const key = String(path[path.length - 1]);
  const properties = { [key]: sampleValue(schema?.properties?.[key]) };
  return [
    { kind: 'addProperties', path: path.slice(0, -1), properties, title: { en: `Add "${key}"`, zh: `添加 "${key}"` } },
  ];
}

function typeFix({ path, value, schema }: ErrorContext): SemanticFix[] {
  const converted = enumAware(convertType(value, schema?.type), schema);
  if (converted === undefined) return [];
  const shown = JSON.stringify(converted);
  return [{ kind: 'setValue', path, value: converted, title: { en: `Change to ${shown}`, zh: `改为 ${shown}` } }];
}

/** For an enum, the allowed value a converted one names (`DhGroupName: 14` → "GROUP14"), else no fix at all. */
function enumAware(converted: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema?.enum || converted === undefined || schema.enum.includes(converted)) return converted;
  return typeof converted === 'string' ? allowedValueFor(converted, schema) : undefined;
}

/** The same value in the expected type, when the conversion loses nothing. */
function convertType(value: unknown, type: string | undefined): unknown {
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  if ((type === 'integer' || type === 'number') && typeof value === 'string' && /^-?\d+$/.test(value.trim()))
    return Number(value.trim());
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return undefined;
}
