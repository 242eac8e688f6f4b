/**
 * The vendors' value syntax (peer/vendorSyntax.ts) beyond the hostile-key tests: every vendor writes the
 * placeholders; a key the device would decode (strongSwan's 0x/0s, FortiOS's 0x) goes in hexadecimal; the
 * vendors' length limits and option words are refusals with the reason.
 */
import assert from 'node:assert/strict';
import { VENDOR_IDS } from '../../../language/peer/vendor';
import { PLACEHOLDERS } from '../../../peer/placeholders';
import { VENDOR_SYNTAX } from '../../../peer/vendorSyntax';

const text = (written: { text: string } | { refusal: unknown }): string | undefined =>
  'text' in written ? written.text : undefined;
const reason = (written: { text: string } | { refusal: { en: string } }): string | undefined =>
  'refusal' in written ? written.refusal.en : undefined;

describe('vendor value syntax', () => {
  it('writes the placeholders on every vendor, with the placeholder itself in the text', () => {
    for (const id of VENDOR_IDS) {
      const syntax = VENDOR_SYNTAX[id];
      assert.ok(text(syntax.psk(PLACEHOLDERS.psk))?.includes(PLACEHOLDERS.psk), id);
      assert.ok(text(syntax.fqdn(PLACEHOLDERS.fqdn))?.includes(PLACEHOLDERS.fqdn), id);
    }
  });

  it('writes in hexadecimal a key the device would otherwise decode or lose', () => {
    assert.equal(text(VENDOR_SYNTAX.strongswan.psk('0sQUJD')), '0x307351554a44');
    assert.equal(text(VENDOR_SYNTAX.strongswan.psk('0Xabcdef')), '0x3058616263646566');
    assert.equal(text(VENDOR_SYNTAX.strongswan.psk('tab\there')), '0x7461620968657265');
    assert.equal(text(VENDOR_SYNTAX.fortios.psk('0xsecret')), '0x3078736563726574');
    assert.equal(text(VENDOR_SYNTAX.fortios.psk('00xsecret')), '0x303078736563726574');
    assert.equal(text(VENDOR_SYNTAX['juniper-srx'].psk('why?not')), 'hexadecimal 7768793f6e6f74');
    assert.equal(text(VENDOR_SYNTAX.libreswan.psk('say "hi"')), '0x7361792022686922');
  });

  it('refuses what a vendor does not take, saying why', () => {
    assert.match(reason(VENDOR_SYNTAX.fortios.psk('short')) ?? '', /5 characters.*6–128/);
    assert.match(reason(VENDOR_SYNTAX['cisco-asa'].psk('k'.repeat(129))) ?? '', /129 characters.*1–128/);
    assert.match(reason(VENDOR_SYNTAX.huawei.psk('k'.repeat(129))) ?? '', /1–128/);
    assert.match(reason(VENDOR_SYNTAX['cisco-ios'].psk('local')) ?? '', /option/);
    assert.match(reason(VENDOR_SYNTAX['cisco-asa'].psk('8')) ?? '', /option/);
    assert.match(reason(VENDOR_SYNTAX.h3c.psk('why?not')) ?? '', /"\?"/);
    assert.equal(text(VENDOR_SYNTAX.huawei.psk('why?not')), '"why?not"');
    assert.match(reason(VENDOR_SYNTAX.strongswan.fqdn('a\nb')) ?? '', /line break/);
  });
});
