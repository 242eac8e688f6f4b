import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { manifest, readJson, ROOT } from './grammarSupport';

type Pair = [string, string];
interface OnEnterRule {
  beforeText: string;
  afterText?: string;
  previousLineText?: string;
  action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent'; appendText?: string };
}
interface LanguageConfiguration {
  comments: { lineComment?: string; blockComment?: Pair };
  brackets: Pair[];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: Pair[];
  folding?: { offSide?: boolean; markers?: { start: string; end: string } };
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules?: OnEnterRule[];
  wordPattern: string;
}

const languages = manifest().contributes.languages;
const configurationOf = (id: string): LanguageConfiguration => {
  const language = languages.find((l) => l.id === id);
  assert.ok(language?.configuration, `package.json gives ${id} no language configuration`);
  return readJson<LanguageConfiguration>(language.configuration);
};

/** Every regular expression a language configuration holds, with where it sits. */
function patternsOf(config: LanguageConfiguration): [string, string][] {
  return [
    ['indentationRules.increaseIndentPattern', config.indentationRules.increaseIndentPattern],
    ['indentationRules.decreaseIndentPattern', config.indentationRules.decreaseIndentPattern],
    ['wordPattern', config.wordPattern],
    ...(config.folding?.markers
      ? ([
          ['folding.markers.start', config.folding.markers.start],
          ['folding.markers.end', config.folding.markers.end],
        ] as [string, string][])
      : []),
    ...(config.onEnterRules ?? []).flatMap((rule, i) =>
      (['beforeText', 'afterText', 'previousLineText'] as const)
        .filter((key) => rule[key] !== undefined)
        .map((key) => [`onEnterRules[${i}].${key}`, rule[key] as string] as [string, string]),
    ),
  ];
}

/** The words VS Code would see in a line with this word pattern (what a double-click selects). */
const words = (config: LanguageConfiguration, line: string): string[] =>
  line.match(new RegExp(config.wordPattern, 'g')) ?? [];

/** The action of the first onEnter rule that applies when Enter is pressed between `before` and `after`. */
function onEnter(config: LanguageConfiguration, before: string, after = ''): OnEnterRule['action'] | undefined {
  return config.onEnterRules?.find(
    (rule) =>
      new RegExp(rule.beforeText).test(before) &&
      (rule.afterText === undefined || new RegExp(rule.afterText).test(after)),
  )?.action;
}

describe('language configurations', () => {
  for (const language of languages) {
    describe(language.id, () => {
      it('points at an existing file', () => {
        assert.ok(
          language.configuration && existsSync(join(ROOT, language.configuration)),
          `${language.configuration} is missing`,
        );
      });

      it('compiles every pattern as a JavaScript RegExp, as VS Code does', () => {
        const failures = patternsOf(configurationOf(language.id)).flatMap(([where, pattern]) => {
          try {
            new RegExp(pattern);
            return [];
          } catch (error) {
            return [`${where}: ${(error as Error).message}`];
          }
        });
        assert.deepEqual(failures, []);
      });

      it('auto-closes and surrounds with every bracket it declares', () => {
        const config = configurationOf(language.id);
        for (const [open, close] of config.brackets) {
          assert.ok(
            config.autoClosingPairs.some((p) => p.open === open && p.close === close),
            `${open}${close} does not auto-close`,
          );
          assert.ok(
            config.surroundingPairs.some(([o, c]) => o === open && c === close),
            `${open}${close} does not surround`,
          );
        }
        assert.ok(
          config.autoClosingPairs.some((p) => p.open === '"' && p.notIn?.includes('string')),
          'quotes must not auto-close inside a string',
        );
      });
    });
  }

  describe('JSON', () => {
    const json = configurationOf('tencentcloud-vpn-json');

    it('toggles // line comments and /* */ block comments, which jsonc-parser tolerates', () => {
      assert.deepEqual(json.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
    });

    it('indents after an opening brace or bracket and outdents a closing one', () => {
      const increase = new RegExp(json.indentationRules.increaseIndentPattern);
      const decrease = new RegExp(json.indentationRules.decreaseIndentPattern);
      assert.ok(increase.test('{') && increase.test('  "SecurityPolicyDatabases": ['));
      assert.ok(!increase.test('  "Tags": [],') && !increase.test('  "Name": "a{b"'));
      assert.ok(decrease.test('  },') && decrease.test(']'));
    });

    it('continues a /** doc comment with " * "', () => {
      assert.equal(onEnter(json, '/**', ' */')?.appendText, ' * ');
    });

    it('selects a whole resource id or CIDR on double-click', () => {
      assert.deepEqual(words(json, '  "VpnGatewayId": "vpngw-8ccsnclt",'), ['VpnGatewayId', 'vpngw-8ccsnclt']);
      assert.deepEqual(words(json, '"LocalCidrBlock": "10.0.0.0/16"'), ['LocalCidrBlock', '10.0.0.0/16']);
    });
  });

  describe('YAML', () => {
    const yaml = configurationOf('tencentcloud-vpn-yaml');
    const increase = new RegExp(yaml.indentationRules.increaseIndentPattern);

    it('toggles # line comments and has no block comment', () => {
      assert.deepEqual(yaml.comments, { lineComment: '#' });
    });

    it('indents after a key that ends its line with ":" (a comment, anchor or block scalar header may follow)', () => {
      for (const line of [
        'SecurityPolicyDatabases:',
        '  - IKEOptionsSpecification:',
        'Tags:  # labels',
        '"Key":',
        'base: &b',
        'Desc: |-',
        'Desc: >',
      ]) {
        assert.ok(increase.test(line), line);
        assert.equal(onEnter(yaml, line)?.indent, 'indent', line);
      }
    });

    it('does not indent after a key with a value, an URL or a comment that ends with ":"', () => {
      for (const line of [
        'VpnGatewayId: vpngw-8ccsnclt',
        'url: http://a:8080',
        '# note:',
        '- 10.0.0.0/16',
        'Name: "a:"',
      ]) {
        assert.ok(!increase.test(line), line);
        assert.notEqual(onEnter(yaml, line)?.indent, 'indent', line);
      }
    });

    it('folds by indentation (offSide), so a blank line ends no block', () => {
      assert.equal(yaml.folding?.offSide, true);
    });

    it('selects a whole resource id, key or CIDR on double-click', () => {
      assert.deepEqual(words(yaml, '  - LocalCidrBlock: 10.0.0.0/16 # office'), [
        '-',
        'LocalCidrBlock',
        '10.0.0.0/16',
        'office',
      ]);
      assert.deepEqual(words(yaml, 'VpnGatewayId: "vpngw-8ccsnclt"'), ['VpnGatewayId', 'vpngw-8ccsnclt']);
    });
  });
});
