import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  API_PARAMETER_SCOPE,
  apiParameterNames,
  readSchemas,
  staleGrammars,
} from '../../../syntaxes/generate-api-parameter-rules';
import {
  allRules,
  compile,
  Grammar,
  groupCount,
  lookBehindBodies,
  manifest,
  readJson,
  ROOT,
  Rule,
  withoutClassesAndEscapes,
} from './grammarSupport';

const declared = manifest().contributes.grammars;
const grammarOf = (language: string): Grammar => {
  const entry = declared.find((g) => g.language === language);
  assert.ok(entry, `package.json declares no grammar for ${language}`);
  return readJson<Grammar>(entry.path);
};
const JSON_LANGUAGE = 'tencentcloud-vpn-json';
const YAML_LANGUAGE = 'tencentcloud-vpn-yaml';

/** The JavaScript RegExp of a repository rule's `match` (or of its n-th pattern's), anchored to the whole line. */
function wholeLine(grammar: Grammar, ruleName: string, patternIndex?: number): RegExp {
  const rule = grammar.repository[ruleName];
  assert.ok(rule, `no repository rule ${ruleName}`);
  const match = (patternIndex === undefined ? rule : (rule.patterns as Rule[])[patternIndex]).match;
  assert.ok(match, `${ruleName} has no match`);
  return compile(`^(?:${match})$`);
}

/** The n-th capture of a rule's `match` on a text (the match may start anywhere in the text). */
function capture(grammar: Grammar, ruleName: string, text: string, group: number): string | undefined {
  return compile(grammar.repository[ruleName].match as string).exec(text)?.[group];
}

describe('TextMate grammars', () => {
  it('are declared in package.json for both languages and exist on disk', () => {
    const languages = manifest().contributes.languages.map((l) => l.id);
    assert.deepEqual(declared.map((g) => g.language).sort(), [JSON_LANGUAGE, YAML_LANGUAGE]);
    for (const entry of declared) {
      assert.ok(languages.includes(entry.language), `${entry.path}: unknown language ${entry.language}`);
      assert.ok(existsSync(join(ROOT, entry.path)), `${entry.path} is missing`);
    }
  });

  for (const entry of declared) {
    describe(entry.path, () => {
      const grammar = readJson<Grammar>(entry.path);
      const rules = allRules(grammar);

      it('carries the scope name package.json declares', () => {
        assert.equal(grammar.scopeName, entry.scopeName);
      });

      it('is self-contained: every include names a rule of its own repository', () => {
        const broken = rules
          .filter(({ rule }) => rule.include !== undefined && rule.include !== '$self' && rule.include !== '$base')
          .filter(
            ({ rule }) =>
              !(rule.include as string).startsWith('#') || !((rule.include as string).slice(1) in grammar.repository),
          )
          .map(({ path, rule }) => `${path}: ${rule.include}`);
        assert.deepEqual(broken, []);
      });

      it('has no repository rule that nothing includes', () => {
        const included = new Set(rules.map(({ rule }) => rule.include?.slice(1)));
        assert.deepEqual(
          Object.keys(grammar.repository).filter((name) => !included.has(name)),
          [],
        );
      });

      it('compiles every match, begin, end and while pattern', () => {
        const failures: string[] = [];
        for (const { path, rule } of rules) {
          for (const key of ['match', 'begin', 'end', 'while'] as const) {
            const pattern = rule[key];
            if (pattern === undefined) continue;
            try {
              compile(pattern, key === 'end' || key === 'while');
            } catch (error) {
              failures.push(`${path}.${key}: ${(error as Error).message}`);
            }
          }
        }
        assert.deepEqual(failures, []);
      });

      it('uses only fixed-length look-behinds, which Oniguruma requires', () => {
        const variable = rules
          .flatMap(({ path, rule }) => [rule.match, rule.begin, rule.end, rule.while].map((p) => [path, p] as const))
          .flatMap(([path, pattern]) => lookBehindBodies(pattern ?? '').map((body) => [path, body] as const))
          .filter(([, body]) => /[*+?]|\{\d*,/.test(withoutClassesAndEscapes(body).replace(/^\?[:=!]|\(\?[:=!]/g, '')))
          .map(([path, body]) => `${path}: (?<${body})`);
        assert.deepEqual(variable, []);
      });

      it('numbers its captures within the groups each pattern has', () => {
        const failures: string[] = [];
        for (const { path, rule } of rules) {
          const checks: [string, string | undefined][] = [
            ['captures', rule.match ?? rule.begin],
            ['beginCaptures', rule.begin],
            ['endCaptures', rule.end],
            ['whileCaptures', rule.while],
          ];
          for (const [key, pattern] of checks) {
            const captures = rule[key as 'captures'];
            if (!captures || pattern === undefined) continue;
            const groups = groupCount(compile(pattern, key === 'endCaptures' || key === 'whileCaptures'));
            for (const index of Object.keys(captures).map(Number)) {
              if (index > groups) failures.push(`${path}.${key}.${index}: the pattern has ${groups} groups`);
            }
          }
          const backReference = /\\([1-9])/.exec(rule.end ?? rule.while ?? '');
          if (backReference && rule.begin && Number(backReference[1]) > groupCount(compile(rule.begin))) {
            failures.push(`${path}: end refers to group ${backReference[1]} that begin lacks`);
          }
        }
        assert.deepEqual(failures, []);
      });

      it('names every scope with non-empty dot-separated parts', () => {
        const names = rules.flatMap(({ path, rule }) => [
          ...[rule.name, rule.contentName].map((n) => [path, n] as const),
          ...(['captures', 'beginCaptures', 'endCaptures', 'whileCaptures'] as const).flatMap((key) =>
            Object.values(rule[key] ?? {}).map((c) => [path, c.name] as const),
          ),
        ]);
        const bad = names
          .filter(
            ([, name]) => name !== undefined && !name.split(' ').every((scope) => /^[\w-]+(?:\.[\w-]+)*$/.test(scope)),
          )
          .map(([path, name]) => `${path}: "${name}"`);
        assert.deepEqual(bad, []);
      });
    });
  }

  describe('API parameter names', () => {
    const names = apiParameterNames(readSchemas());

    it('are generated from the schemas into both grammars (run the generator when this fails)', () => {
      assert.deepEqual(
        staleGrammars(),
        [],
        'run npx tsx syntaxes/generate-api-parameter-rules.ts and commit the result',
      );
    });

    it('hold both valid spellings of the IPsec integrity key, and not a misspelt key', () => {
      assert.ok(names.includes('IntegrityAlgorith') && names.includes('IntegrityAlgorithm'));
      assert.ok(!names.includes('VpnGatewayID'));
      assert.ok(names.includes('VpnGatewayId') && names.includes('LocalCidrBlock') && !names.includes('$schema'));
    });
  });

  describe('JSON grammar behaviour', () => {
    const json = grammarOf(JSON_LANGUAGE);

    it('scopes every property key as support.type.property-name.json, known API parameters included', () => {
      assert.ok(json.repository['object-key'].name?.split(' ').includes('support.type.property-name.json'));
      assert.ok(json.repository['api-parameter-key'].name?.split(' ').includes('support.type.property-name.json'));
      const objectPatterns = (json.repository.object.patterns as Rule[]).map((p) => p.include);
      assert.ok(
        objectPatterns.indexOf('#api-parameter-key') < objectPatterns.indexOf('#object-key'),
        'the known-name rule must be tried before the generic key rule',
      );
    });

    it('marks a known API parameter key and leaves a misspelt one a plain key', () => {
      assert.equal(json.repository['api-parameter-key'].captures?.['2'].name, API_PARAMETER_SCOPE);
      assert.equal(capture(json, 'api-parameter-key', '"PreShareKey": "x"', 2), 'PreShareKey');
      assert.equal(capture(json, 'api-parameter-key', '"VpnGatewayID": "vpngw-1"', 2), undefined);
      assert.equal(capture(json, 'api-parameter-key', '"VpnGatewayIdX": 1', 2), undefined);
    });

    it('recognises JSON numbers and constants as whole tokens', () => {
      for (const n of ['0', '-1', '3.25', '1e9', '-1.5E+3']) assert.ok(wholeLine(json, 'number').test(n), n);
      for (const n of ['01', '1.', '.5', '+1']) assert.ok(!wholeLine(json, 'number').test(n), n);
      for (const c of ['true', 'false', 'null']) assert.ok(wholeLine(json, 'constant').test(c), c);
    });

    it('accepts the JSON string escapes and flags unknown ones', () => {
      const [valid, invalid] = (json.repository['string-content'].patterns as Rule[]).map((p) =>
        compile(`^(?:${p.match})$`),
      );
      for (const e of ['\\"', '\\\\', '\\/', '\\n', '\\u00e9']) assert.ok(valid.test(e), e);
      assert.ok(!valid.test('\\q') && invalid.test('\\q'));
    });

    it('highlights // and /* */ comments, which jsonc-parser tolerates', () => {
      const comments = json.repository.comments.patterns as Rule[];
      assert.ok(
        comments.some((c) => c.match && compile(c.match).test('// note') && c.name?.startsWith('comment.line')),
      );
      assert.ok(comments.some((c) => c.begin && compile(c.begin).test('/* x */') && c.name === 'comment.block.json'));
    });
  });

  describe('YAML grammar behaviour', () => {
    const yaml = grammarOf(YAML_LANGUAGE);

    it('finds plain block keys at a line start, also after "- " and with spaces in them', () => {
      assert.equal(capture(yaml, 'block-key', 'VpnConnectionName: tunnel-1', 2), 'VpnConnectionName');
      assert.equal(capture(yaml, 'block-key', '  - LocalCidrBlock: 10.0.0.0/16', 2), 'LocalCidrBlock');
      assert.equal(capture(yaml, 'block-key', '- - &a Name: v', 2), 'Name');
      assert.equal(capture(yaml, 'block-key', 'my key: v', 2), 'my key');
      assert.equal(capture(yaml, 'block-key', 'url: http://a:8080/', 2), 'url');
    });

    it('does not take a value with a colon but no space (an URL, a time), or a later "x: " on the line, for a key', () => {
      assert.equal(capture(yaml, 'block-key', 'http://example.com:8080/x', 2), undefined);
      assert.equal(capture(yaml, 'block-key', '- 12:30', 2), undefined);
      assert.equal(compile(yaml.repository['block-key'].match as string).exec('Desc: a b: c')?.[2], 'Desc');
    });

    it('lets the line-anchored key rules win column 0 from a leading "- " or "? "', () => {
      const order = (yaml.repository['block-node'].patterns as Rule[]).map((p) => p.include);
      for (const keyRule of ['#api-parameter-key', '#block-key']) {
        assert.ok(order.indexOf(keyRule) < order.indexOf('#sequence-entry'), keyRule);
        assert.ok(order.indexOf(keyRule) < order.indexOf('#explicit-key'), keyRule);
      }
      assert.ok(order.indexOf('#api-parameter-key') < order.indexOf('#block-key'));
    });

    it('marks known API parameter keys, plain or quoted, in block and flow context, and not misspelt ones', () => {
      assert.equal(capture(yaml, 'api-parameter-key', '  - RemoteCidrBlock:', 2), 'RemoteCidrBlock');
      assert.equal(capture(yaml, 'api-parameter-key', 'VpnGatewayID: vpngw-1', 2), undefined);
      assert.equal(capture(yaml, 'api-parameter-key', 'VpcIdx: 1', 2), undefined);
      assert.equal(capture(yaml, 'api-parameter-flow-key', '{Key: a, Value: b}', 1), 'Key');
      assert.equal(capture(yaml, 'api-parameter-flow-key', '[xVpcId: 1]', 1), undefined);
      assert.equal(capture(yaml, 'api-parameter-quoted-key', '"PreShareKey": x', 2), 'PreShareKey');
      assert.equal(capture(yaml, 'api-parameter-quoted-key', "'VpcId': x", 5), 'VpcId');
      assert.match(yaml.repository['api-parameter-key'].captures?.['2'].name ?? '', /^entity\.name\.tag\.yaml /);
    });

    it('starts comments only at a line start or after a space', () => {
      assert.equal(capture(yaml, 'comment', 'key: v  # why', 0), '# why');
      assert.equal(capture(yaml, 'comment', 'hash: a#b', 0), undefined);
    });

    it('marks document start and end markers', () => {
      assert.ok(compile(yaml.repository['document-marker'].match as string).test('--- # doc'));
      assert.ok(compile(yaml.repository['document-marker'].match as string).test('...'));
      assert.ok(!compile(yaml.repository['document-marker'].match as string).test('---x'));
    });

    it('types plain scalars by the YAML 1.2 core schema, as the yaml package reads them', () => {
      const typed = (text: string): string | undefined =>
        (yaml.repository['block-plain-scalar'].patterns as Rule[]).find((p) => compile(`^(?:${p.match})`).test(text))
          ?.name;
      assert.equal(typed('true'), 'constant.language.boolean.yaml');
      assert.equal(typed('~'), 'constant.language.null.yaml');
      assert.equal(typed('-12'), 'constant.numeric.integer.yaml');
      assert.equal(typed('0x1F  # hex'), 'constant.numeric.integer.yaml');
      assert.equal(typed('1.5e3'), 'constant.numeric.float.yaml');
      // YAML 1.1 booleans and addresses stay strings.
      assert.equal(typed('yes'), 'string.unquoted.plain.out.yaml');
      assert.equal(typed('10.0.0.1'), 'string.unquoted.plain.out.yaml');
      assert.equal(typed('true-ish'), 'string.unquoted.plain.out.yaml');
    });

    it('stops plain scalars in flow collections at , ] and }', () => {
      const plain = (yaml.repository['flow-plain-scalar'].patterns as Rule[]).at(-1)?.match as string;
      assert.equal(compile(plain).exec('1.2.3.4/32, 5.6.7.8/32]')?.[0], '1.2.3.4/32');
    });

    it('recognises block scalar headers with indentation and chomping indicators', () => {
      const header = compile(yaml.repository['block-scalar'].begin as string);
      assert.deepEqual(header.exec('|-')?.slice(1, 5), ['|', undefined, undefined, '-']);
      assert.deepEqual(header.exec('>2+ # c')?.slice(1, 5), [undefined, '>', '2', '+']);
    });

    it('recognises anchors, aliases and tags', () => {
      assert.equal(compile(yaml.repository.alias.match as string).exec('*base')?.[2], 'base');
      const [anchor, tag] = (yaml.repository.properties.patterns as Rule[]).map((p) => compile(p.match as string));
      assert.equal(anchor.exec('&base {')?.[2], 'base');
      assert.equal(tag.exec('!!str 123')?.[0], '!!str');
    });
  });
});
