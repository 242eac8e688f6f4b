/**
 * The Markdown that explains a parameter, shared by hover and completion: its documentation in the user's
 * language, type, required or optional, limits, allowed values with their meanings, an example, and a link to
 * the API page.
 */
import type { Lang } from '../types';
import { docOf, type JsonSchema } from './schemaLookup';

const TEXT = {
  required: { en: 'required', zh: '必填' },
  optional: { en: 'optional', zh: '选填' },
  type: { en: 'Type', zh: '类型' },
  allowed: { en: 'Allowed values', zh: '可选值' },
  example: { en: 'Example', zh: '示例' },
  default: { en: 'Default', zh: '默认值' },
  length: { en: 'Length', zh: '长度' },
  range: { en: 'Range', zh: '取值范围' },
  api: { en: 'API reference', zh: 'API 文档' },
};

/** "string", "integer", "array of string", "object (IKEOptionsSpecification)". */
export function typeLabel(schema: JsonSchema): string {
  if (schema.type === 'array') return `array of ${schema.items?.type ?? 'value'}`;
  return schema.type ?? 'value';
}

function limits(schema: JsonSchema, lang: Lang): string[] {
  const lines: string[] = [];
  if (schema.minLength !== undefined || schema.maxLength !== undefined)
    lines.push(`${TEXT.length[lang]}: ${schema.minLength ?? 0}–${schema.maxLength ?? '∞'}`);
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    lines.push(`${TEXT.range[lang]}: ${schema.minimum ?? '-∞'}–${schema.maximum ?? '∞'}`);
  if (schema.default !== undefined) lines.push(`${TEXT.default[lang]}: \`${JSON.stringify(schema.default)}\``);
  return lines;
}

/** The allowed values as a Markdown list with their meanings. */
export function allowedValues(schema: JsonSchema, lang: Lang): string {
  const meanings = (lang === 'zh' ? schema['x-enum-descriptions-zh'] : schema.enumDescriptions) ?? [];
  return (schema.enum ?? [])
    .map((value, i) => `- \`${JSON.stringify(value)}\`${meanings[i] ? ` — ${meanings[i]}` : ''}`)
    .join('\n');
}

/** The full explanation of the parameter `name` (schema `schema`) of an action whose root schema is `root`. */
export function describeParameter(
  name: string,
  schema: JsonSchema,
  required: boolean,
  lang: Lang,
  root: JsonSchema,
): string {
  const sections: string[] = [
    `**${name}** · \`${typeLabel(schema)}\` · ${required ? TEXT.required[lang] : TEXT.optional[lang]}`,
  ];
  const doc = docOf(schema, lang).trim();
  if (doc) sections.push(doc);
  const limitLines = limits(schema, lang);
  if (limitLines.length) sections.push(limitLines.join('  \n'));
  if (schema.enum?.length) sections.push(`${TEXT.allowed[lang]}:\n${allowedValues(schema, lang)}`);
  if (schema.examples?.length) sections.push(`${TEXT.example[lang]}: \`${JSON.stringify(schema.examples[0])}\``);
  const url = root['x-doc-url']?.[lang];
  if (url) sections.push(`[${TEXT.api[lang]}: ${String(root.title ?? '')}](${url})`);
  return sections.join('\n\n');
}
