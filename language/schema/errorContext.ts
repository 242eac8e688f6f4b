/**
 * What the message and fix builders know about one ajv error. It has its own module so that schemaFindings.ts
 * (which builds it) and schemaMessages.ts / schemaFixes.ts (which read it) depend on it, not on each other.
 */
import type { JsonPath } from '../types';
import type { JsonSchema } from './schemaLookup';

/** What a message or fix builder knows about one error. */
export interface ErrorContext {
  keyword: string;
  params: Record<string, unknown>;
  /** The finding's path (including the unknown or missing key). */
  path: JsonPath;
  /** For unknown/missing keys the containing object, else the offending value. */
  value: unknown;
  /** The schema at the same place as `value`. */
  schema?: JsonSchema;
  root: JsonSchema;
}
