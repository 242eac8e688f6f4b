/**
 * The tunnel lab masks the pre-shared key in everything it prints (lab/mask.ts), in every form a configuration
 * or the daemons write it: as written, escaped in a quoted string, base64 (`0s…`) and hexadecimal (`0x…`, which
 * the strongSwan generator writes for a key swanctl would otherwise decode).
 */
import * as assert from 'node:assert/strict';
import { maskSecret } from '../../../lab/mask';
import { hexOf } from '../../../peer/valueSyntax';

describe('lab: the pre-shared key masked in every form', () => {
  for (const key of ['0xdeadbeef-key', 'a "quoted" \\ key', 'plain-key-123', '0s-looks-like-base64'])
    it(`masks ${JSON.stringify(key)}`, () => {
      const bytes = Buffer.from(key, 'utf8');
      const text = [
        `secret = ${key}`,
        `secret = "${key.replace(/["\\]/g, '\\$&')}"`,
        `secret = 0s${bytes.toString('base64')}`,
        `secret = 0x${hexOf(key)}`,
      ].join('\n');
      const masked = maskSecret(text, key);
      for (const form of [key, bytes.toString('base64'), hexOf(key)]) assert.ok(!masked.includes(form), masked);
      assert.equal(masked.split('******').length - 1, 4, masked);
    });
});
