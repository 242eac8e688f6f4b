/**
 * The hover of every enum-valued parameter of every action schema, in English and in Chinese, never contradicts
 * the schema: its allowed-values section lists exactly the enum, a documentation sentence that lists values
 * ("Valid values: …", "Available values: …", "可选值：…", "可取值为…", "枚举值：" with a bullet list) lists exactly
 * the enum, and a stated default ("default value: X", "Default is X", "`X` (default value)", "默认为X", "默认值：X")
 * is the schema's default. The scanner here is written independently of the generator that fixes the texts.
 */
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { ACTION_SCHEMAS } from '../../../language/schema/actionSchemas';
import type { ServiceOptions } from '../../../language/languageService';
import type { JsonSchema } from '../../../language/schema/schemaLookup';
import { EN, ZH, makeDoc, service } from './helpers';

type Segment = string | number;

/** Every path (object keys, `0` for list items) to a property whose schema has an enum. */
function enumPaths(schema: JsonSchema, prefix: Segment[] = []): { path: Segment[]; schema: JsonSchema }[] {
  const found: { path: Segment[]; schema: JsonSchema }[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, name];
    if (property.enum?.length) found.push({ path, schema: property });
    found.push(...enumPaths(property, path));
    if (property.items) found.push(...enumPaths(property.items, [...path, 0]));
  }
  return found;
}

/** A value holding `leaf` at `path`, building objects and one-item lists on the way. */
function valueAt(path: Segment[], leaf: unknown): unknown {
  if (!path.length) return leaf;
  const [head, ...rest] = path;
  return typeof head === 'number' ? [valueAt(rest, leaf)] : { [head]: valueAt(rest, leaf) };
}

/** The hover Markdown on the key at `path` of a JSON document of `action`. */
function hoverOnKey(action: string, path: Segment[], schema: JsonSchema, options: ServiceOptions): string {
  const body = valueAt(path, schema.enum![0]) as Record<string, unknown>;
  const text = JSON.stringify(path[0] === 'Action' ? body : { Action: action, ...body }, null, 2);
  const leaf = String([...path].reverse().find((segment) => typeof segment === 'string'));
  const doc = makeDoc('json', text);
  const hover = service.hover(doc, doc.positionAt(text.lastIndexOf(`"${leaf}"`) + 2), options);
  assert.ok(hover, `no hover on ${action} ${path.join('.')}`);
  return (hover.contents as MarkupContent).value;
}

const ALLOWED_HEADERS = ['Allowed values:\n', '可选值:\n'];
const LIST_MARKER = /(?:valid|available|allowed) values?\s*:|可选值\s*[：:]|可取值为|枚举值\s*[：:]/gi;
const LIST_END = /;|；|。|\n|\.(?=\s|$)|，?\s*默认/;

/** Strips backticks and quotes around a token. */
function bare(token: string): string {
  return token
    .trim()
    .replace(/^`(.*)`$/s, '$1')
    .replace(/^(['"])(.*)\1$/s, '$2');
}

/** The tokens of a list: the quoted ones if any, else the comma/"and"-separated words without their glosses. */
function listTokens(list: string): string[] {
  const quoted = [...list.matchAll(/`[^`]+`|'[^']+'|"[^"]+"/g)].map((m) => bare(m[0]));
  if (quoted.length) return quoted;
  return list
    .replace(/（[^）]*）|\([^)]*\)/g, '')
    .split(/[，,、]|\band\b|和/)
    .map((token) => token.trim())
    .filter(Boolean);
}

/** The values each value-listing sentence of a text names, with the sentence for messages. */
function listedValues(text: string): { sentence: string; values: string[] }[] {
  const lists: { sentence: string; values: string[] }[] = [];
  for (const marker of text.matchAll(LIST_MARKER)) {
    const after = text.slice(marker.index! + marker[0].length);
    const bullets = /^\s*\n((?:[ \t]*- [^\n]*(?:\n|$))+)/.exec(after);
    if (bullets) {
      const values = bullets[1]
        .split('\n')
        .filter((line) => line.trim().startsWith('- '))
        .map((line) => bare(line.trim().slice(2).split(/[：:]/)[0]));
      lists.push({ sentence: marker[0] + bullets[0], values });
      continue;
    }
    const end = LIST_END.exec(after);
    const list = end ? after.slice(0, end.index) : after;
    lists.push({ sentence: marker[0] + list, values: listTokens(list) });
  }
  return lists;
}

const TOKEN = '`[^`]+`|\'[^\']+\'|"[^"]+"';
const DEFAULT_PATTERNS = [
  new RegExp(`(${TOKEN}|[\\w.-]+)\\s*\\(default(?: value)?\\)`, 'gi'),
  new RegExp(`\\bdefault(?: value)?(?: is|:)\\s*(${TOKEN}|[\\w-]+(?:\\.\\w+)*)`, 'gi'),
  // "默认值X", "默认为X", "默认是X", "默认：X"; a bare "默认" ("旧版默认类型") states nothing.
  new RegExp(`默认(?:值(?:为|是|[：:])?|为|是|[：:])\\s*(${TOKEN}|[^，。；、\\s（(]*)`, 'g'),
];

/** Every default a text states, as bare tokens ("" for a truncated "默认为"). */
function statedDefaults(text: string): { sentence: string; value: string }[] {
  return DEFAULT_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => ({ sentence: m[0], value: bare(m[1]) })),
  );
}

/** Problems of one hover: each entry names the contradiction. */
function contradictions(markdown: string, schema: JsonSchema): string[] {
  const problems: string[] = [];
  const enumText = schema.enum!.map(String);
  const sections = markdown.split('\n\n');
  const allowed = sections.find((section) => ALLOWED_HEADERS.some((header) => section.startsWith(header)));
  const shown = allowed ? [...allowed.matchAll(/^- `(.+?)`(?: — |$)/gm)].map((m) => JSON.parse(m[1]) as unknown) : [];
  if (JSON.stringify(shown) !== JSON.stringify(schema.enum))
    problems.push(`allowed values shown ${JSON.stringify(shown)}, schema ${JSON.stringify(schema.enum)}`);
  const prose = sections.filter((section) => section !== allowed).join('\n\n');
  for (const { sentence, values } of listedValues(prose)) {
    const refused = values.filter((value) => !enumText.includes(value));
    const omitted = enumText.filter((value) => !values.includes(value));
    if (refused.length) problems.push(`"${sentence.trim()}" lists ${refused.join(', ')}, which the schema refuses`);
    if (omitted.length) problems.push(`"${sentence.trim()}" omits ${omitted.join(', ')}, which the schema takes`);
  }
  for (const { sentence, value } of statedDefaults(prose)) {
    const expected = schema.default !== undefined ? String(schema.default) : undefined;
    if (expected !== undefined ? value !== expected : !enumText.includes(value))
      problems.push(`"${sentence}" states default "${value}", schema ${expected ?? 'has none'}`);
  }
  return problems;
}

describe('hover on enum parameters agrees with the schema', () => {
  for (const [action, root] of Object.entries(ACTION_SCHEMAS) as [string, JsonSchema][]) {
    for (const { path, schema } of enumPaths(root)) {
      for (const [lang, options] of [
        ['en', EN],
        ['zh', ZH],
      ] as const) {
        it(`${action} ${path.join('.')} (${lang})`, () => {
          assert.deepEqual(contradictions(hoverOnKey(action, path, schema, options), schema), []);
        });
      }
    }
  }

  it('covers the parameters whose copied docs were stale, both IntegrityAlgorith spellings included', () => {
    const create = ACTION_SCHEMAS.CreateVpnConnection as JsonSchema;
    const names = enumPaths(create).map(({ path }) => path.join('.'));
    for (const name of [
      'RouteType',
      'IKEOptionsSpecification.PropoEncryAlgorithm',
      'IKEOptionsSpecification.PropoAuthenAlgorithm',
      'IPSECOptionsSpecification.IntegrityAlgorith',
      'IPSECOptionsSpecification.IntegrityAlgorithm',
    ]) {
      assert.ok(names.includes(name), `${name} has no enum`);
    }
  });

  it('the scanner finds a stale list, a typo and a wrong default', () => {
    const schema: JsonSchema = { enum: ['MD5', 'SHA', 'SHA-256'], default: 'SHA' };
    const stale = 'Authentication algorithm. Valid values: `MD5`, `SHA1` and `SHA-256`; default value: `MD5`.';
    const problems = contradictions(
      `**X**\n\n${stale}\n\nAllowed values:\n- \`"MD5"\`\n- \`"SHA"\`\n- \`"SHA-256"\``,
      schema,
    );
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.deepEqual(
      contradictions(
        '**X**\n\n认证算法：可选值：\'MD5\'，\'SHA\'，\'SHA-256\'， 默认为SHA。\n\n可选值:\n- `"MD5"`\n- `"SHA"`\n- `"SHA-256"`',
        schema,
      ),
      [],
    );
    assert.equal(
      contradictions(
        '**X**\n\n通道类型\n枚举值：\n- MD5： a\n- SHA： b\n默认值：SHA\n\n可选值:\n- `"MD5"`\n- `"SHA"`\n- `"SHA-256"`',
        schema,
      ).length,
      1,
    );
  });
});
