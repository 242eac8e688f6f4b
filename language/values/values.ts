/**
 * Typed reads of a document's plain value. Rules run on whatever the user typed, so every read checks the
 * type and returns undefined for anything else; the schema reports wrong types, the rules stay quiet about them.
 */

/** A JSON object as parsed from the document. */
export type Params = Record<string, unknown>;

/** True for a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object under `key`, if it is one. */
export function recordAt(parent: Params | undefined, key: string): Params | undefined {
  const value = parent?.[key];
  return isRecord(value) ? value : undefined;
}

/** The string under `key`, if it is one. */
export function stringAt(parent: Params | undefined, key: string): string | undefined {
  const value = parent?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The array under `key`, if it is one. */
export function arrayAt(parent: Params | undefined, key: string): unknown[] | undefined {
  const value = parent?.[key];
  return Array.isArray(value) ? value : undefined;
}

/** True when `key` is present with any value other than undefined. */
export function has(parent: Params | undefined, key: string): boolean {
  return parent !== undefined && Object.prototype.hasOwnProperty.call(parent, key) && parent[key] !== undefined;
}
