/** `tcvpn validate` argument parsing: the forms options come in and the locale default of --lang. */
import * as assert from 'node:assert/strict';
import { langFromEnv, parseValidateArgs } from '../../cli/validate/options';

const optionsOf = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const parsed = parseValidateArgs(args, env);
  assert.equal(parsed.kind, 'run', JSON.stringify(parsed));
  return (parsed as Extract<typeof parsed, { kind: 'run' }>).options;
};

describe('tcvpn validate: arguments', () => {
  it('takes options before, between and after the inputs, as --opt value or --opt=value', () => {
    const options = optionsOf(['a.json', '--format=sarif', 'b.yaml', '--lang', 'zh']);
    assert.deepEqual(options, {
      format: 'sarif',
      lang: 'zh',
      disabledRules: [],
      inputs: ['a.json', 'b.yaml'],
      live: false,
    });
  });

  it('collects --disable from repeats and comma-separated lists, ignoring empty items', () => {
    assert.deepEqual(optionsOf(['--disable', 'a,b', '--disable=c,', 'x.json']).disabledRules, ['a', 'b', 'c']);
  });

  it('treats everything after -- as an input, even names that look like options', () => {
    assert.deepEqual(optionsOf(['--', '--format', '-x.yaml']).inputs, ['--format', '-x.yaml']);
  });

  it('defaults --lang from LC_ALL, LC_MESSAGES or LANG: zh_* is Chinese, anything else English', () => {
    assert.equal(langFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh');
    assert.equal(langFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(langFromEnv({ LC_MESSAGES: 'zh_TW' }), 'zh');
    assert.equal(langFromEnv({}), 'en');
    assert.equal(optionsOf(['x.json'], { LANG: 'zh_CN.UTF-8' }).lang, 'zh');
  });
});
