/**
 * Masking: SecretId as AKID****wxyz, secrets replaced whole (no length hint), deep masking of any response,
 * and the redactor that removes known secret values from free text.
 */
import * as assert from 'node:assert/strict';
import { deepMask, MASK, maskSecret, maskSecretId, SecretRedactor } from '../../../cloud/mask';

describe('masking', () => {
  it('masks a SecretId to its prefix and last four characters', () => {
    assert.equal(maskSecretId('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE'), 'AKID****MPLE');
    assert.equal(maskSecretId('short'), MASK);
    assert.equal(maskSecretId(undefined), '');
  });

  it('masks a secret without revealing its length', () => {
    assert.equal(maskSecret('a'), maskSecret('a much longer pre-shared key'));
    assert.equal(maskSecret(''), '');
  });

  it('deep-masks PreShareKey, keys, tokens and SecretIds anywhere in a response, without touching the input', () => {
    const response = {
      VpnConnectionSet: [
        {
          VpnConnectionId: 'vpnx-1',
          PreShareKey: 'psk-in-clear',
          IKEOptionsSpecification: { LocalAddress: '1.2.3.4' },
        },
      ],
      credential: { secretId: 'AKIDabcdefghijklmnop1234', secretKey: 'k', token: 't' },
      RequestId: 'r-1',
    };
    const masked = deepMask(response);
    assert.equal(masked.VpnConnectionSet[0].PreShareKey, MASK);
    assert.equal(masked.VpnConnectionSet[0].IKEOptionsSpecification.LocalAddress, '1.2.3.4');
    assert.deepEqual(masked.credential, { secretId: 'AKID****1234', secretKey: MASK, token: MASK });
    assert.equal(response.VpnConnectionSet[0].PreShareKey, 'psk-in-clear', 'the input is not modified');
    assert.doesNotMatch(JSON.stringify(masked), /psk-in-clear/);
  });

  it('redacts registered secret values from free text', () => {
    const redactor = new SecretRedactor();
    redactor.add('s3cr3t-key', undefined, 'abc');
    assert.equal(
      redactor.redact('error near s3cr3t-key, twice: s3cr3t-key; abc stays'),
      `error near ${MASK}, twice: ${MASK}; abc stays`,
    );
  });
});
