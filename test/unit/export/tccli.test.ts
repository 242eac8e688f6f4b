/**
 * `exportParams(…, 'tccli')`: the line, run through a real `sh -c` (printf standing in for tccli), hands tccli
 * words that it types (argument.py: String as is, Integer by int(), Boolean True/False, Object and Array by
 * json.loads) back into the same parameters for every test tunnel; the pre-shared key comes from the environment
 * and the line stops before running when it is unset; names with quotes, spaces, `$` and backquotes survive.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { exportParams, PSK_ENV_NAME } from '../../../cloud/export';
import { officialExample } from '../../support/fixtures';
import { paramsFromTccli, shellWords } from '../../support/export/readBack';
import { allTunnels } from '../../support/export/tunnels';

const KEY = 'key from the environment $HOME `id`';
const ENV = { [PSK_ENV_NAME]: KEY };

describe('export: tccli', () => {
  for (const [name, params] of allTunnels()) {
    it(`${name}: sh hands tccli the same parameters, the key from ${PSK_ENV_NAME}`, () => {
      const result = exportParams({ ...params, Region: 'ap-guangzhou' }, 'tccli');
      assert.ok(!result.text.includes(String(params.PreShareKey)), 'the key is in the output');
      const back = paramsFromTccli(result.text, ENV);
      assert.deepEqual(back.params, { ...params, PreShareKey: KEY });
      assert.equal(back.region, 'ap-guangzhou');
      assert.deepEqual(result.unsupported, []);
    });
  }

  it('a name with quotes, spaces, $, backquotes and a line break reaches tccli exactly', () => {
    const name = `O'Brien "x" $HOME \`id\` $(id) \\ ; rm -rf / # \n next line * ?`;
    const result = exportParams({ ...officialExample(), VpnConnectionName: name, Region: "ap-'x' $y" }, 'tccli');
    const back = paramsFromTccli(result.text, ENV);
    assert.equal(back.params.VpnConnectionName, name);
    assert.equal(back.region, "ap-'x' $y");
  });

  it('booleans are True/False, integers digits, DpdTimeout a string', () => {
    const params = { ...officialExample(), EnableHealthCheck: false, DpdEnable: 0, DpdTimeout: '45' };
    const words = shellWords(exportParams(params, 'tccli').text, ENV);
    const valueOf = (flag: string) => words[words.indexOf(flag) + 1];
    assert.equal(valueOf('--EnableHealthCheck'), 'False');
    assert.equal(valueOf('--DpdEnable'), '0');
    assert.deepEqual(paramsFromTccli(exportParams(params, 'tccli').text, ENV).params, { ...params, PreShareKey: KEY });
  });

  it('without the environment variable, sh stops before tccli runs and says what to set', () => {
    const { text } = exportParams(officialExample(), 'tccli');
    const script = `printf 'ran\\n'; ${text.replace(/^tccli /, "printf '%s\\n' ")}`;
    let failure: { status?: number; stdout?: string; stderr?: string } | undefined;
    try {
      execFileSync('sh', ['-c', script], { env: { PATH: process.env.PATH }, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as typeof failure;
    }
    assert.ok(failure && failure.status !== 0, 'the line ran without the key');
    assert.equal(failure.stdout, 'ran\n');
    assert.match(String(failure.stderr), new RegExp(`set ${PSK_ENV_NAME} to the pre-shared key`));
  });

  it('includePsk puts the key itself on the line, quoted', () => {
    const params = { ...officialExample(), PreShareKey: "it's $ecret" };
    const { params: back } = paramsFromTccli(exportParams(params, 'tccli', { includePsk: true }).text, {});
    assert.equal(back.PreShareKey, "it's $ecret");
  });

  it('without a region there is no --region and a note; keys CreateVpnConnection does not take are left out', () => {
    const result = exportParams({ ...officialExample(), Route: { DestinationCidrBlock: '11.0.0.0/16' } }, 'tccli');
    assert.equal(paramsFromTccli(result.text, ENV).region, undefined);
    assert.ok(result.notes.some((note) => note.includes("tccli uses its profile's region")));
    assert.deepEqual(result.unsupported, ['Route']);
    assert.ok(!result.text.includes('--Route'));
  });
});
