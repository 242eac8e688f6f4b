/**
 * Generates one JSON Schema (draft-07) per action input in `schemas/` from the API reference data copied into
 * `schemas/source/`: the spec (`vpc-2017-03-12.vpn.json`), the business rules (`validation-rules.json`, which
 * hold the complete allowed values, ranges and lengths), the regions, and our own zh/en descriptions of enum values.
 *
 *   npx tsx scripts/generate-schemas.ts          write schemas/*.schema.json and schemas/index.json
 *   npx tsx scripts/generate-schemas.ts --check  exit 1 when the committed files differ from a fresh generation
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const SOURCE = join(ROOT, 'schemas', 'source');
export const SCHEMA_ACTIONS = [
  'CreateVpnConnection',
  'ModifyVpnConnectionAttribute',
  'DeleteVpnConnection',
  'ResetVpnConnection',
] as const;
export const API_VERSION = '2017-03-12';
/** Fields the API still takes but must never be offered or accepted from a file (schemas/source/NOTES.md §2). */
const HIDDEN_FIELDS = new Set(['CreateVpnConnectionRequest.Route', 'IPSECOptionsSpecification.IntegrityAlgorithm']);

interface SpecMember {
  name: string;
  type: 'string' | 'int' | 'bool' | 'float' | 'list' | 'object';
  member: string;
  required?: boolean;
  disabled?: boolean;
  example?: string;
  doc_zh?: string;
  doc_en?: string | null;
  en_absent?: boolean;
  enum?: { value: string; desc_zh?: string }[];
  default?: string;
}
interface SpecObject {
  doc_zh?: string;
  doc_en?: string | null;
  members: SpecMember[];
}
interface SpecAction {
  doc_zh: string;
  doc_en: string | null;
  input: string;
  async?: boolean;
  examples: { input: string }[];
}
interface Spec {
  actions: Record<string, SpecAction>;
  objects: Record<string, SpecObject>;
}
interface Rule {
  id: string;
  fields: string[] | Record<string, string>;
  constraint: Record<string, unknown>;
}
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(SOURCE, name), 'utf8')) as T;
}

/** Extracts the JSON body (or the query string, as an object) of an official example's raw HTTP request. */
export function exampleParams(rawRequest: string): Record<string, unknown> {
  const blank = rawRequest.indexOf('\n\n');
  if (blank >= 0) return JSON.parse(rawRequest.slice(blank + 2)) as Record<string, unknown>;
  const query = new URL(rawRequest.trim()).searchParams;
  const params: Record<string, unknown> = {};
  for (const [key, value] of query) if (key !== 'Action' && key !== 'Version') params[key] = value;
  return params;
}

/** Applies the rules' allowed values, ranges, lengths and defaults, keyed by "Object.Member" ("*.Member" for all). */
function collectRuleConstraints(rules: Rule[]): Map<string, { rule: string; c: Record<string, unknown> }[]> {
  const byField = new Map<string, { rule: string; c: Record<string, unknown> }[]>();
  for (const rule of rules) {
    if (!Array.isArray(rule.fields)) continue;
    for (const field of rule.fields) {
      const parts = field.split('.');
      const memberName = parts[parts.length - 1];
      const owner = parts.length === 1 ? '*' : /^[A-Z]\w+Specification$|^[A-Z]\w+Config$/.test(parts[0]) ? parts[0] : `${parts[0]}Request`;
      // A rule that lists several fields may key a constraint per field ("DpdEnable": {...}, or "Name (note)": {...}).
      const nestedKey = Object.keys(rule.constraint).find((k) => k === memberName || k.startsWith(`${memberName} `));
      const nested = nestedKey ? rule.constraint[nestedKey] : undefined;
      const c = nested && typeof nested === 'object' ? (nested as Record<string, unknown>) : rule.constraint;
      const key = `${owner}.${memberName}`;
      byField.set(key, [...(byField.get(key) ?? []), { rule: rule.id, c }]);
    }
  }
  return byField;
}

function typed(member: SpecMember, raw: unknown): Json | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (member.type === 'int' || member.type === 'float') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
  }
  if (member.type === 'bool') return raw === true || String(raw).toLowerCase() === 'true';
  if (member.type === 'list' && typeof raw === 'string') {
    const text = raw.trim();
    return text.startsWith('[') ? (JSON.parse(text.replace(/'/g, '"')) as Json) : [text];
  }
  return typeof raw === 'string' ? raw : (raw as Json);
}

class SchemaBuilder {
  private readonly constraints: ReturnType<typeof collectRuleConstraints>;

  constructor(
    private readonly spec: Spec,
    rules: Rule[],
    private readonly enumText: Record<string, Record<string, { zh: string; en: string }>>,
  ) {
    this.constraints = collectRuleConstraints(rules);
  }

  /** The schema of one action's input object, with document meta keys (Action, Version, Region, $schema). */
  action(name: string, regions: { region: string; name_zh: string; name_en: string; legacy?: boolean }[]): Schema {
    const action = this.spec.actions[name];
    const body = this.object(action.input, exampleParams(action.examples[0].input));
    const docUrl = (site: string) => `https://${site}/api/explorer?Product=vpc&Version=${API_VERSION}&Action=${name}`;
    const meta: Record<string, Schema> = {
      $schema: { type: 'string', description: 'Names this schema; the extension ignores it when submitting.', 'x-doc-zh': '指定本文件使用的JSON Schema；提交时忽略。', 'x-doc-en': 'Names this schema; ignored when submitting.' },
      Action: { type: 'string', enum: [name], description: `The API action this file describes (${name}).`, 'x-doc-zh': `本文件描述的API操作（${name}）。`, 'x-doc-en': `The API action this file describes (${name}).` },
      Version: { type: 'string', enum: [API_VERSION], description: 'The API version.', 'x-doc-zh': 'API版本。', 'x-doc-en': 'The API version.' },
      Region: {
        type: 'string',
        enum: regions.map((r) => r.region),
        enumDescriptions: regions.map((r) => r.name_en + (r.legacy ? ' (legacy, may be retired)' : '')),
        'x-enum-descriptions-zh': regions.map((r) => r.name_zh + (r.legacy ? '（旧地域，可能已下线）' : '')),
        description: 'The region to send the request to (the X-TC-Region header); defaults to the extension setting.',
        'x-doc-zh': '请求发往的地域（X-TC-Region 公共参数）；缺省时使用扩展设置。',
        'x-doc-en': 'The region to send the request to (the X-TC-Region header); defaults to the extension setting.',
      },
    };
    return {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: schemaId(name),
      title: name,
      description: action.doc_en ?? action.doc_zh,
      'x-doc-zh': action.doc_zh,
      'x-doc-en': action.doc_en,
      'x-doc-url': { zh: docUrl('console.cloud.tencent.com'), en: docUrl('console.tencentcloud.com') },
      'x-action': name,
      'x-version': API_VERSION,
      'x-async': Boolean(action.async),
      ...body,
      properties: { ...meta, ...(body.properties as Record<string, Schema>) },
    };
  }

  private object(objectName: string, example?: Record<string, unknown>): Schema {
    const spec = this.spec.objects[objectName];
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const member of spec.members) {
      if (HIDDEN_FIELDS.has(`${objectName}.${member.name}`)) continue;
      properties[member.name] = this.property(objectName, member, example?.[member.name]);
      if (member.required) required.push(member.name);
    }
    return { type: 'object', ...(required.length ? { required } : {}), properties, additionalProperties: false };
  }

  private property(owner: string, member: SpecMember, officialExample: unknown): Schema {
    const docs: Schema = {
      description: member.doc_en ?? `${member.doc_zh ?? ''}\n(English documentation is not available for this newer field; the text above is the Chinese original.)`,
      'x-doc-zh': member.doc_zh ?? null,
      'x-doc-en': member.doc_en ?? null,
      ...(member.doc_en ? {} : { 'x-en-fallback': true }),
    };
    const value = this.valueSchema(owner, member, officialExample);
    return { title: member.name, ...docs, ...value };
  }

  private valueSchema(owner: string, member: SpecMember, officialExample: unknown): Schema {
    if (member.type === 'object') {
      const nested = this.object(member.member, officialExample as Record<string, unknown> | undefined);
      const example = officialExample ?? this.exampleOf(nested);
      return { 'x-object': member.member, ...nested, ...(example ? { examples: [example as Json] } : {}) };
    }
    if (member.type === 'list') {
      const item: Schema = this.spec.objects[member.member]
        ? { 'x-object': member.member, ...this.object(member.member) }
        : { type: this.jsonType(member.member) };
      const example = officialExample ?? (item.type === 'object' ? undefined : typed(member, member.example));
      return { type: 'array', items: item, ...(example !== undefined ? { examples: [example as Json] } : {}) };
    }
    const schema: Schema = { type: this.jsonType(member.type === 'int' ? member.member : member.type) };
    if (member.member === 'uint64') schema.minimum = 0;
    if (owner.endsWith('Request') && member.name === 'DpdTimeout') schema.pattern = '^[0-9]+$';
    this.applyRules(owner, member, schema);
    const example = officialExample ?? typed(member, member.example);
    if (example !== undefined) schema.examples = [example as Json];
    return schema;
  }

  private applyRules(owner: string, member: SpecMember, schema: Schema): void {
    const entries = [...(this.constraints.get(`${owner}.${member.name}`) ?? []), ...(this.constraints.get(`*.${member.name}`) ?? [])];
    const rules: string[] = [];
    let defaultValue: Json | undefined = typed(member, member.default);
    for (const { rule, c } of entries) {
      const before = JSON.stringify(schema);
      if (Array.isArray(c.enum)) schema.enum = c.enum as Json[];
      if (typeof c.min === 'number') schema.minimum = c.min;
      if (typeof c.max === 'number') schema.maximum = c.max;
      if (typeof c.minLength === 'number') schema.minLength = c.minLength;
      if (typeof c.maxLength === 'number') schema.maxLength = c.maxLength;
      const ruleDefault = [c.default, c.default_api_doc, c.default_zh_doc].find((d) => typeof d === 'number' || typeof d === 'string');
      if (defaultValue === undefined && ruleDefault !== undefined) defaultValue = typed(member, ruleDefault);
      if (JSON.stringify(schema) !== before) rules.push(rule);
    }
    if (!schema.enum && member.enum) schema.enum = member.enum.map((e) => e.value);
    if (defaultValue !== undefined && (!schema.enum || (schema.enum as Json[]).includes(defaultValue))) schema.default = defaultValue;
    if (schema.enum) this.describeEnum(owner, member, schema);
    if (rules.length) schema['x-rule'] = rules.length === 1 ? rules[0] : rules;
  }

  private describeEnum(owner: string, member: SpecMember, schema: Schema): void {
    const texts = this.enumText[`${owner}.${member.name}`] ?? this.enumText[member.name] ?? {};
    const values = schema.enum as Json[];
    const zh = values.map((v) => texts[String(v)]?.zh ?? member.enum?.find((e) => e.value === v)?.desc_zh);
    const en = values.map((v) => texts[String(v)]?.en);
    const missing = values.filter((_, i) => !zh[i] || !en[i]);
    if (missing.length) throw new Error(`enum-descriptions.json lacks ${owner}.${member.name}: ${missing.join(', ')}`);
    schema.enumDescriptions = en as Json[];
    schema['x-enum-descriptions-zh'] = zh as Json[];
  }

  private jsonType(t: string): string {
    if (t === 'int64' || t === 'uint64' || t === 'int') return 'integer';
    if (t === 'float') return 'number';
    if (t === 'bool') return 'boolean';
    return 'string';
  }

  /** An example object built from its properties' own examples, for objects the official example lacks. */
  private exampleOf(schema: Schema): Json | undefined {
    const out: Record<string, Json> = {};
    for (const [key, prop] of Object.entries(schema.properties as Record<string, Schema>)) {
      const ex = prop.examples as Json[] | undefined;
      if (ex?.length) out[key] = ex[0];
    }
    return Object.keys(out).length ? out : undefined;
  }
}

/** The `$id` of an action's schema; a `$schema` property or modeline naming it (or its file) selects it. */
export function schemaId(action: string): string {
  return `tencentcloud-vpn://schemas/${action}.schema.json`;
}

/** Builds every schema file's text, keyed by its path relative to the repository root. */
export function generateSchemaFiles(): Map<string, string> {
  const spec = readJson<Spec>('vpc-2017-03-12.vpn.json');
  const rules = readJson<{ rules: Rule[] }>('validation-rules.json').rules;
  const regions = readJson<{ regions: { region: string; name_zh: string; name_en: string; legacy?: boolean }[] }>('regions.json').regions;
  const enumText = readJson<Record<string, Record<string, { zh: string; en: string }>>>('enum-descriptions.json');
  const builder = new SchemaBuilder(spec, rules, enumText);
  const files = new Map<string, string>();
  const index: Json[] = [];
  for (const action of SCHEMA_ACTIONS) {
    const file = `${action}.schema.json`;
    files.set(`schemas/${file}`, `${JSON.stringify(builder.action(action, regions), null, 2)}\n`);
    index.push({ action, file, $id: schemaId(action) });
  }
  files.set('schemas/index.json', `${JSON.stringify({ version: API_VERSION, default: SCHEMA_ACTIONS[0], schemas: index }, null, 2)}\n`);
  return files;
}

function main(): void {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, text] of generateSchemaFiles()) {
    const abs = join(ROOT, path);
    if (check) {
      let current = '';
      try {
        current = readFileSync(abs, 'utf8');
      } catch {
        /* a missing file is stale */
      }
      if (current !== text) stale.push(path);
    } else {
      writeFileSync(abs, text);
      console.log(`wrote ${path}`);
    }
  }
  if (stale.length) {
    console.error(`stale schemas (run npm run generate-schemas): ${stale.join(', ')}`);
    process.exit(1);
  }
}

if (require.main === module) main();
