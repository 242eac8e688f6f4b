/**
 * Both UI languages are complete: every %key% package.json uses exists in package.nls.json and
 * package.nls.zh-cn.json, and every vscode.l10n.t message in client/**\/*.ts has a Simplified Chinese entry (and
 * an entry in the English bundle) with the same {n} placeholders.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every literal first argument of l10n.t(...) in the client's sources. */
function l10nMessages(): Map<string, string> {
  const pattern = /l10n\.t\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
  const messages = new Map<string, string>();
  for (const file of sourceFiles(path.join(root, 'client'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern))
      messages.set(match[2].replace(/\\(.)/g, '$1'), path.relative(root, file));
  }
  return messages;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();

describe('localization', () => {
  const packageText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const keys = [...new Set([...packageText.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]))];

  it('package.json uses %keys%', () => assert.ok(keys.length > 20, `only ${keys.length} keys found`));

  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    it(`${file} has every %key% of package.json, and no stale keys`, () => {
      const nls = readJson(file);
      assert.deepEqual(
        keys.filter((key) => !nls[key]?.trim()),
        [],
        'missing or empty',
      );
      assert.deepEqual(
        Object.keys(nls).filter((key) => !keys.includes(key)),
        [],
        'not used by package.json',
      );
    });
  }

  it('the Chinese package.nls differs from the English one (it is translated)', () => {
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    assert.ok(keys.filter((key) => /[\u4e00-\u9fff]/.test(zh[key])).length >= keys.length - 2);
    assert.notEqual(en['command.submit'], zh['command.submit']);
  });

  it('finds the client messages', () => assert.ok(l10nMessages().size > 30));

  for (const bundle of ['client/l10n/bundle.l10n.json', 'client/l10n/bundle.l10n.zh-cn.json']) {
    it(`${bundle} has every vscode.l10n.t message, with the same placeholders`, () => {
      const entries = readJson(bundle);
      const missing = [...l10nMessages()]
        .filter(([message]) => !entries[message]?.trim())
        .map(([message, file]) => `${file}: ${message}`);
      assert.deepEqual(missing, []);
      const mismatched = [...l10nMessages().keys()].filter(
        (message) => placeholders(message).join() !== placeholders(entries[message]).join(),
      );
      assert.deepEqual(mismatched, []);
    });
  }

  it('counts are worded with a singular and a plural message, never "(s)"', () => {
    assert.deepEqual(
      [...l10nMessages()]
        .filter(([message]) => /\w\(s\)/.test(message))
        .map(([message, file]) => `${file}: ${message}`),
      [],
    );
    const en = readJson('client/l10n/bundle.l10n.json');
    const zh = readJson('client/l10n/bundle.l10n.zh-cn.json');
    for (const [one, many] of [
      ['{0} has 1 error and was not submitted.', '{0} has {1} errors and was not submitted.'],
      ['Create 1 VPN connection in Tencent Cloud?', 'Create {0} VPN connections in Tencent Cloud?'],
      ['Creating 1 VPN connection', 'Creating {0} VPN connections'],
    ]) {
      assert.ok(en[one] && en[many] && zh[one] && zh[many], `${one} / ${many} in both bundles`);
      assert.ok(zh[one].includes('1') && zh[many].includes('{'), `${one}: the Chinese forms keep their count`);
    }
  });

  it('the zh-cn bundle has no stale entries', () => {
    const messages = l10nMessages();
    assert.deepEqual(
      Object.keys(readJson('client/l10n/bundle.l10n.zh-cn.json')).filter((key) => !messages.has(key)),
      [],
    );
  });
});
