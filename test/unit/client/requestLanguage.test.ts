/**
 * The API request language (the language of the service's error messages) follows the user's UI unless the
 * setting names one: an English VS Code never shows a Chinese API error, a Chinese one never an English one.
 */
import assert from 'node:assert/strict';
import { requestLanguageForUi, requestLanguageOf } from '../../../cloud/requestLanguage';

describe('request language', () => {
  it('"auto" follows the UI: zh-CN for every Chinese UI, en-US for every other', () => {
    for (const ui of ['zh-cn', 'zh-CN', 'zh-tw', 'zh', ' ZH-HK '])
      assert.equal(requestLanguageOf('auto', ui), 'zh-CN', ui);
    for (const ui of ['en', 'en-US', 'de', 'ja', 'fr-ca', '']) assert.equal(requestLanguageOf('auto', ui), 'en-US', ui);
  });

  it('a setting that names a language wins over the UI', () => {
    assert.equal(requestLanguageOf('zh-CN', 'en'), 'zh-CN');
    assert.equal(requestLanguageOf('en-US', 'zh-cn'), 'en-US');
  });

  it('an unset or unknown setting (a hand-edited settings.json) follows the UI instead of failing', () => {
    for (const setting of [undefined, null, '', 'fr-FR', 42, {}]) {
      assert.equal(requestLanguageOf(setting, 'zh-cn'), 'zh-CN', String(setting));
      assert.equal(requestLanguageOf(setting, 'en'), 'en-US', String(setting));
    }
    assert.equal(requestLanguageForUi(undefined), 'en-US');
  });
});
