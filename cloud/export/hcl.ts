/**
 * A small HCL (terraform) writer: quoted strings escaped so that any text reads back as itself (quotes,
 * backslashes, control characters, and the `${` / `%{` template openers), attribute values, blocks, and comments
 * that cannot be broken out of. Attributes in a run are aligned on `=` the way `terraform fmt` does.
 */
import { singleLine } from './singleLine';

/** An attribute, a nested block or a comment line inside a block body. */
export type HclItem =
  | { kind: 'attribute'; name: string; value: HclValue }
  | { kind: 'block'; type: string; labels: string[]; body: HclItem[] }
  | { kind: 'comment'; text: string };

/** A block: `type "label" … { body }`. */
export type HclBlock = Extract<HclItem, { kind: 'block' }>;

/** A value as written: a literal, a list of strings, a map of strings, or a reference such as `var.x`. */
export type HclValue = string | number | boolean | string[] | { map: [string, string][] } | { reference: string };

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A quoted HCL string literal holding exactly `text`. */
export function hclString(text: string): string {
  const escaped = text
    .replace(/["\\\n\r\t]/g, (char) => ESCAPES[char])
    // Other control characters, and the line and paragraph separators, as \uNNNN.
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, singleLine)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

/** The lines of a value; more than one for a map. */
function valueLines(value: HclValue, indent: string): string[] {
  if (typeof value === 'string') return [hclString(value)];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return [`[${value.map(hclString).join(', ')}]`];
  if ('reference' in value) return [value.reference];
  if (!value.map.length) return ['{}'];
  const width = Math.max(...value.map.map(([key]) => hclString(key).length));
  const entries = value.map.map(([key, item]) => `${indent}  ${hclString(key).padEnd(width)} = ${hclString(item)}`);
  return ['{', ...entries, `${indent}}`];
}

/** A run of consecutive single-line attributes, aligned on `=`. */
function attributeRun(run: { name: string; lines: string[] }[], indent: string): string[] {
  const width = Math.max(...run.filter((item) => item.lines.length === 1).map((item) => item.name.length), 0);
  return run.flatMap(({ name, lines }) => {
    const key = lines.length === 1 ? name.padEnd(width) : name;
    return [`${indent}${key} = ${lines[0]}`, ...lines.slice(1)];
  });
}

/** The lines of a block body at `indent`. */
export function bodyLines(items: readonly HclItem[], indent: string): string[] {
  const out: string[] = [];
  let run: { name: string; lines: string[] }[] = [];
  const flush = () => {
    out.push(...attributeRun(run, indent));
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'attribute') {
      const lines = valueLines(item.value, indent);
      // A multi-line value ends the run it closes, as terraform fmt aligns only what sits on one line each.
      run.push({ name: item.name, lines });
      if (lines.length > 1) flush();
      continue;
    }
    flush();
    if (item.kind === 'comment') out.push(`${indent}# ${singleLine(item.text)}`);
    else out.push(...blockLines(item, indent));
  }
  flush();
  return out;
}

/** A block with its labels and body. */
export function blockLines(block: HclBlock, indent = ''): string[] {
  const head = [block.type, ...block.labels.map(hclString)].join(' ');
  return [`${indent}${head} {`, ...bodyLines(block.body, `${indent}  `), `${indent}}`];
}
