/**
 * Generates one JSON Schema (draft-07) per action input in `schemas/` from the API reference data copied into
 * `schemas/source/`: the spec (`vpc-2017-03-12.vpn.json`), the business rules (`validation-rules.json`, which
 * hold the complete allowed values, ranges and lengths), the regions, and our own zh/en descriptions of enum values.
 * Where a copied doc text lists allowed values or states a default that disagrees with the merged lists (the older
 * English spec's "AES-CBS-192", IKE "SHA1", a RouteType list without Bgp), that sentence is rewritten from the schema.
 * Both spellings of IPsec's IntegrityAlgorith (sic) / IntegrityAlgorithm are valid input, and their docs say why.
 *
 * From the schemas it also generates their validators (ajv standalone code, scripts/generate-validators.ts) in
 * language/schema/generated/, so no schema is compiled at run time.
 *
 *   npx tsx scripts/generate-schemas.ts          write schemas/*.schema.json, schemas/index.json and the validators
 *   npx tsx scripts/generate-schemas.ts --check  exit 1 when the committed files differ from a fresh generation
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateValidatorFiles } from './generate-validators';

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
const HIDDEN_FIELDS = new Set(['CreateVpnConnectionRequest.Route']);

/** Two spellings of one member of `owner`, both valid input. */
interface SpellingPair {
  owner: string;
  /** The misspelt one that examples, terraform and the API's responses use; deprecated in the current SDK. */
  legacy: string;
  /** The corrected one that the current SDK models and tccli spec document. */
  current: string;
}

/**
 * Members with two valid spellings (schemas/source/NOTES.md, "Gotchas in the spec"). Both get the allowed values
 * and default of every rule naming either spelling, the same value descriptions, and a note on which is which.
 */
const SPELLING_PAIRS: SpellingPair[] = [
  { owner: 'IPSECOptionsSpecification', legacy: 'IntegrityAlgorith', current: 'IntegrityAlgorithm' },
];

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
      const owner =
        parts.length === 1
          ? '*'
          : /^[A-Z]\w+Specification$|^[A-Z]\w+Config$/.test(parts[0])
            ? parts[0]
            : `${parts[0]}Request`;
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
      $schema: {
        type: 'string',
        description: 'Names this schema; the extension ignores it when submitting.',
        'x-doc-zh': '指定本文件使用的JSON Schema；提交时忽略。',
        'x-doc-en': 'Names this schema; ignored when submitting.',
      },
      Action: {
        type: 'string',
        enum: [name],
        description: `The API action this file describes (${name}).`,
        'x-doc-zh': `本文件描述的API操作（${name}）。`,
        'x-doc-en': `The API action this file describes (${name}).`,
      },
      Version: {
        type: 'string',
        enum: [API_VERSION],
        description: 'The API version.',
        'x-doc-zh': 'API版本。',
        'x-doc-en': 'The API version.',
      },
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
    const tunnel = name === 'CreateVpnConnection' ? this.tunnelOfFile() : undefined;
    const required = tunnel ? createOnlyRequired(body) : {};
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
      ...(tunnel?.annotations ?? {}),
      ...body,
      ...required,
      properties: { ...meta, ...(body.properties as Record<string, Schema>), ...(tunnel?.properties ?? {}) },
    };
  }

  /**
   * What a create file gains to name an existing tunnel: a top-level `VpnConnectionId` (documented from the
   * Modify action's member, plus what it means in a file), and the annotations saying which of the create
   * fields ModifyVpnConnectionAttribute can change in place and which need a new tunnel (see modifyFields).
   */
  private tunnelOfFile(): { properties: Record<string, Schema>; annotations: Schema } {
    const modifyInput = this.spec.objects[this.spec.actions.ModifyVpnConnectionAttribute.input];
    const member = modifyInput.members.find((m) => m.name === TUNNEL_ID)!;
    const property = this.property(this.spec.actions.ModifyVpnConnectionAttribute.input, member, undefined);
    const docs = {
      zh: paragraphs(property['x-doc-zh'] as string, TUNNEL_ID_NOTE.zh),
      en: paragraphs(property['x-doc-en'] as string, TUNNEL_ID_NOTE.en),
    };
    const { modifiable, replacement, fromGatewayVersion } = modifyFields(this.spec);
    return {
      properties: {
        [TUNNEL_ID]: {
          ...property,
          description: docs.en,
          'x-doc-zh': docs.zh,
          'x-doc-en': docs.en,
          pattern: TUNNEL_ID_PATTERN,
        },
      },
      annotations: {
        'x-modifiable': modifiable,
        'x-replacement': replacement,
        'x-modifiable-from-gateway-version': fromGatewayVersion,
      },
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

  /** A member's schema with its docs, whose value lists and defaults agree with the schema's own. */
  private property(owner: string, member: SpecMember, officialExample: unknown): Schema {
    const value = this.valueSchema(owner, member, officialExample);
    const note = spellingNote(owner, member.name);
    const zh = member.doc_zh === undefined ? undefined : agreeWithValues(member.doc_zh, value, 'zh');
    const en = member.doc_en ? paragraphs(agreeWithValues(member.doc_en, value, 'en'), note?.en) : undefined;
    const fallback = `${zh ?? ''}\n(English documentation is not available for this newer field; the text above is the Chinese original.)`;
    const docs: Schema = {
      description: en ?? paragraphs(fallback, note?.en),
      'x-doc-zh': zh === undefined ? null : paragraphs(zh, note?.zh),
      'x-doc-en': en ?? null,
      ...(member.doc_en ? {} : { 'x-en-fallback': true }),
    };
    return { title: member.name, ...docs, ...value };
  }

  private valueSchema(owner: string, member: SpecMember, officialExample: unknown): Schema {
    if (member.type === 'object') {
      const nested = this.object(member.member, officialExample as Record<string, unknown> | undefined);
      const example = officialExample ?? this.exampleOf(member.member, nested);
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

  /** The rule constraints of a member and of its other spelling (the legacy spelling's first), then the "*." ones. */
  private constraintsOf(owner: string, name: string): { rule: string; c: Record<string, unknown> }[] {
    const entries = spellingsOf(owner, name).flatMap((spelling) => this.constraints.get(`${owner}.${spelling}`) ?? []);
    const unique = entries.filter((entry, i) => entries.indexOf(entry) === i);
    return [...unique, ...(this.constraints.get(`*.${name}`) ?? [])];
  }

  private applyRules(owner: string, member: SpecMember, schema: Schema): void {
    const rules: string[] = [];
    const defaults: Json[] = [typed(member, member.default)].filter((d): d is Json => d !== undefined);
    for (const { rule, c } of this.constraintsOf(owner, member.name)) {
      const before = JSON.stringify(schema);
      // Where several rules (or both spellings of a member) list values, the member takes all of them.
      if (Array.isArray(c.enum)) schema.enum = mergeValues(schema.enum as Json[] | undefined, c.enum as Json[]);
      if (typeof c.min === 'number') schema.minimum = c.min;
      if (typeof c.max === 'number') schema.maximum = c.max;
      if (typeof c.minLength === 'number') schema.minLength = c.minLength;
      if (typeof c.maxLength === 'number') schema.maxLength = c.maxLength;
      const ruleDefault = [c.default, c.default_api_doc, c.default_zh_doc].find(
        (d) => typeof d === 'number' || typeof d === 'string',
      );
      const value = typed(member, ruleDefault);
      if (value !== undefined) defaults.push(value);
      if (JSON.stringify(schema) !== before && !rules.includes(rule)) rules.push(rule);
    }
    if (!schema.enum && member.enum) schema.enum = member.enum.map((e) => e.value);
    const defaultValue = schema.enum ? defaults.find((d) => (schema.enum as Json[]).includes(d)) : defaults[0];
    if (defaultValue !== undefined) schema.default = defaultValue;
    if (schema.enum) this.describeEnum(owner, member, schema);
    if (rules.length) schema['x-rule'] = rules.length === 1 ? rules[0] : rules;
  }

  private describeEnum(owner: string, member: SpecMember, schema: Schema): void {
    const ownTexts = spellingsOf(owner, member.name)
      .map((spelling) => this.enumText[`${owner}.${spelling}`])
      .find(Boolean);
    const texts = ownTexts ?? this.enumText[member.name] ?? {};
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

  /**
   * An example object built from its properties' own examples, for objects the official example lacks. Of a
   * spelling pair only the legacy spelling is filled in: an object may hold one of the two, never both.
   */
  private exampleOf(objectName: string, schema: Schema): Json | undefined {
    const out: Record<string, Json> = {};
    for (const [key, prop] of Object.entries(schema.properties as Record<string, Schema>)) {
      if (SPELLING_PAIRS.some((p) => p.owner === objectName && p.current === key)) continue;
      const ex = prop.examples as Json[] | undefined;
      if (ex?.length) out[key] = ex[0];
    }
    return Object.keys(out).length ? out : undefined;
  }
}

/** The key by which a create file names the existing tunnel it describes (the id Modify, Delete and Reset take). */
const TUNNEL_ID = 'VpnConnectionId';
/** A tunnel id: `vpnx-` and eight lower-case letters or digits, as the API gives them (validation-rules.json id-prefixes). */
const TUNNEL_ID_PATTERN = '^vpnx-[0-9a-z]{8}$';
/** What `VpnConnectionId` means in a CreateVpnConnection-shaped file, after the API's own doc of the id. */
const TUNNEL_ID_NOTE = {
  en: 'In a parameter file: names the existing tunnel this file describes, the one ModifyVpnConnectionAttribute, DeleteVpnConnection and ResetVpnConnection act on. Without it, the file describes a tunnel to create. CreateVpnConnection itself takes no such parameter.',
  zh: '在参数文件中：指明本文件描述的已有通道，即 ModifyVpnConnectionAttribute、DeleteVpnConnection 和 ResetVpnConnection 操作的通道。不填写时，本文件描述一条待创建的通道。CreateVpnConnection 本身不接受此参数。',
};

/**
 * Which CreateVpnConnection inputs ModifyVpnConnectionAttribute can change in place (those both take), which need
 * a new tunnel (those only Create takes; hidden ones left out), and the modifiable ones whose Modify doc limits
 * them to gateways of a version or later ("4.0及以上网关下的通道支持更新": CustomerGatewayId).
 */
export function modifyFields(spec: Spec): {
  modifiable: string[];
  replacement: string[];
  fromGatewayVersion: Record<string, string>;
} {
  const membersOf = (action: string) => spec.objects[spec.actions[action].input].members;
  const create = membersOf('CreateVpnConnection').filter(
    (m) => !HIDDEN_FIELDS.has(`CreateVpnConnectionRequest.${m.name}`),
  );
  const modify = membersOf('ModifyVpnConnectionAttribute');
  const modifiable = create.filter((m) => modify.some((other) => other.name === m.name));
  const fromGatewayVersion: Record<string, string> = {};
  for (const m of modify) {
    const version = /(\d+(?:\.\d+)?)及以上(?:版本的?)?网关/.exec(m.doc_zh ?? '')?.[1];
    if (version && modifiable.some((c) => c.name === m.name)) fromGatewayVersion[m.name] = version;
  }
  return {
    modifiable: modifiable.map((m) => m.name),
    replacement: create.filter((m) => !modifiable.includes(m)).map((m) => m.name),
    fromGatewayVersion,
  };
}

/** Every spelling of a member: both of a spelling pair (the legacy one first), else the name alone. */
function spellingsOf(owner: string, name: string): string[] {
  const pair = SPELLING_PAIRS.find((p) => p.owner === owner && (p.legacy === name || p.current === name));
  return pair ? [pair.legacy, pair.current] : [name];
}

/** What the docs of one spelling of a pair add, in both languages: which spelling it is and why both exist. */
function spellingNote(owner: string, name: string): { en: string; zh: string } | undefined {
  const pair = SPELLING_PAIRS.find((p) => p.owner === owner && (p.legacy === name || p.current === name));
  if (!pair) return undefined;
  const [legacy, current] = [`\`${pair.legacy}\``, `\`${pair.current}\``];
  const both = {
    en: 'Both spellings are valid input and take the same values; never give both in one object (InvalidParameter.Coexist).',
    zh: '两种拼写都是有效输入，取值相同；同一对象中不要同时填写两者（InvalidParameter.Coexist）。',
  };
  if (name === pair.legacy) {
    return {
      en: `Spelling: ${legacy} (sic) is the legacy spelling, the one every official example, terraform and the API's responses (DescribeVpnConnections) use; the current SDK and tccli mark it deprecated and document ${current}, the corrected spelling. ${both.en}`,
      zh: `拼写：${legacy}（原文如此）是旧拼写，所有官方示例、terraform 和 API 的返回（DescribeVpnConnections）都用它；当前的 SDK 和 tccli 把它标为废弃，文档改用更正后的 ${current}。${both.zh}`,
    };
  }
  return {
    en: `Spelling: ${current} is the corrected spelling, the one the current SDK and tccli document; ${legacy} (sic) is the legacy spelling that every official example, terraform and the API's responses (DescribeVpnConnections) use, deprecated in the current SDK. ${both.en}`,
    zh: `拼写：${current} 是更正后的拼写，当前的 SDK 和 tccli 文档用它；${legacy}（原文如此）是旧拼写，所有官方示例、terraform 和 API 的返回（DescribeVpnConnections）都用它，当前 SDK 中已废弃。${both.zh}`,
  };
}

/** The values of `known` followed by those of `more` it lacks. */
function mergeValues(known: Json[] | undefined, more: Json[]): Json[] {
  return [...(known ?? []), ...more.filter((value) => !(known ?? []).includes(value))];
}

/** Text paragraphs joined by a blank line, empty ones left out. */
/**
 * The members a create file needs only when it describes a tunnel to create: the pre-shared key. A file that
 * names an existing tunnel (VpnConnectionId) may leave it out: the key stays on the service (an imported file has
 * none unless the user asks), and plan/apply leave it alone. Standard JSON Schema (if/else), so ajv and any other
 * editor's JSON service enforce it the same way.
 */
const CREATE_ONLY_REQUIRED = ['PreShareKey'];

function createOnlyRequired(body: Schema): Schema {
  const all = (body.required as string[] | undefined) ?? [];
  const createOnly = all.filter((name) => CREATE_ONLY_REQUIRED.includes(name));
  if (!createOnly.length) return {};
  return {
    required: all.filter((name) => !createOnly.includes(name)),
    // ajv's strictRequired wants each required name defined beside it; `true` adds no constraint.
    if: { properties: { [TUNNEL_ID]: true }, required: [TUNNEL_ID] },
    else: { properties: Object.fromEntries(createOnly.map((name) => [name, true])), required: createOnly },
  };
}

function paragraphs(...texts: (string | undefined)[]): string {
  return texts.filter((text): text is string => Boolean(text)).join('\n\n');
}

/** One value named in a doc text: its bare text and the span it covers (quotes included). */
interface DocToken {
  text: string;
  start: number;
  end: number;
}

/** Where a doc starts listing allowed values: "Valid values:", "Available value:", "可选值：", "可取值为", "枚举值：". */
const VALUE_LIST_MARKER = /(?:valid|available|allowed) values?\s*:|可选值\s*[：:]|可取值为|枚举值\s*[：:]/gi;
/** Where an inline list of values ends: a sentence or clause end, or the default clause that follows it. */
const VALUE_LIST_END = /;|；|。|\n|\.(?=\s|$)|，?\s*默认/;
/** A value written in backticks or quotes. */
const QUOTED_VALUE = /`([^`]+)`|'([^']+)'|"([^"]+)"/g;

/**
 * Rewrites the sentences of a doc that list values or state a default when they disagree with the schema's enum
 * and default, keeping the rest of the text. Docs of members without an enum are returned as they are.
 */
function agreeWithValues(doc: string, schema: Schema, lang: 'en' | 'zh'): string {
  const values = schema.enum as Json[] | undefined;
  if (!values?.length) return doc;
  const meanings = (lang === 'zh' ? schema['x-enum-descriptions-zh'] : schema.enumDescriptions) as string[] | undefined;
  const listed = agreeValueLists(doc, values.map(String), meanings ?? [], lang);
  return schema.default === undefined ? listed : agreeDefaults(listed, String(schema.default));
}

/** Each value list of a doc, rewritten to the allowed values where it names others or misses some. */
function agreeValueLists(doc: string, values: string[], meanings: string[], lang: 'en' | 'zh'): string {
  let text = doc;
  for (const marker of [...doc.matchAll(VALUE_LIST_MARKER)].reverse()) {
    const from = marker.index! + marker[0].length;
    const bullets = /^[ \t]*\n((?:[ \t]*- [^\n]*(?:\n|$))+)/.exec(text.slice(from));
    if (bullets) {
      const start = from + bullets[0].length - bullets[1].length;
      text = replaceBullets(text, start, start + bullets[1].length, values, meanings);
      continue;
    }
    const rest = text.slice(from);
    const end = VALUE_LIST_END.exec(rest)?.index ?? rest.length;
    const tokens = listTokens(rest.slice(0, end)).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
    if (
      !tokens.length ||
      sameValues(
        tokens.map((t) => t.text),
        values,
      )
    )
      continue;
    const quote = /^[`'"]/.exec(text[tokens[0].start])?.[0] ?? '';
    text = text.slice(0, tokens[0].start) + joinValues(values, quote, lang) + text.slice(tokens[tokens.length - 1].end);
  }
  return text;
}

/** The values of an inline list: the quoted ones if any, else the words between commas or "and", glosses dropped. */
function listTokens(list: string): DocToken[] {
  const quoted = [...list.matchAll(QUOTED_VALUE)].map((m) => ({
    text: m[1] ?? m[2] ?? m[3],
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  if (quoted.length) return quoted;
  const tokens: DocToken[] = [];
  let at = 0;
  for (const part of list.split(/([，,、和]|\band\b)/)) {
    const text = part.replace(/（[^）]*）|\([^)]*\)/g, '').trim();
    // A plain word's span takes its gloss along ("active（主动协商）"), so a rewrite leaves no stray gloss.
    if (text && !/^(?:[，,、和]|and)$/.test(part))
      tokens.push({ text, start: at + part.search(/\S/), end: at + part.trimEnd().length });
    at += part.length;
  }
  return tokens;
}

/** Whether two lists name the same set of values. */
function sameValues(listed: string[], values: string[]): boolean {
  return listed.every((v) => values.includes(v)) && values.every((v) => listed.includes(v));
}

/** The allowed values as a doc would list them inline: "`A`, `B` and `C`" in English, "'A'，'B'，'C'" in Chinese. */
function joinValues(values: string[], quote: string, lang: 'en' | 'zh'): string {
  const spelt = values.map((v) => `${quote}${v}${quote}`);
  if (lang === 'zh') return spelt.join('，');
  return spelt.length > 1 ? `${spelt.slice(0, -1).join(', ')} and ${spelt[spelt.length - 1]}` : spelt.join('');
}

/** A bullet list of values ("- StaticRoute： 目的路由类型"), replaced by every allowed value when it differs. */
function replaceBullets(text: string, start: number, end: number, values: string[], meanings: string[]): string {
  const block = text.slice(start, end);
  const lines = block.split('\n').filter((line) => line.trim().startsWith('- '));
  const listed = lines.map((line) => line.trim().slice(2).split(/[：:]/)[0].trim());
  if (sameValues(listed, values)) return text;
  const indent = /^[ \t]*/.exec(lines[0])![0];
  const rewritten = values.map((v, i) => `${indent}- ${v}${meanings[i] ? `： ${meanings[i]}` : ''}`).join('\n');
  return text.slice(0, start) + rewritten + (block.endsWith('\n') ? '\n' : '') + text.slice(end);
}

/**
 * The ways a doc states a default; group 1 is the value ("" where the text breaks off after "默认为"). A bare
 * "默认" is no statement ("旧版默认类型" is the legacy default type), so Chinese needs "默认值" or "默认为/是/：".
 */
const DEFAULT_STATEMENTS = [
  /(`[^`]+`|'[^']+'|"[^"]+"|[\w.-]+)\s*\(default(?: value)?\)/dgi,
  /\bdefault(?: value)?(?: is|:)\s*(`[^`]+`|'[^']+'|"[^"]+"|[\w-]+(?:\.\w+)*)/dgi,
  /默认(?:值(?:为|是|[：:])?|为|是|[：:])\s*(`[^`]+`|'[^']+'|"[^"]+"|[^，。；、\s（(]*)/dg,
];

/** Each default a doc states, rewritten to the schema's default (in the same quotes) where it names another. */
function agreeDefaults(doc: string, value: string): string {
  let text = doc;
  for (const pattern of DEFAULT_STATEMENTS) {
    for (const m of [...text.matchAll(pattern)].reverse()) {
      const [start, end] = m.indices![1];
      const quote = /^[`'"]/.exec(m[1])?.[0] ?? '';
      const bare = quote ? m[1].slice(1, -1) : m[1];
      if (bare !== value) text = text.slice(0, start) + `${quote}${value}${quote}` + text.slice(end);
    }
  }
  return text;
}

/** The `$id` of an action's schema; a `$schema` property or modeline naming it (or its file) selects it. */
export function schemaId(action: string): string {
  return `tencentcloud-vpn://schemas/${action}.schema.json`;
}

/** Builds every schema file's text, keyed by its path relative to the repository root. */
export function generateSchemaFiles(): Map<string, string> {
  const spec = readJson<Spec>('vpc-2017-03-12.vpn.json');
  const rules = readJson<{ rules: Rule[] }>('validation-rules.json').rules;
  const regions = readJson<{ regions: { region: string; name_zh: string; name_en: string; legacy?: boolean }[] }>(
    'regions.json',
  ).regions;
  const enumText = readJson<Record<string, Record<string, { zh: string; en: string }>>>('enum-descriptions.json');
  const builder = new SchemaBuilder(spec, rules, enumText);
  const files = new Map<string, string>();
  const index: Json[] = [];
  for (const action of SCHEMA_ACTIONS) {
    const file = `${action}.schema.json`;
    files.set(`schemas/${file}`, `${JSON.stringify(builder.action(action, regions), null, 2)}\n`);
    index.push({ action, file, $id: schemaId(action) });
  }
  files.set(
    'schemas/index.json',
    `${JSON.stringify({ version: API_VERSION, default: SCHEMA_ACTIONS[0], schemas: index }, null, 2)}\n`,
  );
  return files;
}

/** Every generated file's text (the schemas, their index and their validators), keyed by its path. */
export function generateAllFiles(): Map<string, string> {
  const schemas = generateSchemaFiles();
  return new Map([...schemas, ...generateValidatorFiles(SCHEMA_ACTIONS, schemas)]);
}

function main(): void {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, text] of generateAllFiles()) {
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
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
      console.log(`wrote ${path}`);
    }
  }
  if (stale.length) {
    console.error(`stale generated files (run npm run generate-schemas): ${stale.join(', ')}`);
    process.exit(1);
  }
}

if (require.main === module) main();
