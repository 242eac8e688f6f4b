import * as assert from 'node:assert/strict';
/**
 * Schema messages are words, in both languages: every keyword's message over every parameter of every action
 * schema is checked for regular-expression syntax, and the special wordings (a pattern, a hidden parameter, an
 * empty key) are checked word for word.
 */
import type { JsonPath, Localized, RuleFinding, SemanticFix } from '../../../language/types';
import { ACTION_SCHEMAS, schemaFindings } from '../../../language/schema/paramsValidation';
import type { ErrorContext } from '../../../language/schema/errorContext';
import { CODE_BY_KEYWORD } from '../../../language/schema/schemaFindings';
import type { JsonSchema } from '../../../language/schema/schemaLookup';
import { schemaMessage } from '../../../language/schema/schemaMessages';
import { EN, ZH, makeDoc, service, underlined, withCode } from './helpers';

/** Anchors, escapes and character ranges: what a message must never show (`$schema` is a parameter's name). */
const REGEX_SYNTAX = /[\^\\]|\$(?!schema\b)|\[[^\]]*-[^\]]*\]|\(\?/;

const VALID = {
  VpnGatewayId: 'vpngw-1w9tue3d',
  CustomerGatewayId: 'cgw-qa9sxpy7',
  VpnConnectionName: 'c',
  PreShareKey: 'd',
};

/** Values that break each constraint of a leaf schema (none of them contains a character the check looks for). */
function violationsOf(schema: JsonSchema): unknown[] {
  const values: unknown[] = [schema.type === 'string' ? 12345 : 'not-a-number'];
  if (schema.enum) values.push('zzz-not-allowed');
  if (schema.pattern) values.push('abc!');
  if (schema.minLength !== undefined) values.push('');
  if (schema.maxLength !== undefined) values.push('x'.repeat(schema.maxLength + 1));
  if (schema.minimum !== undefined) values.push(schema.minimum - 1);
  if (schema.maximum !== undefined) values.push(schema.maximum + 1);
  return values;
}

/** A document holding `value` at `path` (objects for keys, one-item arrays for indexes). */
function documentWith(path: JsonPath, value: unknown): unknown {
  let result = value;
  for (let i = path.length - 1; i >= 0; i--) result = typeof path[i] === 'number' ? [result] : { [path[i]]: result };
  return result;
}

/** Every schema node of an action with its path; array items at index 0. */
function* nodesOf(schema: JsonSchema, path: JsonPath = []): Generator<{ schema: JsonSchema; path: JsonPath }> {
  yield { schema, path };
  for (const [name, child] of Object.entries(schema.properties ?? {})) yield* nodesOf(child, [...path, name]);
  if (schema.items) yield* nodesOf(schema.items, [...path, 0]);
}

/** Every schema finding the violations of every parameter of an action give, on top of a valid document. */
function findingsOfEveryViolation(action: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const { schema, path } of nodesOf(ACTION_SCHEMAS[action] as JsonSchema)) {
    const documents =
      schema.type === 'object'
        ? [documentWith(path, { NoSuchParameter: 1 }), documentWith(path, {})]
        : path.length
          ? violationsOf(schema).map((value) => documentWith(path, value))
          : [];
    for (const document of documents)
      findings.push(...schemaFindings({ ...VALID, ...(document as object), Action: action }, action));
  }
  return findings;
}

describe('schema messages: words, not regular expressions', () => {
  for (const action of Object.keys(ACTION_SCHEMAS)) {
    it(`no message of any keyword over ${action}'s parameters shows regex syntax, in either language`, () => {
      const findings = findingsOfEveryViolation(action);
      const keywords = new Set(findings.map((finding) => finding.ruleId.replace(/^schema\./, '')));
      const schemaKeywords = new Set(
        JSON.stringify(ACTION_SCHEMAS[action])
          .match(/"(?:enum|pattern|minLength|maxLength|minimum|maximum|required)"/g)
          ?.map((k) => k.slice(1, -1)),
      );
      for (const keyword of [...schemaKeywords, 'type', 'additionalProperties'])
        assert.ok(keywords.has(keyword), `${keyword} was not exercised on ${action}`);
      for (const finding of findings) {
        for (const lang of ['en', 'zh'] as const)
          assert.doesNotMatch(
            finding.message[lang],
            REGEX_SYNTAX,
            `${finding.ruleId} at ${finding.path.join('.')} (${lang})`,
          );
      }
    });
  }

  it('exercises every keyword that has a code (the list the check above relies on)', () => {
    const keywords = new Set(
      findingsOfEveryViolation('CreateVpnConnection').map((finding) => finding.ruleId.replace(/^schema\./, '')),
    );
    assert.deepEqual(
      Object.keys(CODE_BY_KEYWORD).filter((keyword) => !keywords.has(keyword)),
      [],
    );
  });

  it('says in words that DpdTimeout is a string of digits, with the schema example, in both languages', () => {
    const [finding] = schemaFindings({ ...VALID, DpdTimeout: 'thirty' }).filter((f) => f.ruleId === 'schema.pattern');
    assert.deepEqual(finding.message, {
      en: 'DpdTimeout must be a string of digits, such as "30".',
      zh: 'DpdTimeout 应为由数字组成的字符串，例如 "30"。',
    });
    assert.equal(finding.code, 'InvalidParameterValue.Malformed');
  });

  it('describes a pattern it has no words for by the schema example, never by the expression', () => {
    const context = contextOf(
      'pattern',
      ['Code'],
      'a b',
      { type: 'string', pattern: '^[A-Z]{2}\\d+$', examples: ['AB12'] },
      { pattern: '^[A-Z]{2}\\d+$' },
    );
    const message = schemaMessage(context, [], 'must match pattern "^[A-Z]{2}\\d+$"', 'Code');
    assert.deepEqual(message, {
      en: 'Code is not in the expected format, such as "AB12".',
      zh: 'Code 的格式不正确，例如 "AB12"。',
    });
  });

  it('keeps ajv text for other keywords only when it shows no expression', () => {
    const context = contextOf('format', ['When'], 'x', { type: 'string' }, {});
    assertWords(schemaMessage(context, [], 'must match format "^\\d{4}$"', 'When'));
    assert.equal(
      schemaMessage(context, [], 'must NOT have more than 3 items', 'When').en,
      'When: must NOT have more than 3 items.',
    );
  });

  it('calls Route a hidden, undocumented parameter this tool does not support, not one the API refuses', () => {
    const doc = makeDoc(
      'yaml',
      'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: c\nPreShareKey: d\nRoute:\n  DestinationCidrBlock: 10.0.0.0/16\n',
    );
    const [en] = withCode(service.validate(doc, EN), 'UnknownParameter');
    const [zh] = withCode(service.validate(doc, ZH), 'UnknownParameter');
    assert.equal(
      en.message,
      '"Route" is a hidden, undocumented parameter of the API: this tool does not support it, so it is not checked or offered.',
    );
    assert.equal(zh.message, '"Route" 是 API 未公开文档的隐藏参数：本工具不支持该参数，不会校验或提示它。');
    assert.doesNotMatch(en.message, /does not accept/);
    assert.doesNotMatch(zh.message, /不接受/);
  });

  it('gives a hidden name that is a near miss of a known one the usual unknown-parameter text with the rename', () => {
    const rename: SemanticFix = { kind: 'renameKey', path: ['Route'], newKey: 'RouteType', title: { en: '', zh: '' } };
    const message = schemaMessage(
      contextOf('additionalProperties', ['Route'], {}, { type: 'object' }, { additionalProperty: 'Route' }),
      [rename],
      '',
      '(document)',
    );
    assert.deepEqual(message, {
      en: 'Unknown parameter "Route": the API does not accept it. Did you mean "RouteType"?',
      zh: '未知参数 "Route"：API 不接受该参数。您是否要输入 "RouteType"？',
    });
  });

  it('says an empty key lacks its name instead of quoting an empty parameter', () => {
    const doc = makeDoc(
      'json',
      '{"VpnGatewayId": "vpngw-1w9tue3d", "CustomerGatewayId": "cgw-qa9sxpy7", "VpnConnectionName": "c", "PreShareKey": "d", "": "x"}',
    );
    const [unknown, ...rest] = withCode(service.validate(doc, EN), 'UnknownParameter');
    assert.equal(rest.length, 0);
    assert.equal(unknown.message, 'A parameter name is missing: the key is empty.');
    assert.equal(underlined(doc, unknown), '""');
    assert.equal(withCode(service.validate(doc, ZH), 'UnknownParameter')[0].message, '缺少参数名：键为空。');
    const yaml = service.validate(
      makeDoc(
        'yaml',
        'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: c\nPreShareKey: d\n: x\n',
      ),
      EN,
    );
    assert.deepEqual(
      yaml.map((d) => d.message),
      ['A parameter name is missing: the key is empty.'],
    );
  });

  it('names the allowed value a wrongly typed enum value stands for (DhGroupName: 14)', () => {
    const [finding] = schemaFindings({ ...VALID, IKEOptionsSpecification: { DhGroupName: 14 } });
    assert.equal(
      finding.message.en,
      'IKEOptionsSpecification.DhGroupName must be a string, not an integer. Did you mean "GROUP14"?',
    );
    assert.deepEqual(
      finding.fixes?.map((fix) => fix.kind === 'setValue' && fix.value),
      ['GROUP14'],
    );
  });
});

function contextOf(
  keyword: string,
  path: JsonPath,
  value: unknown,
  schema: JsonSchema,
  params: Record<string, unknown>,
): ErrorContext {
  return { keyword, params, path, value, schema, root: ACTION_SCHEMAS.CreateVpnConnection as JsonSchema };
}

function assertWords(message: Localized): void {
  for (const lang of ['en', 'zh'] as const) assert.doesNotMatch(message[lang], REGEX_SYNTAX, message[lang]);
}
