/**
 * The examples/ folder, the demo's workspace: README's tunnel, a BGP, a policy and a CCN tunnel are valid, offline
 * and against the emulator's account (its seed holds their gateways), and the file of common mistakes has exactly
 * the findings its comments document, one `# mistake: <rule id>` per line, nothing more and nothing less.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator';
import { fastEmulator } from '../unit/client/helpers';
import { findingsOf, REPO_ROOT, validate } from './support/runCli';

const EXAMPLES = join(REPO_ROOT, 'examples');
const MISTAKES = 'common-mistakes.vpnconn.yaml';
const VALID = ['tunnel-to-idc', 'bgp-tunnel', 'policy-tunnel', 'ccn-tunnel'].map((name) => `${name}.vpnconn.yaml`);

/** "line:rule id" for every line of the file that documents a mistake. */
function documentedMistakes(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, index) => {
      const rule = /#\s*mistake:\s*([\w.-]+)/.exec(line)?.[1];
      return rule ? [`${index + 1}:${rule}`] : [];
    })
    .sort();
}

describe('examples/: the demo workspace', function () {
  this.timeout(30_000);

  it("holds README's tunnel, a BGP, a policy and a CCN tunnel, the mistakes file, and nothing unexpected", () => {
    const files = readdirSync(EXAMPLES).filter((file) => /\.vpnconn\.(json|ya?ml)$/.test(file));
    assert.deepEqual(files.sort(), [...VALID, MISTAKES].sort());
  });

  it('README shows the tunnel-to-idc example as it is in examples/', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n# tunnel-to-idc\.vpnconn\.yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(block, 'README has the tunnel-to-idc.vpnconn.yaml block');
    const example = readFileSync(join(EXAMPLES, 'tunnel-to-idc.vpnconn.yaml'), 'utf8');
    const body = (text: string) => text.split('\n').filter((line) => line && !line.startsWith('#'));
    assert.deepEqual(body(example), body(block));
  });

  it('the four tunnels are valid: no finding at all, exit 0', async () => {
    const run = await validate(['--format', 'json', ...VALID], EXAMPLES);
    assert.deepEqual(findingsOf(run), []);
    assert.equal(run.code, 0, run.stderr);
  });

  it('the mistakes file has exactly the findings its comments document', async () => {
    const run = await validate(['--format', 'json', MISTAKES], EXAMPLES);
    const found = findingsOf(run)
      .map((finding) => `${(finding.range as { start: { line: number } }).start.line}:${String(finding.ruleId)}`)
      .sort();
    assert.ok(found.length >= 6, 'a useful number of mistakes');
    assert.deepEqual(found, documentedMistakes(readFileSync(join(EXAMPLES, MISTAKES), 'utf8')));
    assert.equal(run.code, 1);
  });

  describe('against the emulator account (--live): the gateways and VPCs they name exist and fit', () => {
    let emulator: RunningEmulator;
    before(async () => (emulator = await fastEmulator()));
    after(async () => emulator.close());

    it('the four tunnels pass the account checks too', async () => {
      const [demo] = emulator.credentials;
      const env = {
        LANG: 'C',
        TENCENTCLOUD_SECRET_ID: demo.secretId,
        TENCENTCLOUD_SECRET_KEY: demo.secretKey,
        HOME: EXAMPLES,
      };
      const run = await validate(['--live', '--endpoint', emulator.url, '--format', 'json', ...VALID], EXAMPLES, env);
      assert.deepEqual(findingsOf(run), []);
      assert.equal(run.code, 0, run.stderr);
    });
  });
});
