/**
 * Request values as terraform attribute values, by the attribute's type (terraformAttributes.ts), and the
 * resource name a connection's name gives. A value of the wrong type cannot be expressed: the caller names it as
 * unsupported rather than guess (a file with schema errors never gets here from the CLI or the editor).
 */
import type { HclValue } from './hcl';
import type { TerraformType } from './terraformAttributes';

/** The terraform value of a request value, or undefined when the attribute's type cannot hold it. */
export function terraformValue(value: unknown, type: TerraformType): HclValue | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'number':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
    case 'intString':
      // Only the canonical form: "030" would come back from terraform as "30", a different request.
      return typeof value === 'string' && /^(0|[1-9]\d{0,14})$/.test(value) ? Number(value) : undefined;
    case 'list(string)':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...value] : undefined;
  }
}

/**
 * A terraform resource name from the connection's name: lower case, every run of other characters an underscore
 * (terraform names hold letters, digits, `_` and `-`, and start with a letter or `_`), `vpn_connection` when
 * nothing is left.
 */
export function terraformName(connectionName: unknown): string {
  const text = typeof connectionName === 'string' ? connectionName : '';
  const base = text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
  if (!base) return 'vpn_connection';
  return /^[a-z_]/.test(base) ? base : `vpn_${base}`;
}

/** True for a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
