/**
 * Renders sample values as snippet text in JSON or YAML: every scalar leaf becomes a tab stop, string enums a
 * choice, and nested objects and lists are laid out with the file's indentation. YAML scalars are quoted
 * whenever YAML would read them as something else ("30", NULL, true).
 */
import { stringify as yamlStringify } from 'yaml';
import { requiredOf, type JsonSchema } from '../schema/schemaLookup';

/** Escapes text for use inside a snippet placeholder. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes text for a choice element, where "," and "|" are special too. */
function escapeChoice(text: string): string {
  return text.replace(/[\\$},|]/g, '\\$&');
}

/** How YAML should spell a scalar so that it reads back as the same value. */
export function yamlScalar(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return yamlStringify(value, { lineWidth: 0 }).trimEnd();
}

export interface SnippetStyle {
  kind: 'json' | 'yaml';
  /** Column of the first line's content; later lines are indented from here. */
  baseIndent: string;
  unit: string;
}

/** Numbers tab stops in order; `$0` is left to the client. */
export class SnippetWriter {
  private stop = 1;
  constructor(readonly style: SnippetStyle) {}

  /** A scalar as a tab stop (or a choice for enums), spelt for the file's language. */
  scalar(value: unknown, schema: JsonSchema | undefined): string {
    const spell = (v: unknown) => (this.style.kind === 'json' ? JSON.stringify(v) : yamlScalar(v));
    const values = schema?.enum;
    if (values && values.length > 1 && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      const ordered = [value, ...values.filter((v) => v !== value)];
      return `\${${this.stop++}|${ordered.map((v) => escapeChoice(spell(v))).join(',')}|}`;
    }
    if (typeof value === 'boolean') return `\${${this.stop++}|${value},${!value}|}`;
    const text = spell(value);
    if (typeof value === 'string' && this.style.kind === 'json')
      return `"\${${this.stop++}:${escapeSnippet(text.slice(1, -1))}}"`;
    return `\${${this.stop++}:${escapeSnippet(text)}}`;
  }

  /** A whole value at nesting `depth` below the base indentation. */
  value(value: unknown, schema: JsonSchema | undefined, depth: number): string {
    if (Array.isArray(value))
      return this.style.kind === 'json' ? this.jsonArray(value, schema, depth) : this.yamlArray(value, schema, depth);
    if (value && typeof value === 'object')
      return this.style.kind === 'json'
        ? this.jsonObject(value as Record<string, unknown>, schema, depth)
        : this.yamlObject(value as Record<string, unknown>, schema, depth);
    return this.scalar(value, schema);
  }

  private indent(depth: number): string {
    return this.style.baseIndent + this.style.unit.repeat(depth);
  }

  private jsonObject(value: Record<string, unknown>, schema: JsonSchema | undefined, depth: number): string {
    const keys = orderedKeys(value, schema);
    if (!keys.length) return `{$${this.stop++}}`;
    const lines = keys.map(
      (key) =>
        `${this.indent(depth + 1)}"${escapeSnippet(key)}": ${this.value(value[key], schema?.properties?.[key], depth + 1)}`,
    );
    return `{\n${lines.join(',\n')}\n${this.indent(depth)}}`;
  }

  private jsonArray(value: unknown[], schema: JsonSchema | undefined, depth: number): string {
    if (!value.length) return `[$${this.stop++}]`;
    const lines = value.map((item) => `${this.indent(depth + 1)}${this.value(item, schema?.items, depth + 1)}`);
    return `[\n${lines.join(',\n')}\n${this.indent(depth)}]`;
  }

  /** A block mapping's entries, each on its own line at `depth` (the caller places the first line). */
  yamlEntries(value: Record<string, unknown>, schema: JsonSchema | undefined, depth: number): string[] {
    return orderedKeys(value, schema).map(
      (key) => `${escapeSnippet(key)}:${this.yamlAfterKey(value[key], schema?.properties?.[key], depth)}`,
    );
  }

  private yamlAfterKey(value: unknown, schema: JsonSchema | undefined, depth: number): string {
    const isBlock =
      (Array.isArray(value) && value.length > 0) ||
      (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0);
    return isBlock
      ? `\n${this.indent(depth + 1)}${this.value(value, schema, depth + 1)}`
      : ` ${this.value(value, schema, depth + 1)}`;
  }

  private yamlObject(value: Record<string, unknown>, schema: JsonSchema | undefined, depth: number): string {
    const entries = this.yamlEntries(value, schema, depth);
    return entries.length ? entries.join(`\n${this.indent(depth)}`) : `{$${this.stop++}}`;
  }

  private yamlArray(value: unknown[], schema: JsonSchema | undefined, depth: number): string {
    if (!value.length) return `[$${this.stop++}]`;
    // An item's own entries continue two columns right of its dash, which is one YAML unit (always 2 spaces).
    const items = value.map((item) => `- ${this.value(item, schema?.items, depth + 1)}`);
    return items.join(`\n${this.indent(depth)}`);
  }
}

/** The keys of a sample object in the schema's order (required ones first), hidden keys left out. */
function orderedKeys(value: Record<string, unknown>, schema: JsonSchema | undefined): string[] {
  const known = Object.keys(schema?.properties ?? {});
  const required = new Set(requiredOf(schema));
  const rank = (key: string) => (required.has(key) ? 0 : 1) * 1000 + (known.includes(key) ? known.indexOf(key) : 999);
  return Object.keys(value).sort((a, b) => rank(a) - rank(b));
}
