/**
 * Setting ids live in protocol/settings.ts; package.json contributes.configuration must declare exactly those ids,
 * and every setting has a localized description.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTINGS_SECTION, Settings } from '../../protocol/settings';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// Two or more categories (an array): see test/unit/package/manifest.test.ts for why.
const properties: Record<string, { description?: string; markdownDescription?: string }> = Object.assign(
  {},
  ...(manifest.contributes.configuration as { properties: object }[]).map((category) => category.properties),
);

describe('settings', () => {
  it('package.json declares exactly the ids of protocol/settings.ts', () => {
    assert.deepEqual(Object.keys(properties).sort(), Object.values(Settings).sort());
  });

  it('every id is in the tencentcloudVpn section', () => {
    for (const id of Object.values(Settings)) assert.ok(id.startsWith(`${SETTINGS_SECTION}.`), id);
  });

  it('every setting has a %key% description', () => {
    for (const [id, property] of Object.entries(properties)) {
      assert.match(property.description ?? property.markdownDescription ?? '', /^%[^%]+%$/, id);
    }
  });
});
