/**
 * `exportParams(…, 'sdk')`: the snippet, run in a vm sandbox with a fake tencentcloud-sdk-nodejs, builds a
 * `vpc.v20170312.Client` from the environment's credentials and calls CreateVpnConnection with params equal to the
 * file's for every test tunnel; no credential and no pre-shared key is written into it; it refuses to run without
 * the key; a hostile name stays a string.
 */
import * as assert from 'node:assert/strict';
import { exportParams, PSK_ENV_NAME } from '../../../cloud/export';
import { officialExample } from '../../support/fixtures';
import { runSdkSnippet } from '../../support/export/readBack';
import { allTunnels } from '../../support/export/tunnels';

const ENV = {
  TENCENTCLOUD_SECRET_ID: 'AKIDfromTheEnvironment',
  TENCENTCLOUD_SECRET_KEY: 'secret-key-from-the-environment',
  [PSK_ENV_NAME]: 'psk-from-the-environment',
};

describe('export: sdk', () => {
  for (const [name, params] of allTunnels()) {
    it(`${name}: the snippet calls CreateVpnConnection with the same params`, () => {
      const { text, unsupported } = exportParams({ ...params, Region: 'ap-beijing' }, 'sdk');
      const { config, params: sent } = runSdkSnippet(text, ENV);
      assert.deepEqual(sent, { ...params, PreShareKey: ENV[PSK_ENV_NAME] });
      assert.equal(config.region, 'ap-beijing');
      assert.deepEqual(config.credential, {
        secretId: ENV.TENCENTCLOUD_SECRET_ID,
        secretKey: ENV.TENCENTCLOUD_SECRET_KEY,
      });
      assert.ok(!text.includes(String(params.PreShareKey)), 'the key is in the output');
      assert.deepEqual(unsupported, []);
    });
  }

  it('names no credential or key in its text: they are read from the environment', () => {
    const { text } = exportParams(officialExample(), 'sdk');
    for (const expression of ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', PSK_ENV_NAME])
      assert.match(text, new RegExp(`process\\.env\\.${expression}`));
    assert.ok(!/secretId:\s*['"]/.test(text));
  });

  it('refuses to run without the pre-shared key in the environment', () => {
    const { text } = exportParams(officialExample(), 'sdk');
    const { [PSK_ENV_NAME]: _key, ...withoutKey } = ENV;
    assert.throws(() => runSdkSnippet(text, withoutKey), new RegExp(`set ${PSK_ENV_NAME}`));
  });

  it('includePsk writes the key; without a region the client reads TENCENTCLOUD_REGION', () => {
    const { text, notes } = exportParams(officialExample(), 'sdk', { includePsk: true });
    const { config, params } = runSdkSnippet(text, { ...ENV, TENCENTCLOUD_REGION: 'ap-chengdu', [PSK_ENV_NAME]: '' });
    assert.equal(params.PreShareKey, '6325ac');
    assert.equal(config.region, 'ap-chengdu');
    assert.ok(notes.some((note) => note.includes('TENCENTCLOUD_REGION')));
  });

  it('a name that tries to close the string or the comment stays a string', () => {
    const name = '"); process.exitCode = 9; //\n*/ \u2028 `${process}` \'';
    const { text } = exportParams({ ...officialExample(), VpnConnectionName: name }, 'sdk');
    assert.equal(runSdkSnippet(text, ENV).params.VpnConnectionName, name);
  });
});
