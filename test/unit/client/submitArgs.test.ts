/**
 * `tcvpn submit`'s command line through node's util.parseArgs: the same flags and messages as before, numeric
 * flags checked (`--timeout abc` is a usage error, exit 2, nothing sent), and `--disable` silencing what is shown
 * exactly like `tcvpn validate` while a silenced error still refuses the file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSubmitArgs, UsageError } from '../../../cli/submit';
import { exampleText, FIXTURES, runCli } from './helpers';

function usageError(argv: string[]): string {
  try {
    parseSubmitArgs(argv);
  } catch (error) {
    assert.ok(error instanceof UsageError, `not a usage error: ${String(error)}`);
    return error.message;
  }
  assert.fail(`${argv.join(' ')} was accepted`);
}

describe('tcvpn submit arguments', () => {
  it('reads every flag, as --flag value and --flag=value', () => {
    const args = parseSubmitArgs([
      'a.vpnconn.json',
      '--region',
      'ap-guangzhou',
      '--endpoint=http://127.0.0.1:1',
      '--wait',
      '--output',
      'json',
      '--profile',
      'p',
      '--document',
      '2',
      '--timeout=1.5',
      '--language',
      'en-US',
      '--verbose',
      '--disable',
      'a,b',
      '--disable=c',
    ]);
    assert.deepEqual(args, {
      file: 'a.vpnconn.json',
      region: 'ap-guangzhou',
      endpoint: 'http://127.0.0.1:1',
      output: 'json',
      profile: 'p',
      document: 2,
      timeoutSeconds: 1.5,
      language: 'en-US',
      disabledRules: ['a', 'b', 'c'],
      wait: true,
      verbose: true,
      dryRun: false,
    });
    assert.deepEqual(parseSubmitArgs(['a.json']), {
      file: 'a.json',
      region: undefined,
      endpoint: undefined,
      output: 'text',
      profile: undefined,
      document: undefined,
      timeoutSeconds: undefined,
      language: undefined,
      disabledRules: [],
      wait: false,
      verbose: false,
      dryRun: false,
    });
  });

  it('keeps the old messages for unknown options, missing values and the FILE count', () => {
    assert.equal(usageError(['a.json', '--bogus']), 'unknown option --bogus');
    assert.equal(usageError(['a.json', '-x']), 'unknown option -x');
    assert.equal(usageError(['a.json', '--region']), '--region needs a value');
    assert.equal(usageError(['a.json', '--region', '--wait']), '--region needs a value');
    assert.equal(usageError([]), 'exactly one FILE is needed');
    assert.equal(usageError(['a.json', 'b.json']), 'exactly one FILE is needed');
    assert.equal(usageError(['a.json', '--output', 'xml']), '--output must be json or text');
  });

  it('refuses values the flags cannot take', () => {
    assert.equal(usageError(['a.json', '--timeout', 'abc']), '--timeout must be a number of seconds, not "abc"');
    assert.equal(usageError(['a.json', '--timeout', '0']), '--timeout must be a number of seconds, not "0"');
    assert.equal(usageError(['a.json', '--timeout=']), '--timeout must be a number of seconds, not ""');
    assert.equal(
      usageError(['a.json', '--document', '1.5']),
      '--document must be a document number (1, 2, …), not "1.5"',
    );
    assert.equal(
      usageError(['a.json', '--document', 'two']),
      '--document must be a document number (1, 2, …), not "two"',
    );
    assert.equal(usageError(['a.json', '--language', 'fr-FR']), '--language must be zh-CN or en-US');
    assert.equal(usageError(['a.json', '--wait=yes']), '--wait takes no value');
  });

  describe('run', () => {
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-args-'))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('exits 2 with the message and the usage line for --timeout abc', async () => {
      const result = await runCli([path.join(FIXTURES, 'example.vpnconn.json'), '--timeout', 'abc']);
      assert.equal(result.code, 2);
      assert.match(
        result.stderr,
        /^tcvpn submit: --timeout must be a number of seconds, not "abc"\nusage: tcvpn submit FILE/,
      );
      assert.equal(result.stdout, '');
    });

    it('shows what `tcvpn validate` shows: --disable hides a warning, and a silenced error still refuses the file', async () => {
      // No credentials and no endpoint are needed: the check refuses the file before either is read.
      const invalid = path.join(FIXTURES, 'invalid.vpnconn.json');
      const silenced = await runCli([invalid, '--disable', 'MissingParameter,InvalidParameterValue']);
      assert.equal(silenced.code, 2);
      assert.match(
        silenced.stderr,
        /invalid\.vpnconn\.json: document 1: error: .*\[MissingParameter\] \(silenced, but an error still blocks a submit\)/,
      );
      assert.match(silenced.stderr, /nothing was submitted/);

      const weak = path.join(dir, 'weak.vpnconn.yaml');
      fs.writeFileSync(weak, `# tcvpn-disable weak-cryptography\nVpnConnectionName: x\n`);
      const byComment = await runCli([weak]);
      assert.equal(byComment.code, 2);
      assert.doesNotMatch(byComment.stderr, /weak-cryptography/);
      const json = path.join(dir, 'example.vpnconn.json');
      fs.writeFileSync(json, exampleText({ PreShareKey: undefined }));
      const shown = await runCli([json]);
      assert.match(
        shown.stderr,
        /example\.vpnconn\.json: document 1: information: .*\[weak-cryptography\]/,
        'a notice is shown',
      );
      const hidden = await runCli([json, '--disable', 'weak-cryptography']);
      assert.doesNotMatch(hidden.stderr, /weak-cryptography/, '--disable hides it');
      assert.match(hidden.stderr, /\[MissingParameter\]/);
    });
  });
});
