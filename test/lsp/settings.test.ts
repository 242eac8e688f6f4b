import * as assert from 'node:assert/strict';
import { effectiveLang, settingsFromInitOptions, settingsFromSection } from '../../server/workspaceSettings';

describe('language server settings', () => {
  it('reads the tencentcloudVpn section nested as VS Code sends it, or flat', () => {
    const expected = {
      docLanguage: 'en',
      filesInclude: ['**/*.tunnel.json'],
      disabledRules: ['spd-overlap'],
      peerVendor: 'cisco-asa',
    };
    assert.deepEqual(
      settingsFromSection({
        docLanguage: 'en',
        files: { include: ['**/*.tunnel.json'] },
        validation: { disabledRules: ['spd-overlap'] },
        peerVendor: 'cisco-asa',
      }),
      expected,
    );
    assert.deepEqual(
      settingsFromSection({
        docLanguage: 'en',
        'files.include': ['**/*.tunnel.json'],
        'validation.disabledRules': ['spd-overlap'],
        peerVendor: 'cisco-asa',
      }),
      expected,
    );
  });

  it('falls back to the defaults for missing or malformed values', () => {
    assert.deepEqual(
      settingsFromSection({
        docLanguage: 'fr',
        files: { include: 'x' },
        validation: { disabledRules: [1, 'a'] },
        peerVendor: 42,
      }),
      { docLanguage: 'auto', filesInclude: [], disabledRules: ['a'], peerVendor: '' },
    );
    assert.deepEqual(settingsFromInitOptions(undefined), {
      docLanguage: 'auto',
      filesInclude: [],
      disabledRules: [],
      peerVendor: '',
    });
  });

  it('accepts initializationOptions as { settings }, { tencentcloudVpn } or the section itself', () => {
    for (const options of [
      { settings: { tencentcloudVpn: { docLanguage: 'zh' } } },
      { tencentcloudVpn: { docLanguage: 'zh' } },
      { docLanguage: 'zh' },
    ]) {
      assert.equal(settingsFromInitOptions(options).docLanguage, 'zh');
    }
  });

  it('follows the client locale when docLanguage is auto, and the setting when forced', () => {
    const auto = settingsFromSection({});
    assert.equal(effectiveLang(auto, 'zh-cn'), 'zh');
    assert.equal(effectiveLang(auto, 'zh-TW'), 'zh');
    assert.equal(effectiveLang(auto, 'en-US'), 'en');
    assert.equal(effectiveLang(auto, undefined), 'en');
    assert.equal(effectiveLang(settingsFromSection({ docLanguage: 'en' }), 'zh-cn'), 'en');
  });
});
