/**
 * The client factory against the emulator: a client whose credentials the service refused is dropped, so the next
 * request reads the credentials again (a rotated key takes effect without a reload); a working client is reused.
 */
import * as assert from 'node:assert/strict';
import { ApiError } from '../../../cloud/apiError';
import { ClientFactory } from '../../../cloud/clientFactory';
import type { Credentials } from '../../../cloud/credentials';
import type { RunningEmulator } from '../../../emulator';
import { fastEmulator } from './helpers';

describe('client factory', () => {
  let emulator: RunningEmulator;
  before(async () => (emulator = await fastEmulator()));
  after(async () => emulator.close());

  it('builds a new client with fresh credentials after an AuthFailure, and reuses a working one', async () => {
    const { secretId, secretKey } = emulator.credentials[0];
    let key = 'a-rotated-away-key';
    let reads = 0;
    const factory = new ClientFactory({
      settings: () => ({ endpoint: emulator.url, timeoutSeconds: 5 }),
      credentials: async () => (reads++, { secretId, secretKey: key, source: 'environment' } as unknown as Credentials),
    });
    const stale = await factory.forRegion('ap-guangzhou');
    await assert.rejects(
      stale.request('DescribeVpnGateways', {}),
      (error: unknown) => error instanceof ApiError && error.code === 'AuthFailure.SignatureFailure',
    );
    key = secretKey;
    const fresh = await factory.forRegion('ap-guangzhou');
    assert.notEqual(fresh, stale, 'the refused client was kept');
    await fresh.request('DescribeVpnGateways', {});
    assert.equal(await factory.forRegion('ap-guangzhou'), fresh, 'a working client was rebuilt');
    assert.equal(reads, 2);
    await factory.dispose();
  });
});
